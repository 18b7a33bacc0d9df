package cli

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/ui"
)

// A slow load says what it loads and for how long, and q stops it.
func TestSlowLoadShowsProgressAndQuits(t *testing.T) {
	never := make(chan struct{})
	t.Cleanup(func() { close(never) })
	st := newStartup(ui.Options{}, func() *loaded { <-never; return &loaded{} })
	st.name, st.since = "./big", time.Unix(100, 0)
	var model tea.Model = st
	model, _ = model.Update(tea.WindowSizeMsg{Width: 40, Height: 5})
	model, cmd := model.Update(progressMsg{at: time.Unix(102, 500_000_000)})
	if cmd == nil {
		t.Fatal("no next tick")
	}
	v := model.View()
	lines := strings.Split(v.Content, "\n")
	if !v.AltScreen || len(lines) != 5 || !strings.Contains(v.Content, "loading ./big … 2.5 s") || !strings.Contains(v.Content, "q or ctrl+c stops") {
		t.Fatalf("view:\n%s", v.Content)
	}
	for _, key := range []tea.KeyPressMsg{{Code: 'q', Text: "q"}, {Code: 'c', Mod: tea.ModCtrl}} {
		_, cmd := model.Update(key)
		if msgs := yields(cmd); len(msgs) != 1 {
			t.Fatalf("%s: Cmd yields %v", key, msgs)
		} else if _, ok := msgs[0].(tea.QuitMsg); !ok {
			t.Fatalf("%s: Cmd yields %T, want tea.QuitMsg", key, msgs[0])
		}
	}
	// the quick load (the embedded dossier) keeps q for the reader
	quick := newStartup(ui.Options{}, func() *loaded { <-never; return &loaded{} })
	if _, cmd := quick.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd != nil {
		t.Fatal("q quit a quick load")
	}
}
