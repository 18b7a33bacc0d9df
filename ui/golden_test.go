package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden compares the main screens at 120x40, ANSI stripped, with
// testdata/TestGolden/<case>.golden (refresh with go test -update). They
// use the format's example dossier, which does not change with the
// content.
func TestGolden(t *testing.T) {
	dossiers(t)
	d := example
	cases := []struct {
		name  string
		keys  []string
		until []string // the frame to keep shows all of these
		state func(frame) bool
	}{
		{"compare", nil, []string{"Upstream · Dry-season flows", "no counterpart"}, nil},
		{"next-topic", []string{"]"}, []string{"Upstream · The technical committee", "topic 2/2"}, nil},
		{"accounts-swapped", []string{"x"}, []string{"╭─ Downstream · Dry-season flows"},
			func(f frame) bool { return f.lay.Pair == [2]string{"down", "up"} }},
		{"help", []string{"?"}, []string{"Keys", "next topic", "esc or ? to close"}, nil},
		{"topics", []string{"t", "c", "o", "m"}, []string{"Topics", "› com"}, nil},
		{"accounts", []string{"a"}, []string{"Left pane: which account?"}, nil},
		{"provenance", []string{"enter"}, []string{"Provenance", "Sources", "origin: "}, nil},
		{"provenance-discrepancy", []string{"}", "enter"}, []string{"Provenance", "Discrepancies"}, nil},
		{"free-scroll", []string{"s", "tab"}, []string{"free scroll"},
			func(f frame) bool { return f.nav.Focus == FocusRight }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, d, 120, 40)
			s.waitFor("with topic 1", ready(d, 0))
			s.press(tc.keys...)
			f := s.waitFor("showing "+strings.Join(tc.until, ", "), func(f frame) bool {
				return contains(tc.until...)(f) && ready(d, f.nav.Topic)(f) && (tc.state == nil || tc.state(f))
			})
			golden.RequireEqual(t, ansi.Strip(f.content))
		})
	}
}
