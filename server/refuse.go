package server

import (
	"fmt"
	"net"
	"sync"

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

// connNotes records what was refused on a connection outside any session
// (a global request, a session request the library would accept), so that
// the session can tell the client in words.
type connNotes struct {
	mu      sync.Mutex
	refused []string
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

func notesOf(ctx ssh.Context) *connNotes {
	if n, ok := ctx.Value(notesKey{}).(*connNotes); ok {
		return n
	}
	return &connNotes{}
}

// onConn runs for every TCP connection before the handshake.
func (s *Server) onConn(ctx ssh.Context, c net.Conn) net.Conn {
	ctx.SetValue(notesKey{}, &connNotes{})
	return c
}

// sessionChannel is the "session" channel handler: the library's, with the
// session's requests filtered first. charm.land/ssh accepts agent
// forwarding unconditionally; here it is declined before the library sees it.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
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
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
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
			}
			out <- r
		}
	}()
	return ch, out, nil
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
	kv := []any{"user", clean(ctx.User()), "remote-addr", ctx.RemoteAddr().String(), "reason", reason}
	if k, ok := ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey); ok && k != nil {
		kv = append(kv, "key", Fingerprint(k))
	}
	s.log.Info("refused", kv...)
}
