package hostile

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/server"
)

// TestSSHInjection serves the injection dossier and checks every byte the
// clients receive and every line the server logs. The payload also comes
// from the clients: as a presenter's name (the comment of their key), as
// user names, and as the TERM of a PTY; a refused client carries it too.
func TestSSHInjection(t *testing.T) {
	d := loadInject(t)
	pkey, pline := newClientKey(t, "Mallory"+payload)
	srv := startSSH(t, d, server.Config{Open: true, Presenters: writeTemp(t, "presenters", pline)})

	presenter := openSSHTerm(t, mustDialSSH(t, srv.addr, "Mallory"+payload, pkey), "xterm-256color", 120, 40)
	presenter.waitScreen(t, "presenting")
	follower := openSSHTerm(t, mustDialSSH(t, srv.addr, "eve"+payload, nil), "xterm-256color"+payload, 100, 30)
	follower.waitScreen(t, "following Mallory")
	plain := openSSHTerm(t, mustDialSSH(t, srv.addr, payload, nil), "dumb", 80, 24)
	plain.waitScreen(t, "following Mallory")

	// The presenter walks the briefing's stops and every view; the
	// followers follow. The follower also opens overlays of its own.
	for _, k := range []string{"\x1b[C", "\x1b[C", "\x1b[D", "1", "2", "3", "4", "5", "d", "\x1b", "1", "]", "]", "?", "\x1b", "}", "\r", "\x1b"} {
		presenter.keys(t, k)
	}
	for _, k := range []string{"?", "\x1b", "t", "\x1b", "a", "\x1b", "/", "P", "W", "\x1b", "f"} {
		follower.keys(t, k)
	}
	presenter.keys(t, "1")
	follower.waitScreen(t, "PWNED-TITLE") // the payload's text, made harmless, on screen

	// A client whose key is not the presenter's, under the presenter's name
	// and a hostile one, is refused.
	stranger, _ := newClientKey(t, "x")
	if c, err := dialSSH(srv.addr, "Mallory"+payload, stranger); err == nil {
		if s, err := c.NewSession(); err == nil {
			_ = s.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
			out, _ := s.CombinedOutput("")
			if bad := streamViolation(string(out)); bad != "" {
				t.Errorf("the refused client received %q", bad)
			}
		}
		_ = c.Close()
	}

	for _, st := range []*sshTerm{presenter, follower, plain} {
		st.keys(t, "\x03") // ctrl+c quits whatever is open
		st.waitExit(t)
	}
	waitUntil(t, "sessions to end", func() bool { return srv.Sessions() == 0 })

	for name, st := range map[string]*sshTerm{"presenter": presenter, "follower": follower, "dumb": plain} {
		raw := st.raw.String()
		if bad := streamViolation(raw); bad != "" {
			t.Errorf("the %s received %q", name, bad)
		}
		if bad := streamViolation(st.stderr.String()); bad != "" {
			t.Errorf("the %s's stderr received %q", name, bad)
		}
		if len(raw) < 3000 {
			t.Errorf("the %s received only %d bytes; the test saw little", name, len(raw))
		}
	}
	logs := srv.logs.String()
	if bad := nonSGR(logs); bad != "" {
		t.Errorf("the server logged %q", bad)
	}
	for _, want := range []string{"eve[2J]52;c;SU5KRUNURUQ=", "refused"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %q; it is:\n%s", want, logs)
		}
	}
}
