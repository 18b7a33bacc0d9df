// Command gen writes a synthetic dossier for scale tests:
//
//	go run ./bench/gen -size 1MB -out /tmp/synth-1mb
//	go run ./bench/gen -size 10MB -out /tmp/synth-10mb
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/bench/synth"
)

func main() {
	size := flag.String("size", "1MB", "approximate size: e.g. 200KB, 1MB, 10MB")
	out := flag.String("out", "", "folder to write (required)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same dossier")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -size 1MB -out DIR")
		os.Exit(2)
	}
	if err := synth.Generate(*out, n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func parseSize(s string) (int, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := 1
	for suffix, m := range map[string]int{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if strings.HasSuffix(s, suffix) {
			mult, s = m, strings.TrimSuffix(s, suffix)
			break
		}
	}
	n, err := strconv.Atoi(s)
	return n * mult, err
}
