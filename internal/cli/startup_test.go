package cli

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// yields executes a Cmd one level deep and returns the messages it yields.
func yields(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, yields(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// Messages that arrive while the dossier loads reach the reader, in order,
// once it exists; then the reader is the program's model.
func TestStartupHandsOverToTheReader(t *testing.T) {
	release := make(chan struct{})
	st := newStartup(ui.Options{Style: render.StyleDark, Width: 80, Height: 24}, func() *loaded {
		<-release
		l, _ := load([]string{example})
		return l
	})
	if v := st.View(); !v.AltScreen || v.Content != "" {
		t.Errorf("before the load: view %+v, want an empty alternate screen", v)
	}
	// the terminal is resized and a key typed before the dossier is in
	var model tea.Model = st
	for _, msg := range []tea.Msg{tea.WindowSizeMsg{Width: 130, Height: 30}, tea.KeyPressMsg{Code: ']', Text: "]"}} {
		var cmd tea.Cmd
		model, cmd = model.Update(msg)
		if model != st || cmd != nil {
			t.Fatalf("before the load, Update(%T) returned %T and a Cmd", msg, model)
		}
	}
	close(release)
	model, cmd := model.Update(yields(st.Init())[0])
	r, ok := model.(*ui.Model)
	if !ok {
		t.Fatalf("after the load the model is %T, want *ui.Model", model)
	}
	for _, msg := range yields(cmd) {
		model, _ = model.Update(msg)
	}
	lines := strings.Split(r.View().Content, "\n")
	if len(lines) != 30 || ansi.StringWidth(lines[0]) != 130 {
		t.Errorf("frame is %d lines of %d cells, want the size sent before the load (30 of 130)", len(lines), ansi.StringWidth(lines[0]))
	}
	if !strings.Contains(ansi.Strip(lines[0]), "topic 2/") {
		t.Errorf("the ] typed before the load did not move to topic 2:\n%s", ansi.Strip(r.View().Content))
	}
}

// A dossier with errors quits the program and is kept for the caller to
// report.
func TestStartupQuitsOnErrors(t *testing.T) {
	st := newStartup(ui.Options{}, func() *loaded {
		return &loaded{probs: dossier.Problems{{Severity: dossier.SeverityError, Msg: "broken"}}}
	})
	model, cmd := st.Update(yields(st.Init())[0])
	if model != st || st.failed == nil {
		t.Fatalf("model %T, failed %v; want the startup model holding the failed load", model, st.failed)
	}
	if msgs := yields(cmd); len(msgs) != 1 {
		t.Fatalf("Cmd yields %v, want tea.Quit's message", msgs)
	} else if _, ok := msgs[0].(tea.QuitMsg); !ok {
		t.Errorf("Cmd yields %T, want tea.QuitMsg", msgs[0])
	}
}

// pauseGC turns the collector off under a memory limit, and its resume
// (or its timer) puts both settings back as they were.
func TestPauseGC(t *testing.T) {
	gcPercent := func() int { p := debug.SetGCPercent(0); debug.SetGCPercent(p); return p }
	defer debug.SetGCPercent(debug.SetGCPercent(70))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 40))
	resume := pauseGC(time.Hour)
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || l != 64<<20 {
		t.Fatalf("paused: GC percent %d, memory limit %d; want -1 and 64 MiB", p, l)
	}
	resume()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != 70 || l != 1<<40 {
		t.Fatalf("resumed: GC percent %d, memory limit %d; want 70 and 1 TiB", p, l)
	}
	pauseGC(time.Millisecond)
	deadline := time.Now().Add(testkit.Limit(10 * time.Second))
	for gcPercent() != 70 {
		if time.Now().After(deadline) {
			t.Fatal("the collector was not resumed by the timer")
		}
		time.Sleep(time.Millisecond)
	}
}
