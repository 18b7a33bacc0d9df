package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/creack/pty"
)

// tmuxConf makes tmux a quiet host: no status line (the program gets the
// whole pty), no delay after ESC (arrow keys would wait for it), and a
// 256-colour terminal inside.
const tmuxConf = `set -g status off
set -g escape-time 0
set -g default-terminal tmux-256color
set -g remain-on-exit off
`

// tmuxHost is one tmux server on a private socket with a client attached
// in a pty; programs run in its only pane, one after the other.
type tmuxHost struct {
	dir     string
	socket  string
	version string
	client  *exec.Cmd
	pty     *os.File
	s       *stream
}

func startTmux(cols, rows int, timeout time.Duration) (*tmuxHost, error) {
	if _, err := exec.LookPath("tmux"); err != nil {
		return nil, fmt.Errorf("-tmux needs tmux on the PATH: %w", err)
	}
	dir, err := os.MkdirTemp("", "termtime")
	if err != nil {
		return nil, err
	}
	t := &tmuxHost{dir: dir, socket: filepath.Join(dir, "sock")}
	if out, err := exec.Command("tmux", "-V").Output(); err == nil {
		t.version = strings.TrimSpace(strings.TrimPrefix(string(out), "tmux "))
	}
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte(tmuxConf), 0o600); err != nil {
		return nil, err
	}
	t.client = exec.Command("tmux", "-u", "-S", t.socket, "-f", conf, "new-session", "--", "sleep", "86400")
	t.client.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	t.pty, err = pty.StartWithSize(t.client, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.close()
		return nil, err
	}
	t.s = newStream(cols, rows)
	go t.s.read(t.pty)
	// the client is up once the server answers
	deadline := time.Now().Add(timeout)
	for exec.Command("tmux", "-S", t.socket, "has-session").Run() != nil {
		if time.Now().After(deadline) {
			t.close()
			return nil, fmt.Errorf("tmux did not start within %s", timeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return t, nil
}

func (t *tmuxHost) tmux(args ...string) error {
	out, err := exec.Command("tmux", append([]string{"-S", t.socket}, args...)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

func (t *tmuxHost) run(argv []string, ready string, keys []string, cols, rows int, settle, timeout time.Duration) (result, error) {
	// an idle pane first, so that the last run's frame is gone
	if err := t.tmux("respawn-pane", "-k", "--", "sleep", "86400"); err != nil {
		return result{}, err
	}
	if err := t.s.waitFor(time.Now().Add(timeout), func(screen string, last time.Time) bool {
		return !strings.Contains(screen, ready) && time.Since(last) >= settle
	}); err != nil {
		return result{}, fmt.Errorf("clearing the pane: %w", err)
	}
	abs, err := exec.LookPath(argv[0])
	if err == nil {
		abs, err = filepath.Abs(abs)
	}
	if err != nil {
		return result{}, err
	}
	args := append([]string{"respawn-pane", "-k", "--", abs}, argv[1:]...)
	begin := time.Now()
	if err := t.tmux(args...); err != nil {
		return result{}, err
	}
	res, err := drive(t.s, t.pty, 0, begin, ready, keys, settle, timeout)
	_ = t.tmux("respawn-pane", "-k", "--", "sleep", "86400")
	return res, err
}

func (t *tmuxHost) close() {
	if t.socket != "" {
		_ = exec.Command("tmux", "-S", t.socket, "kill-server").Run()
	}
	if t.client != nil && t.client.Process != nil {
		_ = t.client.Process.Kill()
		_ = t.client.Wait()
	}
	if t.pty != nil {
		_ = t.pty.Close()
	}
	_ = os.RemoveAll(t.dir)
}
