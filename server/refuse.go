package server

import (
	"fmt"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// One-line messages sent to refused clients.
const (
	msgCommand    = "dossier runs no commands: connect with plain `ssh -p PORT HOST`, without a command"
	msgNoPTY      = "dossier needs a terminal: connect with `ssh -t`, not -T or a pipe"
	msgSubsystem  = "dossier offers no subsystems (sftp, scp): it only shows the reader"
	msgForward    = "port forwarding is not allowed on this server"
	msgAgent      = "agent forwarding refused: dossier never uses your agent"
	msgRemoteFwd  = "remote port forwarding refused: " + msgForward
	msgFull       = "server full, try later"
	msgStopping   = "server stopping, goodbye"
	msgNotAllowed = "your key is not (or no longer) authorized here"
	msgInternal   = "internal error; the session was closed and the error logged"
)

// connNotes is what the server tracks per connection: what was refused
// outside any session (a global request, a session request the library
// would accept), so that the session can tell the client in words; and how
// many sessions are open, so that a connection without one can be closed
// when idle.
type connNotes struct {
	mu       sync.Mutex
	refused  []string
	sessions int
	last     time.Time   // when the last session ended, or the connection began
	idle     *time.Timer // the connection's idle check, see onConn
	login    *time.Timer // the connection's handshake deadline
	closed   bool        // the connection has ended: arm no timer
}

// stop stops the connection's timers when it ends. A timer left running
// keeps its closure, and through the context the whole SSH connection
// (buffers, cipher state, channels), alive until it fires: for the idle
// timer, half an hour. Found by the hardening tests (internal/hostile):
// 1,000 short connections kept 20 MiB alive.
func (n *connNotes) stop() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.closed = true
	for _, t := range []*time.Timer{n.idle, n.login} {
		if t != nil {
			t.Stop()
		}
	}
}

type notesKey struct{}

func (n *connNotes) add(msg string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, m := range n.refused {
		if m == msg {
			return
		}
	}
	n.refused = append(n.refused, msg)
}

func (n *connNotes) list() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.refused...)
}

func (n *connNotes) sessionDelta(d int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sessions += d
	n.last = time.Now()
}

// idleFor returns how long the connection has had no session, 0 while it
// has one.
func (n *connNotes) idleFor() time.Duration {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sessions > 0 {
		return 0
	}
	return time.Since(n.last)
}

func notesOf(ctx ssh.Context) *connNotes {
	if n, ok := ctx.Value(notesKey{}).(*connNotes); ok {
		return n
	}
	return &connNotes{}
}

// onConn runs for every TCP connection before the handshake. It enforces
// two connection-level limits itself, because charm.land/ssh's
// HandshakeTimeout and IdleTimeout race (the library clears its handshake
// deadline while the connection's reader goroutine reads it): a connection
// not logged in within HandshakeTimeout is closed, and so is a logged-in one
// that has had no session for IdleTimeout (sessions keep their own idle
// clock, see watch). charm.land/ssh stores the *gossh.ServerConn in the context only
// once the client is authenticated.
func (s *Server) onConn(ctx ssh.Context, c net.Conn) net.Conn {
	if !s.connLimit.allow(c.RemoteAddr()) {
		// Before the key exchange, so a flood from one address costs no crypto.
		s.log.Info("refused", "remote-addr", c.RemoteAddr().String(), "reason", "too many connections from this address")
		return nil // charm.land/ssh closes it
	}
	n := &connNotes{last: time.Now()}
	ctx.SetValue(notesKey{}, n)
	remote := c.RemoteAddr().String()
	s.conns.Store(remote, ctx)
	login := time.AfterFunc(s.cfg.HandshakeTimeout, func() {
		if ctx.Value(ssh.ContextKeyConn) == nil && ctx.Err() == nil {
			s.log.Info("refused", "remote-addr", remote, "reason", "no login within "+s.cfg.HandshakeTimeout.String())
			_ = c.Close()
		}
	})
	n.mu.Lock()
	n.login = login
	n.mu.Unlock()
	// check runs when the idle timer fires and arms the next one; the timer
	// is kept under n.mu because the callback may run before AfterFunc has
	// returned.
	var check func()
	rearm := func(d time.Duration) {
		n.mu.Lock()
		defer n.mu.Unlock()
		if !n.closed {
			n.idle = time.AfterFunc(d, check)
		}
	}
	check = func() {
		if ctx.Err() != nil {
			return
		}
		if ctx.Value(ssh.ContextKeyConn) == nil {
			rearm(s.cfg.IdleTimeout) // not logged in yet: the handshake timer decides
			return
		}
		if d := n.idleFor(); d < s.cfg.IdleTimeout {
			rearm(s.cfg.IdleTimeout - d)
			return
		}
		s.log.Info("closed idle connection", "user", clean(userOf(ctx)), "remote-addr", remote, "idle", s.cfg.IdleTimeout)
		_ = c.Close()
	}
	rearm(s.cfg.IdleTimeout)
	return c
}

