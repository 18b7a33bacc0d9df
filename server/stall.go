package server

import (
	"fmt"
	"sync/atomic"
	"time"

	"charm.land/ssh"
)

// stallSession is a session whose writes are watched: a client that stops
// reading (its SSH window full) blocks every write to it, and the session
// would last until its connection ends. watchStall closes it once a write
// has been blocked for Config.WriteTimeout.
type stallSession struct {
	ssh.Session
	clk   clock
	since atomic.Int64 // when the write in progress began (UnixNano); 0 when none
}

func (s *Server) stallGuard(sess ssh.Session) *stallSession {
	return &stallSession{Session: sess, clk: s.cfg.clock}
}

func (g *stallSession) Write(p []byte) (int, error) {
	g.since.Store(g.clk.Now().UnixNano())
	defer g.since.Store(0)
	return g.Session.Write(p)
}

// stalled returns how long the write in progress has been blocked, 0 when
// none is.
func (g *stallSession) stalled() time.Duration {
	t := g.since.Load()
	if t == 0 {
		return 0
	}
	return g.clk.Now().Sub(time.Unix(0, t))
}

// watchStall checks g every quarter of WriteTimeout until done; when a write
// has been blocked for WriteTimeout it logs it, tells the client (on
// stderr, which gets through only if the client reads again within a
// second: its window is what is full) and closes the session, which fails
// the blocked writes and ends the reader.
func (s *Server) watchStall(g *stallSession, done <-chan struct{}, stop func(string)) {
	every := max(s.cfg.WriteTimeout/4, time.Millisecond)
	for {
		t := s.cfg.clock.NewTimer(every)
		select {
		case <-done:
			t.Stop()
			return
		case <-t.C():
		}
		d := g.stalled()
		if d < s.cfg.WriteTimeout {
			continue
		}
		why := fmt.Sprintf("your terminal accepted no output for %s; disconnecting", s.cfg.WriteTimeout)
		s.log.Info("closed stuck session", append(s.who(g.Context()), "reason",
			fmt.Sprintf("no output accepted for %s", d.Round(time.Second)))...)
		stop(why)
		told := make(chan struct{})
		go func() {
			_, _ = fmt.Fprintln(g.Stderr(), "\ndossier: "+why)
			close(told)
		}()
		t = s.cfg.clock.NewTimer(time.Second)
		select {
		case <-told:
		case <-t.C():
		case <-done:
		}
		t.Stop()
		_ = g.Exit(1)
		_ = g.Close()
		return
	}
}
