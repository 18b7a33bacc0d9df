package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// hostileBriefing is a briefing whose titles and notes try escapes, wide
// and right-to-left text, a long unbroken word and deep nesting.
var hostileBriefing = "---\nid: hostile\ntitle: \"Brief \\e]0;owned\\a 会谈\"\n---\n\n" +
	"## 会谈 · محادثات \x1b[31mred\x1b[0m {view=compare topic=mixed}\n\n" +
	"Notes with an OSC \x1b]8;;http://x\x07link\x1b]8;;\x07 and a CSI \x1b[2J clear.\n\n" +
	strings.Repeat("> ", 12) + strings.Repeat("nested ", 40) + "\n\n" +
	strings.Repeat("wordwithoutanyspacesatall", 12) + "\n\n" +
	"## 👨‍👩‍👧 family {view=days}\n\n" + strings.Repeat("- item\n", 60) + "\n" +
	"## Empty notes {view=sources}\n"

// The presenter panel keeps every frame square and free of anything but
// SGR sequences, at every size, on a hostile briefing, in every state.
func TestPresenterPanelAtManySizes(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/hostile")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "briefings"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "briefings", "01-hostile.md"), []byte(hostileBriefing), 0o644); err != nil {
		t.Fatal(err)
	}
	d, probs := dossier.Load(os.DirFS(dir))
	if d == nil || len(d.Briefings) != 1 || len(d.Briefings[0].Stops) != 3 {
		t.Fatalf("hostile briefing did not load as 3 stops: %v", probs)
	}
	sizes := [][2]int{{1, 1}, {39, 9}, {40, 10}, {41, 23}, {60, 24}, {80, 24}, {81, 40}, {133, 41}, {240, 60}}
	keys := [][]string{nil, {"right"}, {"right", "right"}, {"right", "right", "right", "right"}, {"right", "P"}, {"right", "?"}}
	for _, st := range []render.Style{render.StyleDark, render.StyleNoTTY} {
		for _, ks := range keys {
			m := New(Options{Dossier: d, Style: st, Width: 100, Height: 30, Role: RolePresenter, Presence: &fakeHub{}})
			run(m, m.Init())
			_, cmd := m.Update(PresenceMsg{Role: RolePresenter, Driving: true, Followers: []string{"\x1b[31mbob", "会谈"}, Requests: []string{"eve\x07"}})
			run(m, cmd)
			for _, k := range ks {
				_, cmd := m.Update(keyMsg(k))
				run(m, cmd)
			}
			for i, sz := range sizes {
				_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				run(m, cmd)
				f := frame{content: m.View().Content, w: sz[0], h: sz[1], method: m.c.Method}
				checkFrame(t, i, f)
				if strings.Contains(f.content, "owned") && strings.Contains(f.content, "\x1b]") {
					t.Fatalf("an OSC sequence reached the screen")
				}
			}
		}
	}
}
