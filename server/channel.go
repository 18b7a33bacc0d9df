package server

import (
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Limits on what one session channel may ask for.
const (
	// maxChannels is how many session channels one connection may have open
	// at once (OpenSSH's connection sharing, ssh -M, opens several).
	maxChannels = 4
	// maxEnvValue bounds the value of an env request that is kept.
	maxEnvValue = 64
	// maxEnvQuiet is how many env requests a session may have declined
	// without a log line: OpenSSH sends LANG and LC_* by default.
	maxEnvQuiet = 16
	// winchFrame is the shortest time between two window changes applied to
	// a session: one a frame at the reader's 60 frames a second.
	winchFrame = time.Second / 60
	// winchRate and winchBurst rate-limit the window changes applied to a
	// session (a token bucket); those in between are coalesced, and the
	// last size always comes through.
	winchRate  = 10.0
	winchBurst = 20
)

// keptEnv are the only env requests a session keeps: the reader reads the
// colour settings (colorprofile.Env, NO_COLOR in ui) and nothing else from
// the client's environment. TERM comes with the PTY request.
var keptEnv = map[string]bool{"NO_COLOR": true, "COLORTERM": true, "CLICOLOR": true, "CLICOLOR_FORCE": true}

// sessionChannel is the "session" channel handler: the library's, with the
// session's requests filtered first (filteredChannel). A connection may
// have at most maxChannels session channels open.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	n := notesOf(ctx)
	if !n.sessionDelta(1) {
		s.refusedLog(ctx, "too many session channels on one connection")
		_ = nc.Reject(gossh.ResourceShortage, "too many sessions on this connection")
		return
	}
	defer n.sessionDelta(-1)
	ssh.DefaultSessionHandler(srv, conn, &filteredChannel{NewChannel: nc, s: s, ctx: ctx}, ctx)
}

// filteredChannel is a session channel whose requests pass through filter
// before charm.land/ssh sees them.
type filteredChannel struct {
	gossh.NewChannel
	s   *Server
	ctx ssh.Context
}

// Accept accepts the channel and returns its requests with the refused ones
// answered and removed (see filter).
func (f *filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	sc := newStartedChannel(ch)
	out := make(chan *gossh.Request)
	go f.filter(sc, reqs, out)
	return sc, out, nil
}

// filter passes the channel's requests from in to out, the library's
// session loop, until in closes:
//   - agent and X11 forwarding are declined (the library would accept agent
//     forwarding);
//   - env requests are kept only for keptEnv, each name once, values up to
//     maxEnvValue bytes; the rest are declined, so that no client can grow
//     the session's environment (the library keeps every one);
//   - a channel that has not asked for a shell (or a command or subsystem,
//     which are refused with a message) within Config.StartTimeout is
//     closed and logged: it would escape every session limit;
//   - window changes are held until the session has started (see
//     startedChannel), then coalesced: only the latest size counts, applied
//     at most once a frame and winchRate a second after a burst of
//     winchBurst.
func (f *filteredChannel) filter(sc *startedChannel, in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	s, clk := f.s, f.s.cfg.clock
	started := sc.started
	startT := clk.NewTimer(s.cfg.StartTimeout)
	startC := startT.C()
	defer startT.Stop()

	env := map[string]bool{}
	envRefused := 0
	var (
		pending  *gossh.Request // the latest window change not applied yet
		applied  time.Time      // when the last one was
		tokens   = float64(winchBurst)
		refilled = clk.Now()
		waitT    timer
		waitC    <-chan time.Time
		limited  bool // logged once that window changes are being limited
	)
	defer func() {
		if waitT != nil {
			waitT.Stop()
		}
		if envRefused > maxEnvQuiet {
			s.refusedLog(f.ctx, "env requests", "count", envRefused)
		}
	}()
	// apply sends the pending window change on when its frame and a token
	// allow, or arms waitT for when they will.
	apply := func() {
		if pending == nil || started != nil || waitC != nil {
			return
		}
		now := clk.Now()
		tokens = min(float64(winchBurst), tokens+now.Sub(refilled).Seconds()*winchRate)
		refilled = now
		wait := winchFrame - now.Sub(applied)
		if tokens < 1 {
			wait = max(wait, time.Duration((1-tokens)/winchRate*float64(time.Second)))
			if !limited {
				limited = true
				s.log.Info("window changes limited", s.who(f.ctx)...)
			}
		}
		if wait > 0 {
			waitT = clk.NewTimer(wait)
			waitC = waitT.C()
			return
		}
		tokens--
		applied = now
		out <- pending
		pending = nil
	}
	for {
		select {
		case r, ok := <-in:
			if !ok {
				return
			}
			switch r.Type {
			case "auth-agent-req@openssh.com":
				s.refusedLog(f.ctx, "agent forwarding")
				notesOf(f.ctx).add(msgAgent)
				_ = r.Reply(false, nil)
				continue
			case "x11-req":
				s.refusedLog(f.ctx, "X11 forwarding")
				_ = r.Reply(false, nil)
				continue
			case "env":
				var kv struct{ Key, Value string }
				if gossh.Unmarshal(r.Payload, &kv) != nil || !keptEnv[kv.Key] || env[kv.Key] || len(kv.Value) > maxEnvValue {
					envRefused++
					_ = r.Reply(false, nil)
					continue
				}
				env[kv.Key] = true
			case "shell", "exec", "subsystem":
				if startC != nil {
					startT.Stop()
					startC = nil
				}
			case "window-change":
				if pending != nil {
					_ = pending.Reply(true, nil) // superseded
				}
				pending = r
				apply()
				continue
			}
			out <- r
		case <-startC:
			s.log.Info("closed session channel", append(s.who(f.ctx), "reason",
				"no shell within "+s.cfg.StartTimeout.String())...)
			_ = sc.Close()
			startC = nil
		case <-started:
			started = nil
			apply()
		case <-waitC:
			waitC, waitT = nil, nil
			apply()
		}
	}
}