// sessionChannel is the "session" channel handler: the library's, with the
// session's requests filtered first. charm.land/ssh accepts agent
// forwarding unconditionally; here it is declined before the library sees it.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	n := notesOf(ctx)
	n.sessionDelta(1)
	defer n.sessionDelta(-1)
	ssh.DefaultSessionHandler(srv, conn, &filteredChannel{NewChannel: nc, s: s, ctx: ctx}, ctx)
}

type filteredChannel struct {
	gossh.NewChannel
	s   *Server
	ctx ssh.Context
}

// Accept accepts the channel and returns its requests with the refused ones
// answered and removed.
func (f *filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	sc := newStartedChannel(ch)
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		var held *gossh.Request // the latest window change, until the session has started
		started := sc.started
		for {
			select {
			case r, ok := <-reqs:
				if !ok {
					return
				}
				switch r.Type {
				case "auth-agent-req@openssh.com":
					f.s.refusedLog(f.ctx, "agent forwarding")
					notesOf(f.ctx).add(msgAgent)
					_ = r.Reply(false, nil)
					continue
				case "x11-req":
					f.s.refusedLog(f.ctx, "X11 forwarding")
					_ = r.Reply(false, nil)
					continue
				case "window-change":
					if started != nil { // see startedChannel
						if held != nil {
							_ = held.Reply(true, nil) // superseded
						}
						held = r
						continue
					}
				}
				out <- r
			case <-started:
				started = nil
				if held != nil {
					out <- held
					held = nil
				}
			}
		}
	}()
	return sc, out, nil
}

// refuseChannel rejects local port forwarding (direct-tcpip and its Unix
// socket variant); the client prints the message ("administratively
// prohibited: port forwarding is not allowed on this server").
func (s *Server) refuseChannel(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	s.refusedLog(ctx, "local port forwarding ("+nc.ChannelType()+")")
	_ = nc.Reject(gossh.Prohibited, msgForward)
}

// refuseForward declines remote port forwarding. A global request's answer
// carries no text, so the refusal is also written to the next session.
func (s *Server) refuseForward(ctx ssh.Context, _ *ssh.Server, req *gossh.Request) (bool, []byte) {
	s.refusedLog(ctx, "remote port forwarding ("+req.Type+")")
	notesOf(ctx).add(msgRemoteFwd)
	return false, nil
}

// refuseSubsystem answers every subsystem (sftp and any other) with a
// message on stderr and exit status 1. Subsystems bypass the middleware
// chain, so this logs by itself.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	s.refusedLog(sess.Context(), "subsystem "+clean(sess.Subsystem()))
	fmt.Fprintln(sess.Stderr(), "dossier: "+msgSubsystem)
	_ = sess.Exit(1)
}

// refuse ends a session with a one-line message on stderr and exit status 1.
func (s *Server) refuse(sess ssh.Session, reason, msg string) {
	s.refusedLog(sess.Context(), reason)
	fmt.Fprintln(sess.Stderr(), "dossier: "+msg)
	_ = sess.Exit(1)
}

func (s *Server) refusedLog(ctx ssh.Context, reason string) {
	kv := []any{"user", clean(userOf(ctx)), "remote-addr", ctx.RemoteAddr().String(), "reason", reason}
	if k, ok := ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey); ok && k != nil {
		kv = append(kv, "key", Fingerprint(k))
	}
	s.log.Info("refused", kv...)
}
