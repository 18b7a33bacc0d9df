// Command termtime measures what a user of a terminal program feels, in a
// real pseudo-terminal: the time from process start to the first full frame,
// and from a key press to the changed screen. It runs each program N times
// and prints the median and the spread. Several programs may be given,
// separated by "--", and are measured in turns in one run, so dossier and a
// bare Bubble Tea program (bench/bare) share the same machine conditions:
//
//	go build -o /tmp/dossier . && go build -o /tmp/bare ./bench/bare
//	go run ./bench/termtime -runs 15 -- /tmp/dossier --style dark -- /tmp/bare -fps 120
//
// The output is fed to a small terminal emulator (internal/vtest). A frame
// counts as shown when the screen shows the text given by -ready (one -ready
// per program, comma-separated, or one for all); a key counts as answered
// when the screen changes after it.
//
// With -tmux the programs run inside tmux (started once, on a private
// socket, attached in the pty; each run replaces the pane's program with
// respawn-pane), and the screen is what tmux draws: start is when
// respawn-pane is issued.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 11, "how many times to start each program (median over runs)")
	ready := flag.String("ready", "Pakistani sources say,bare bubbletea", "text on the screen that shows the first frame is complete; "+
		"comma-separated, one per program in order (the last one is used for the rest)")
	keys := flag.String("keys", "j,k,],[,j,k", "comma-separated keys to time after the first frame (j, k, ], [, space, down, …; empty for none); "+
		"one list per program separated by | (the last one is used for the rest)")
	cols := flag.Int("cols", 120, "terminal width")
	rows := flag.Int("rows", 40, "terminal height")
	settle := flag.Duration("settle", 250*time.Millisecond, "quiet time that ends a frame before the next key")
	timeout := flag.Duration("timeout", 10*time.Second, "give up on one run after this long")
	useTmux := flag.Bool("tmux", false, "run the programs inside tmux and time what tmux draws")
	dump := flag.Bool("dump", false, "print the screen at the end of the last run of each program")
	flag.Parse()
	progs := splitPrograms(flag.Args())
	if len(progs) == 0 {
		fmt.Fprintln(os.Stderr, "usage: termtime [flags] -- COMMAND [ARGS...] [-- COMMAND [ARGS...]]...")
		os.Exit(2)
	}
	readies := strings.Split(*ready, ",")
	var term terminal = &rawPTY{}
	mode := "raw pty"
	if *useTmux {
		t, err := startTmux(*cols, *rows, *timeout)
		if err != nil {
			fmt.Fprintln(os.Stderr, "termtime:", err)
			os.Exit(1)
		}
		defer t.close()
		term, mode = t, "tmux "+t.version
	}
	var keyLists [][]string
	for _, list := range strings.Split(*keys, "|") {
		keyLists = append(keyLists, slices.DeleteFunc(strings.Split(list, ","), func(k string) bool { return k == "" }))
	}
	starts := make([][]time.Duration, len(progs))
	answers := make([][]time.Duration, len(progs))
	peaks := make([][]int, len(progs))
	faults := make([][]int, len(progs))
	for i := 0; i < *runs; i++ {
		for p, argv := range progs {
			r := readies[min(p, len(readies)-1)]
			res, err := term.run(argv, r, keyLists[min(p, len(keyLists)-1)], *cols, *rows, *settle, *timeout)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s, run %d: %v\n", argv[0], i+1, err)
				os.Exit(1)
			}
			starts[p] = append(starts[p], res.first)
			answers[p] = append(answers[p], res.keys...)
			if res.peakKB > 0 {
				peaks[p] = append(peaks[p], res.peakKB)
				faults[p] = append(faults[p], res.faults)
			}
			if *dump && i == *runs-1 {
				fmt.Printf("screen of %s:\n%s\n", strings.Join(argv, " "), res.screen)
			}
		}
	}
	fmt.Printf("%s, %dx%d, %d runs each, date %s\n", mode, *cols, *rows, *runs, time.Now().Format(time.DateTime))
	for p, argv := range progs {
		fmt.Printf("command: %s\n", strings.Join(argv, " "))
		fmt.Printf("  start -> first frame:  %s\n", summary(starts[p]))
		fmt.Printf("  key -> changed screen: %s\n", summary(answers[p]))
		if len(peaks[p]) > 0 {
			fmt.Printf("  peak RSS at first frame: median %d KiB; page faults: median %d\n", medianInt(peaks[p]), medianInt(faults[p]))
		}
	}
	// The last program is the floor (bench/bare): every other one is given
	// as a ratio to it, measured in the same turns.
	if last := len(progs) - 1; last > 0 {
		fmt.Printf("ratios to the last command (%s), medians of the same run:\n", progs[last][0])
		for p := 0; p < last; p++ {
			fmt.Printf("  %s: first frame %.2fx", strings.Join(progs[p], " "), ratio(median(starts[p]), median(starts[last])))
			if len(peaks[p]) > 0 && len(peaks[last]) > 0 {
				fmt.Printf(", peak RSS %.2fx, page faults %.2fx",
					float64(medianInt(peaks[p]))/float64(medianInt(peaks[last])),
					float64(medianInt(faults[p]))/float64(max(1, medianInt(faults[last]))))
			}
			fmt.Println()
		}
	}
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianInt(xs []int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// splitPrograms splits the arguments at each "--" into command lines.
func splitPrograms(args []string) [][]string {
	var progs [][]string
	cur := []string{}
	for _, a := range args {
		if a == "--" {
			if len(cur) > 0 {
				progs = append(progs, cur)
			}
			cur = []string{}
			continue
		}
		cur = append(cur, a)
	}
	if len(cur) > 0 {
		progs = append(progs, cur)
	}
	return progs
}

func summary(ds []time.Duration) string {
	if len(ds) == 0 {
		return "no samples"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	q := func(p float64) time.Duration { return s[int(p*float64(len(s)-1)+0.5)] }
	return fmt.Sprintf("median %6.2f ms  (min %.2f, p90 %.2f, max %.2f; n=%d)",
		ms(q(0.5)), ms(s[0]), ms(q(0.9)), ms(s[len(s)-1]), len(s))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

var keyBytes = map[string]string{
	"space": " ", "down": "\x1b[B", "up": "\x1b[A", "right": "\x1b[C", "left": "\x1b[D",
	"enter": "\r", "tab": "\t", "pgdown": "\x1b[6~", "pgup": "\x1b[5~",
}

// result is one run of a program.
type result struct {
	first  time.Duration   // start to the first complete frame
	peakKB int             // peak resident memory when the first frame was seen (raw pty only)
	faults int             // page faults when the first frame was seen (raw pty only)
	keys   []time.Duration // each key to the changed screen
	screen string          // the screen at the end
}

// terminal runs a program once and times it.
type terminal interface {
	run(argv []string, ready string, keys []string, cols, rows int, settle, timeout time.Duration) (result, error)
}
