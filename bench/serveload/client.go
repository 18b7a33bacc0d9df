package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/vtest"
)

// client is one SSH session with its screen.
type client struct {
	conn   *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	screen *vtest.Screen
	bytes  atomic.Int64
	last   atomic.Int64 // UnixNano of the last write
	mu     sync.Mutex
	change chan struct{} // signalled on every write
	// blind clients keep no screen: they only count bytes and note when
	// the first write after armed came (hit), for timing many followers
	// without emulating their terminals
	blind bool
	armed atomic.Int64
	hit   atomic.Int64
}

func (c *client) Write(p []byte) (int, error) {
	c.bytes.Add(int64(len(p)))
	now := time.Now().UnixNano()
	if !c.blind {
		_, _ = c.screen.Write(p)
	} else if c.armed.Load() != 0 {
		c.hit.CompareAndSwap(0, now)
	}
	c.last.Store(now)
	select {
	case c.change <- struct{}{}:
	default:
	}
	return len(p), nil
}

func dial(addr, user string, key gossh.Signer, cols, rows int) (*client, error) {
	var auth []gossh.AuthMethod
	if key != nil {
		auth = append(auth, gossh.PublicKeys(key))
	}
	conn, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		return nil, err
	}
	sess, err := conn.NewSession()
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	c := &client{conn: conn, sess: sess, screen: vtest.New(cols, rows), change: make(chan struct{}, 1)}
	sess.Stdout = c
	sess.Stderr = io.Discard
	if c.stdin, err = sess.StdinPipe(); err != nil {
		c.close()
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		c.close()
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}

// waitFor returns once cond holds for the screen, checking after every
// write; it gives up after timeout.
func (c *client) waitFor(cond func(*vtest.Screen) bool, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for !cond(c.screen) {
		select {
		case <-c.change:
		case <-deadline.C:
			return fmt.Errorf("timed out; screen:\n%s", c.screen)
		}
	}
	return nil
}

// quiet waits until nothing has arrived for d (at most timeout).
func (c *client) quiet(d, timeout time.Duration) {
	end := time.Now().Add(timeout)
	for time.Now().Before(end) {
		since := time.Since(time.Unix(0, c.last.Load()))
		if since >= d {
			return
		}
		time.Sleep(d - since)
	}
}

func (c *client) close() {
	_ = c.sess.Close()
	_ = c.conn.Close()
}
