package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// Found by the hardening tests (internal/hostile): with TERM=dumb the
// program strips every colour, but the reader kept the dark style, whose
// source badges differ from the text only by colour, so they ran into it.
// A colourless terminal now gets the no-colour style, as NO_COLOR does.
func TestColourlessTerminalGetsNoColourStyle(t *testing.T) {
	dossiers(t)
	for _, tc := range []struct {
		profile colorprofile.Profile
		style   render.Style // forced, or StyleAuto
		want    render.Style
	}{
		{colorprofile.NoTTY, render.StyleAuto, render.StyleNoTTY},
		{colorprofile.Ascii, render.StyleAuto, render.StyleNoTTY},
		{colorprofile.ANSI, render.StyleAuto, render.StyleDark},
		{colorprofile.TrueColor, render.StyleAuto, render.StyleDark},
		{colorprofile.Ascii, render.StyleLight, render.StyleLight}, // --style wins
	} {
		m := New(Options{Dossier: example, Style: tc.style, Width: 100, Height: 30})
		m.Update(tea.ColorProfileMsg{Profile: tc.profile})
		if m.c.Style != tc.want {
			t.Errorf("%v with style %v: reader style %v, want %v", tc.profile, tc.style, m.c.Style, tc.want)
		}
		// A terminal that reports a dark background afterwards does not
		// bring the colours back.
		m.Update(tea.BackgroundColorMsg{})
		if m.c.Style != tc.want {
			t.Errorf("%v: after the background report the style is %v", tc.profile, m.c.Style)
		}
	}
	m := New(Options{Dossier: example, Width: 100, Height: 30})
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.Ascii})
	if got := ansi.Strip(strings.Join(renderedClaim(m), "\n")); !strings.Contains(got, "[") {
		t.Errorf("badges are not bracketed in a colourless terminal:\n%s", got)
	}
}

// renderedClaim returns the first claim of the example rendered in the
// model's current style.
func renderedClaim(m *Model) []string {
	t := &m.c.Dossier.Topics[0]
	return m.c.Cache.Claim(m.c.Dossier, &t.Sections[0].Claims[0], 40, m.c.Style)
}

// Found by FuzzFrame (internal/hostile): a topic title holding a line break
// (a multi-line YAML string) broke the header into two lines, so the frame
// was one line too tall and its first line too short.
func TestLineBreakInTitlesKeepsTheFrame(t *testing.T) {
	d, probs := dossier.Load(fstest.MapFS{
		"dossier.md":  {Data: []byte("---\nid: x\ntitle: \"Two\\nlines\"\naccounts:\n  - {id: a, name: \"A\\nB\"}\n  - {id: b, name: B}\n---\n")},
		"sources.md":  {Data: []byte("---\nsources: [{id: s, outlet: \"S\\nT\", reliability: B}]\n---\n")},
		"topics/t.md": {Data: []byte("---\nid: t\ntitle: '0\n\n别'\n---\n\n## a\n\n- x [@s] {#k}\n\n## b\n\n- y [@s] {#k}\n")},
	})
	if d == nil {
		t.Fatal(probs.Err())
	}
	for _, sz := range [][2]int{{42, 11}, {100, 30}} {
		m := New(Options{Dossier: d, Style: render.StyleDark, Width: sz[0], Height: sz[1]})
		cmd := m.Init()
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		runCmd(m, cmd)
		lines := strings.Split(m.View().Content, "\n")
		if len(lines) != sz[1] {
			t.Errorf("%dx%d: frame of %d lines", sz[0], sz[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != sz[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", sz[0], sz[1], i, w, ansi.Strip(l))
			}
		}
	}
}

// runCmd runs a Cmd and feeds its messages back, batches included.
func runCmd(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c)
		}
	case nil:
	default:
		_, next := m.Update(msg)
		runCmd(m, next)
	}
}

// The hardening tests (internal/hostile) send the reader a 65535x65535
// terminal: it must draw a bounded frame, not one of four billion cells.
func TestHugeTerminalIsClamped(t *testing.T) {
	dossiers(t)
	m := New(Options{Dossier: example, Style: render.StyleDark, Width: 1 << 20, Height: 1 << 20})
	if m.c.Width != maxWidth || m.c.Height != maxHeight {
		t.Errorf("options: %dx%d", m.c.Width, m.c.Height)
	}
	m.Update(tea.WindowSizeMsg{Width: 65535, Height: 65535})
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != maxHeight || ansi.StringWidth(lines[0]) != maxWidth {
		t.Errorf("frame of %d lines, the first %d wide", len(lines), ansi.StringWidth(lines[0]))
	}
	m.Update(tea.WindowSizeMsg{Width: -5, Height: -1})
	if m.c.Width != 0 || m.c.Height != 0 {
		t.Errorf("negative size: %dx%d", m.c.Width, m.c.Height)
	}
}
