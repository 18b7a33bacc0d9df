package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

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
