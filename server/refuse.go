package server

import (
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// One-line messages sent to refused clients.
const (
	msgCommand    = "this server runs no commands: connect with plain `ssh -p PORT HOST`, without a command"
	msgNoPTY      = "the reader needs a terminal: connect with `ssh -t`, not -T or a pipe"
	msgSubsystem  = "no subsystems (sftp, scp) here: this server only shows the reader"
	msgForward    = "port forwarding is not allowed on this server"
	msgAgent      = "agent forwarding refused: the reader never uses your agent"
	msgRemoteFwd  = "remote port forwarding refused: " + msgForward
	msgFull       = "server full, try later"
	msgAddrFull   = "too many sessions from your address, try later"
	msgStopping   = "server stopping, goodbye"
	msgNotAllowed = "your key is not (or no longer) authorized here"
	msgInternal   = "internal error; the session was closed and the error logged"
	msgBusy       = "too many connections, try again later"
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
	ip       string      // the remote address, as the gate counts it
	remote   string      // the remote address and port
	user     string      // the login name, once logged in
	conn     net.Conn    // to close it when it opens no session
	authed   bool        // the client has logged in
	opened   int         // sessions opened since the login
	start    timer       // StartTimeout after the login, until a session opens
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
	if n.start != nil {
		n.start.Stop()
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

// sessionDelta counts a session channel opened (+1) or closed (-1); it
// returns false, and counts nothing, when the connection already has
// maxChannels open.
func (n *connNotes) sessionDelta(d int) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if d > 0 && n.sessions >= maxChannels {
		return false
	}
	n.sessions += d
	if d > 0 {
		n.opened++
		if n.start != nil {
			n.start.Stop()
		}
	}
	n.last = time.Now()
	return true
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
	ip := ipOf(c.RemoteAddr())
	reason := ""
	if !s.connLimit.allow(c.RemoteAddr()) {
		reason = "too many connections from this address"
	} else if ok, why := s.gate.admit(ip); !ok {
		reason = why
	}
	if reason != "" {
		// Before the key exchange, so a flood costs no crypto. The line goes
		// before the SSH version line, where RFC 4253 (4.2) lets a server
		// write text; a client that shows it tells its user why.
		s.log.Info("refused", "remote-addr", c.RemoteAddr().String(), "reason", reason)
		_ = c.SetWriteDeadline(time.Now().Add(time.Second)) // the socket's clock
		_, _ = io.WriteString(c, "dossier: "+msgBusy+"\r\n")
		// Closing with the client's version line unread would send a
		// reset, and the client drop the line unread: say we are done,
		// and read what it sent, briefly.
		if tc, ok := c.(interface{ CloseWrite() error }); ok {
			_ = tc.CloseWrite()
		}
		_ = c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		_, _ = io.CopyN(io.Discard, c, 4096)
		return nil // charm.land/ssh closes it
	}
	n := &connNotes{last: time.Now(), ip: ip, remote: c.RemoteAddr().String()}
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
	n.conn = c
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
	// A connection whose sessions have all ended may stay StartTimeout (or
	// IdleTimeout when shorter), not the session idle timeout: kept half an
	// hour, each such connection was a file descriptor held for nothing.
	idle := min(s.cfg.IdleTimeout, s.cfg.StartTimeout)
	check = func() {
		if ctx.Err() != nil {
			return
		}
		n.mu.Lock()
		opened := n.opened
		n.mu.Unlock()
		if ctx.Value(ssh.ContextKeyConn) == nil || opened == 0 {
			// not logged in yet (the handshake timer decides), or no session
			// yet (the start timer of loggedIn decides)
			rearm(idle)
			return
		}
		if d := n.idleFor(); d < idle {
			rearm(idle - d)
			return
		}
		s.log.Info("closed idle connection", append(s.who(ctx), "idle", idle)...)
		_ = c.Close()
	}
	rearm(idle)
	return c
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

// refusedLog logs a refusal with who it was (who) and why; kv adds fields.
func (s *Server) refusedLog(ctx ssh.Context, reason string, kv ...any) {
	s.log.Info("refused", append(append(s.who(ctx), "reason", reason), kv...)...)
}

// who names a connection the same way in every log line: "user" is the
// login name the client gave, "name" the name it is shown under (the key's
// comment, or the login name), "key" the key's fingerprint ("none"), and
// "remote-addr".
func (s *Server) who(ctx ssh.Context) []any {
	n := notesOf(ctx)
	user := userOf(ctx)
	if user == "" { // the library sets it once the handshake is over
		n.mu.Lock()
		user = n.user
		n.mu.Unlock()
	}
	name, key := displayName(user), "none"
	if id, ok := ctx.Value(identityKey{}).(identity); ok {
		name, key = id.name, keyOf(id)
	} else if k, ok := ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey); ok && k != nil {
		key = Fingerprint(k)
		if e, _, ok := s.access.Load().lookup(k); ok && e.name != "" {
			name = e.name
		}
	}
	remote := n.remote
	if a, ok := ctx.Value(ssh.ContextKeyRemoteAddr).(net.Addr); ok && a != nil {
		remote = a.String()
	}
	return []any{"user", clean(user), "name", name, "key", key, "remote-addr", remote}
}
