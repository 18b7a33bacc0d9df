package server

import (
	"io"
	"sync"

	gossh "golang.org/x/crypto/ssh"
)

// startedChannel is a session channel that notes when the session first
// writes to it. charm.land/ssh (v0.4.1, session.go) stores a window change
// in the session's PTY without a lock, while the session handler reads the
// PTY with Pty() as it starts: a client that resizes at once made a data
// race (found by the hardening tests, internal/hostile). filteredChannel
// holds window changes back (the latest one) until the session has written
// its first byte, which it does only after it has read its PTY.
type startedChannel struct {
	gossh.Channel
	once    sync.Once
	started chan struct{} // closed at the first write
}

func newStartedChannel(ch gossh.Channel) *startedChannel {
	return &startedChannel{Channel: ch, started: make(chan struct{})}
}

func (c *startedChannel) start() { c.once.Do(func() { close(c.started) }) }

func (c *startedChannel) Write(p []byte) (int, error) {
	c.start()
	return c.Channel.Write(p)
}

func (c *startedChannel) Stderr() io.ReadWriter {
	c.start()
	return c.Channel.Stderr()
}
