package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Presenter notes are rendered as Markdown, cleaned of control sequences,
// cut to the width, and cached: the second call renders nothing.
func TestNotes(t *testing.T) {
	b := &dossier.Briefing{ID: "b", Stops: []dossier.Stop{
		{Title: "one", Notes: "Point at **the figure**.\x1b]0;owned\x07 Then \x1b[2Jmove on.\n\n- a list item"},
		{Title: "two", Notes: strings.Repeat("verylongwordwithoutspaces", 10)},
		{Title: "three"},
	}}
	d := &dossier.Dossier{ID: "d", Briefings: []dossier.Briefing{*b}}
	b = &d.Briefings[0]
	c := NewCache()
	if _, ok := c.CachedNotes(d, b, 0, 40, StyleDark); ok {
		t.Fatal("notes cached before they were rendered")
	}
	lines := c.Notes(d, b, 0, 40, StyleDark)
	text := ansi.Strip(strings.Join(lines, "\n"))
	for _, want := range []string{"Point at the figure.", "move on.", "a list item"} {
		if !strings.Contains(text, want) {
			t.Errorf("notes lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "owned") && strings.Contains(strings.Join(lines, ""), "\x1b]") {
		t.Errorf("an OSC sequence reached the notes: %q", lines)
	}
	for _, l := range lines {
		if bad := nonSGR(l); bad != "" {
			t.Errorf("non-SGR sequence %q in %q", bad, l)
		}
	}
	again, ok := c.CachedNotes(d, b, 0, 40, StyleDark)
	if !ok || &again[0] != &lines[0] {
		t.Errorf("the notes were not cached")
	}
	for _, l := range c.Notes(d, b, 1, 12, StyleNoTTY) {
		if w := ansi.StringWidth(l); w > 12 {
			t.Errorf("line %q is %d cells wide, want at most 12", l, w)
		}
	}
	if got := c.Notes(d, b, 2, 40, StyleDark); len(got) != 0 {
		t.Errorf("a stop without notes rendered %q", got)
	}
	if got := c.Notes(d, b, 7, 40, StyleDark); got != nil {
		t.Errorf("a stop out of range rendered %q", got)
	}
}
