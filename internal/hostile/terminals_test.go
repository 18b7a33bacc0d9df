package hostile

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/internal/vtest"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// sweep are the terminal sizes every view is drawn at, from one cell to a
// very large window, with the reader's minimum (40x10) and one cell under it.
var sweep = [][2]int{{1, 1}, {2, 2}, {10, 3}, {39, 9}, {40, 10}, {79, 24}, {80, 24}, {120, 40}, {200, 60}, {400, 120}}

// TestEveryViewEverySize draws every view and overlay of three dossiers
// (the embedded one, the format's example, the injection one) at every size
// of the sweep, in colour and without, each from a reader started at that
// size, as a follower and as the driving presenter (who sees the notes).
// checkView fails any frame not exactly the terminal's size. The embedded
// dossier (the long one) is swept only with DOSSIER_SOAK.
func TestEveryViewEverySize(t *testing.T) {
	t.Parallel() // the tests that measure the whole process (goroutines, heap) are not parallel
	for name, d := range map[string]*dossier.Dossier{"embedded": embeddedDossier(t), "example": exampleDossier(t), "inject": loadInject(t)} {
		t.Run(name, func(t *testing.T) {
			if name == "embedded" {
				testkit.Soak(t)
				if testkit.Race {
					t.Skip("the long dossier's sweep runs without -race (.ci/run runs it so)")
				}
			}
			cache := render.NewCache()
			for _, sz := range sweep {
				styles := []render.Style{render.StyleDark}
				if sz[0] <= 80 {
					styles = append(styles, render.StyleNoTTY)
				}
				for _, st := range styles {
					r := newReader(t, d, cache, sz[0], sz[1], st)
					r.screens()
				}
				// A driving presenter, with the briefing's notes.
				p := newReaderAs(t, d, cache, sz[0], sz[1], render.StyleDark, ui.RolePresenter)
				p.screens()
				p.press("right", "right")
				p.frame()
			}
		})
	}
}

// stormKeys are the keys pressed between resizes.
var stormKeys = []string{"1", "2", "3", "4", "5", "]", "[", "j", "k", "G", "g", "pgdown", "}", "{", "tab", "s", "x", "t", "?", "a", "enter", "esc", "esc"}

// TestResizeStorm resizes the reader 200 times to random sizes (seeded),
// with random keys between, twice: once letting every re-render finish
// before the next resize, once sending resizes while renders for older sizes
// are still running (their results then arrive late, for a size that is
// gone). Every frame drawn is checked. Without DOSSIER_SOAK the storm is
// 20 resizes long.
func TestResizeStorm(t *testing.T) {
	t.Parallel()                   // the tests that measure the whole process (goroutines, heap) are not parallel
	n := testkit.UnderRace(200, 5) // .ci/run runs the 200 without -race too
	if !testkit.Soaking() {
		n = 20
	}
	for _, settled := range []bool{true, false} {
		t.Run(fmt.Sprintf("settled=%v", settled), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(8, uint64(len(stormKeys))))
			d := embeddedDossier(t)
			r := newReader(t, d, render.NewCache(), 80, 24, render.StyleDark)
			for i := range n {
				w, h := 1+rng.IntN(400), 1+rng.IntN(120)
				if i%10 == 0 { // now and then a size at the reader's limits
					w, h = []int{1, 39, 40, 41, 79, 80, 81}[rng.IntN(7)], []int{1, 9, 10, 11}[rng.IntN(4)]
				}
				r.w, r.h = w, h
				if settled {
					r.send(tea.WindowSizeMsg{Width: w, Height: h})
				} else {
					r.update(tea.WindowSizeMsg{Width: w, Height: h})
				}
				r.frame()
				if k := stormKeys[rng.IntN(len(stormKeys))]; settled {
					r.press(k)
				} else {
					r.update(keyPress(k))
				}
				r.frame()
			}
			r.settle()
			r.frame()
			if r.frames < 2*n+1 {
				t.Errorf("%d frames checked", r.frames)
			}
		})
	}
}

// terminalRun is the reader as a real program writing to an emulated
// terminal.
type terminalRun struct {
	screen *vtest.Screen
	raw    *lockedBuffer
	p      *tea.Program
	done   chan error
}

// runTerminal starts the reader on d as a program in a w×h emulated
// terminal with the given environment and options.
func runTerminal(t *testing.T, d *dossier.Dossier, w, h int, env []string, opts ...tea.ProgramOption) *terminalRun {
	t.Helper()
	tr := &terminalRun{screen: vtest.New(w, h), raw: &lockedBuffer{}, done: make(chan error, 1)}
	m := ui.New(ui.Options{Dossier: d, Style: render.StyleAuto, Width: w, Height: h})
	opts = append([]tea.ProgramOption{tea.WithInput(&bytes.Buffer{}), tea.WithOutput(multi{testkit.ONLCR(tr.screen), tr.raw}),
		tea.WithWindowSize(w, h), tea.WithEnvironment(env), tea.WithoutSignals()}, opts...)
	tr.p = tea.NewProgram(m, opts...)
	go func() { _, err := tr.p.Run(); tr.done <- err }()
	t.Cleanup(func() {
		tr.p.Quit()
		select {
		case <-tr.done:
		case <-time.After(hangLimit):
			tr.p.Kill()
			t.Error("hang: the program did not quit")
		}
	})
	return tr
}

