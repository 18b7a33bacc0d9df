package server

import (
	"fmt"
	"runtime/debug"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/ratelimiter"
	"golang.org/x/time/rate"

	"github.com/dossier-dev/dossier/session"
)

// handler builds the session handler. Middleware order, outermost first
// (each one runs before the ones below it and sees the session end after
// them):
//
//  1. recoverPanics — a panic anywhere below ends that session only, logged
//     with its stack; the client is told in one line.
//  2. identify      — checks the key the session actually runs under against
//     the keys in force now (not only the key offered at handshake; a key
//     removed by a SIGHUP reload is refused), and names the session.
//  3. refuseNonTTY  — a command (`ssh host ls`) or a missing PTY is refused.
//     Subsystems, port and agent forwarding never reach this chain: they are
//     refused at the protocol level (refuse.go).
//  4. rateLimit     — new sessions per remote address (wish ratelimiter).
//  5. capacity      — at most MaxSessions at once, none while stopping.
//  6. runReader     — the reader program, logging connect and disconnect.
func (s *Server) handler() ssh.Handler {
	mws := []wish.Middleware{
		s.recoverPanics,
		s.identify,
		s.refuseNonTTY,
		s.rateLimit(),
		s.capacity,
	}
	h := ssh.Handler(s.runReader)
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func (s *Server) recoverPanics(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("session panic", append(s.who(sess.Context()),
					"panic", cleanReason(fmt.Sprint(r)), "stack", string(debug.Stack()))...)
				fmt.Fprintln(sess.Stderr(), "dossier: "+msgInternal)
				_ = sess.Exit(1)
			}
		}()
		next(sess)
	}
}

// identity is who a session is, as decided by identify.
type identity struct {
	name        string // display name, cleaned
	fingerprint string // "" for anonymous
	presenter   bool
	known       bool // the key is in the authorized keys or the presenters' keys
}

type identityKey struct{}

func identityOf(sess ssh.Session) identity {
	id, _ := sess.Context().Value(identityKey{}).(identity)
	return id
}

func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		acc := s.access.Load()
		id := identity{name: displayName(sess.User())}
		key := sess.PublicKey()
		if key != nil {
			id.fingerprint = Fingerprint(key)
		}
		e, presenter, ok := acc.lookup(key)
		switch {
		case ok:
			id.presenter, id.known = presenter, key != nil
			if e.name != "" {
				id.name = e.name
			}
		case !s.cfg.Open:
			s.refuse(sess, "key not authorized at session start", msgNotAllowed)
			return
		case acc.presenterNames[nameKey(sess.User())]:
			// Open mode, but the name is a presenter's: only their key may use it.
			s.refuse(sess, "presenter name without the presenter's key", msgNotAllowed)
			return
		}
		if id.name == "" {
			id.name = "anonymous"
		}
		sess.Context().SetValue(identityKey{}, id)
		next(sess)
	}
}

func (s *Server) refuseNonTTY(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if sess.RawCommand() != "" {
			s.refuse(sess, "command "+cleanReason(fmt.Sprintf("%q", sess.RawCommand())), msgCommand)
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			s.refuse(sess, "no PTY", msgNoPTY)
			return
		}
		next(sess)
	}
}

func (s *Server) rateLimit() wish.Middleware {
	limiter := ratelimiter.NewRateLimiter(rate.Limit(s.cfg.RatePerSecond), s.cfg.RateBurst, 4096)
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if err := limiter.Allow(sess); err != nil {
				s.refuse(sess, "rate limit", err.Error())
				return
			}
			next(sess)
		}
	}
}

func (s *Server) capacity(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		id, ip := identityOf(sess), ipOf(sess.RemoteAddr())
		ok, reason, msg := s.take(id.presenter, ip)
		if !ok {
			s.refuse(sess, reason, msg)
			return
		}
		defer s.release(ip)
		next(sess)
	}
}

// take claims a session slot for a session from ip. It fails when the
// server is stopping; when MaxSessions are taken, except for a presenter,
// who may also take one of the PresenterSlots beyond; and when ip already
// holds its share (MaxSessionsPerAddress), except for a presenter.
func (s *Server) take(presenter bool, ip string) (ok bool, reason, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	limit := s.cfg.MaxSessions
	if presenter {
		limit += s.cfg.PresenterSlots
	}
	switch {
	case s.stopped:
		return false, "server stopping", msgStopping
	case s.live >= limit:
		return false, fmt.Sprintf("server full (%d sessions)", s.live), msgFull
	case !presenter && s.perAddr[ip] >= s.cfg.MaxSessionsPerAddress:
		return false, fmt.Sprintf("too many sessions from this address (%d)", s.perAddr[ip]), msgAddrFull
	}
	s.live++
	s.perAddr[ip]++
	return true, "", ""
}

func (s *Server) release(ip string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.live--
	if s.perAddr[ip]--; s.perAddr[ip] <= 0 {
		delete(s.perAddr, ip)
	}
	if s.live == 0 && s.drained != nil {
		close(s.drained)
		s.drained = nil
	}
}

// Sessions returns the number of sessions running the reader.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.live
}

// role is the session's part in the presentation.
func (s *Server) role(id identity) session.Role {
	switch {
	case s.hub == nil:
		return session.RoleAlone
	case id.presenter:
		return session.RolePresenter
	default:
		return session.RoleFollower
	}
}

// keyOf returns the session's key fingerprint for logs, "none" without one.
func keyOf(id identity) string {
	if id.fingerprint == "" {
		return "none"
	}
	return id.fingerprint
}
