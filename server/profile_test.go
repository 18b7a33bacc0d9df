package server

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

// redReader shows one word in true-colour red; the program downsamples it
// to each session's colour profile.
type redReader struct{}

func (redReader) Init() tea.Cmd                         { return nil }
func (r redReader) Update(tea.Msg) (tea.Model, tea.Cmd) { return r, nil }
func (redReader) View() tea.View {
	v := tea.NewView("\x1b[38;2;255;0;0mRED\x1b[m WORD")
	v.AltScreen = true
	return v
}

func TestEachSessionHasItsOwnColourProfile(t *testing.T) {
	ts := startServer(t, Config{Open: true}, func(Session) tea.Model { return redReader{} })
	open := func(termName string) *term {
		c := mustDial(t, ts.addr, "u")
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		tm := &term{sess: sess, raw: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan error, 1)}
		sess.Stdout, sess.Stderr = tm.raw, tm.stderr
		if err := sess.RequestPty(termName, 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = sess.Close() })
		waitFor(t, termName+" frame", func() bool { return strings.Contains(tm.raw.String(), "WORD") })
		return tm
	}
	full := open("xterm-direct")
	c256 := open("xterm-256color")
	plain := open("vt100")
	if out := full.raw.String(); !strings.Contains(out, "38;2;255;0;0") {
		t.Errorf("true-colour session got %q", out)
	}
	if out := c256.raw.String(); !strings.Contains(out, "38;5;196") || strings.Contains(out, "38;2;") {
		t.Errorf("256-colour session got %q", out)
	}
	if out := plain.raw.String(); strings.Contains(out, "38;2;") || strings.Contains(out, "38;5;") {
		t.Errorf("vt100 session got colours: %q", out)
	}
}