// waitScreen waits until the screen satisfies cond and returns its text.
func (tr *terminalRun) waitScreen(t *testing.T, what string, cond func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(hangLimit)
	for {
		s := tr.screen.String()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("hang: the screen never showed %s; it shows:\n%s", what, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestColourProfiles runs the reader in terminals of every colour depth and
// in two colourless ones (TERM=dumb, NO_COLOR) and compares what a user
// reads. The colour terminals must show the same text, each with colours of
// its own depth only; the colourless ones the same text as each other, with
// no colour at all and the source badges bracketed (colour no longer tells
// them from the text).
func TestColourProfiles(t *testing.T) {
	d := exampleDossier(t)
	type run struct {
		name    string
		env     []string
		opts    []tea.ProgramOption
		colour  bool
		depths  string // colour depths the program may write: "t" 24-bit, "8" 256 colours, "4" 16 colours; the first it must
		screens []string
	}
	runs := []*run{
		{name: "truecolor", env: []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, colour: true,
			opts: []tea.ProgramOption{tea.WithColorProfile(colorprofile.TrueColor)}, depths: "t84"},
		{name: "256", env: []string{"TERM=xterm-256color"}, colour: true,
			opts: []tea.ProgramOption{tea.WithColorProfile(colorprofile.ANSI256)}, depths: "84"},
		{name: "16", env: []string{"TERM=xterm"}, colour: true,
			opts: []tea.ProgramOption{tea.WithColorProfile(colorprofile.ANSI)}, depths: "4"},
		{name: "TERM=dumb", env: []string{"TERM=dumb"}},
		{name: "NO_COLOR", env: []string{"TERM=xterm-256color", "NO_COLOR=1"}},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			tr := runTerminal(t, d, 100, 30, r.env, r.opts...)
			ready := func(s string) bool {
				return strings.Contains(s, "Officials told the Gazette") && strings.Contains(s, "[Gazette B2]") != r.colour
			}
			r.screens = append(r.screens, tr.waitScreen(t, "the first topic", ready))
			tr.p.Send(keyPress("]"))
			r.screens = append(r.screens, tr.waitScreen(t, "the second topic", func(s string) bool {
				return strings.Contains(s, "topic 2/2") && !strings.Contains(s, "rendering")
			}))
			raw := tr.raw.String()
			got := colourDepths(raw)
			if strings.Trim(got, r.depths) != "" || r.depths != "" && !strings.Contains(got, r.depths[:1]) {
				t.Errorf("the program wrote colours of depths %q; it may write %q, and must the first", got, r.depths)
			}
			if bad := streamViolation(raw); bad != "" {
				t.Errorf("the program wrote %q", bad)
			}
		})
	}
	same := func(a, b *run) {
		t.Helper()
		for i := range a.screens {
			if i < len(b.screens) && a.screens[i] != b.screens[i] {
				t.Errorf("screen %d differs between %s and %s:\n%s\n---\n%s", i, a.name, b.name, a.screens[i], b.screens[i])
			}
		}
	}
	same(runs[0], runs[1])
	same(runs[0], runs[2])
	same(runs[3], runs[4])
	for _, r := range runs {
		if len(r.screens) != 2 {
			t.Errorf("%s: %d screens", r.name, len(r.screens))
		}
	}
}

// colourDepths returns the colour depths of the SGR sequences in s, each
// once, in the order "t8 4": "t" for 24-bit colours, "8" for the 256-colour
// palette, "4" for the 16 colours.
func colourDepths(s string) string {
	seen := map[byte]bool{}
	var state byte
	for len(s) > 0 {
		seq, _, n, ns := ansi.DecodeSequence(s, state, nil)
		state = ns
		if n <= 0 {
			break
		}
		s = s[n:]
		if !isSGR(seq) {
			continue
		}
		ps := strings.FieldsFunc(seq[2:len(seq)-1], func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(ps); i++ {
			switch p := ps[i]; {
			case p == "38" || p == "48" || p == "58":
				if i+1 < len(ps) && ps[i+1] == "2" {
					seen['t'] = true
					i += 4
				} else if i+1 < len(ps) && ps[i+1] == "5" {
					seen['8'] = true
					i += 2
				}
			case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] >= '0' && p[1] <= '7',
				len(p) == 3 && p[:2] == "10" && p[2] >= '0' && p[2] <= '7':
				seen['4'] = true
			}
		}
	}
	out := ""
	for _, c := range []byte("t84") {
		if seen[c] {
			out += string(c)
		}
	}
	return out
}

// TestHugeTerminalHeadless tells the reader its terminal is 65535x65535:
// it must draw a bounded frame (1000x500), in every view, in bounded memory.
func TestHugeTerminalHeadless(t *testing.T) {
	r := newReader(t, embeddedDossier(t), nil, 80, 24, render.StyleDark)
	_, before := snapshot()
	r.send(tea.WindowSizeMsg{Width: 65535, Height: 65535})
	r.w, r.h = 1000, 500 // the reader's bound
	r.screens()
	_, after := snapshot()
	if after > before+256<<20 {
		t.Errorf("heap grew from %.1f to %.1f MiB", mib(before), mib(after))
	}
}
