package server

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	bm "charm.land/wish/v2/bubbletea"

	"github.com/dossier-dev/dossier/session"
)

// Terminal sizes are clamped to these bounds before a program sees them, so
// a client claiming a 65535x65535 terminal cannot make the server render
// (and hold) frames of billions of cells.
const (
	maxCols = 500
	maxRows = 200
)

// clampSize bounds a client's terminal size. A side of 0 (a client that
// does not know its size says 0x0) becomes 80 columns or 24 rows.
func clampSize(w, h int) (int, int) {
	if w <= 0 {
		w = 80
	}
	if h <= 0 {
		h = 24
	}
	return min(w, maxCols), min(h, maxRows)
}

// quitGrace is how long a program asked to quit gets before it is killed
// (a program whose client stopped reading may never get to quit by itself).
const quitGrace = 2 * time.Second

// runReader runs the reader for one session until the client leaves, the
// reader quits, the session is idle or too long, or the server stops. When
// the server ends the session it says why, after the reader has restored the
// client's screen.
func (s *Server) runReader(sess ssh.Session) {
	start := time.Now()
	// every write to the client is watched for a client that stopped
	// reading (stall.go)
	guard := s.stallGuard(sess)
	sess = guard
	id := identityOf(sess)
	pty, winch, _ := sess.Pty()
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	role := s.role(id)
	s.log.Info("connect", append(s.who(sess.Context()), "role", role.String(),
		"term", clean(pty.Term), "width", w, "height", h)...)

	for _, msg := range notesOf(sess.Context()).list() {
		fmt.Fprintln(sess.Stderr(), "dossier: "+msg)
	}

	d, box, leave := s.joinReloads() // reload.go
	defer leave()
	info := Session{Dossier: d, Name: id.name, Role: role, Briefing: s.briefing, Width: w, Height: h, Notes: s.notesPlace(id)}
	var member interface {
		session.Presence
		Run(func(tea.Msg))
		Leave()
	}
	if s.hub != nil {
		m := s.hub.Join(id.name, role)
		member, info.Presence = m, m
		defer m.Leave()
	}

	act := newActivity()
	var reason atomic.Value // why the server ended the session
	stopped := make(chan struct{})
	var stopOnce sync.Once
	stop := func(why string) {
		reason.CompareAndSwap(nil, why)
		stopOnce.Do(func() { close(stopped) })
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); s.watch(sess, act, done, stop) }()
	wg.Add(1)
	go func() { defer wg.Done(); s.watchStall(guard, done, stop) }()
	var gone atomic.Bool // the client closed the session's channel

	// the hub's messages go where sink points: the session's frame group,
	// then its program
	var sink atomic.Pointer[func(tea.Msg)]
	startHub := sync.OnceFunc(func() {
		if member == nil {
			return
		}
		go member.Run(func(msg tea.Msg) {
			if _, ok := msg.(session.FollowMsg); ok {
				act.touch() // following a live presenter is not being idle
			}
			if f := sink.Load(); f != nil {
				(*f)(msg)
			}
		})
	})

	var in io.Reader = &activityReader{r: sess, act: act}
	var model tea.Model
	if s.frames != nil && member != nil && role == session.RoleFollower {
		// a follower shares its frames with others until it types (shared.go)
		input := newInput(in)
		end := s.shared(sess, input, member, w, h, winch, stopped, &sink, startHub)
		if !end.handover {
			gone.Store(end.gone)
			close(done)
			wg.Wait()
			s.sessionEnded(sess, id, start, nil, &reason, gone.Load())
			return
		}
		input.rest = end.input // what the client typed goes to its own reader first
		in, info.Width, info.Height = input, end.w, end.h
		model = prime(s.factory(info), end.primer)
	} else {
		model = s.factory(info)
	}
	opts := append(bm.MakeOptions(sess),
		tea.WithInput(in),
		tea.WithWindowSize(info.Width, info.Height),
		tea.WithoutSignalHandler(),
	)
	p := tea.NewProgram(model, opts...)
	send := p.Send
	sink.Store(&send)
	startHub()

	wg.Add(3)
	go func() {
		defer wg.Done()
		select {
		case <-done:
			return
		case <-stopped:
		}
		p.Quit()
		t := s.cfg.clock.NewTimer(quitGrace)
		defer t.Stop()
		select {
		case <-done: // the reader quit: nothing to kill, nothing to wait for
			return
		case <-sess.Context().Done():
		case <-t.C():
		}
		p.Kill()
	}()
	go func() {
		defer wg.Done()
		if forwardResizes(p, winch, done) {
			gone.Store(true)
			stop("")
		}
	}()
	go func() { defer wg.Done(); box.run(p, done) }()

	_, err := p.Run()
	p.Kill() // restores the terminal if Run ended abnormally
	close(done)
	wg.Wait()
	s.sessionEnded(sess, id, start, err, &reason, gone.Load())
}

// sessionEnded tells the client why the server ended its session, if it
// did, and logs the disconnection.
func (s *Server) sessionEnded(sess ssh.Session, id identity, start time.Time, err error, reason *atomic.Value, gone bool) {
	why, _ := reason.Load().(string)
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		s.log.Error("session panic", s.who(sess.Context())...)
		why = "panic"
		fmt.Fprintln(sess, "\ndossier: "+msgInternal)
	case why != "":
		fmt.Fprintln(sess, "\ndossier: "+why)
	case sess.Context().Err() != nil:
		why = "client left"
	case gone:
		why = "client closed the session"
	default:
		why = "quit"
	}
	s.log.Info("disconnect", append(s.who(sess.Context()),
		"duration", time.Since(start).Round(time.Millisecond), "reason", why)...)
}

// watch ends the session with a reason when the server stops, the session
// has been idle for IdleTimeout or has lasted MaxSession; it kills the
// program at once when the client is gone.
func (s *Server) watch(sess ssh.Session, act *activity, done <-chan struct{}, stop func(string)) {
	maxT := time.NewTimer(s.cfg.MaxSession)
	defer maxT.Stop()
	idleT := time.NewTimer(s.cfg.IdleTimeout)
	defer idleT.Stop()
	for {
		select {
		case <-done:
			return
		case <-sess.Context().Done():
			stop("")
			return
		case <-s.stopping:
			stop(msgStopping)
			return
		case <-maxT.C:
			stop(fmt.Sprintf("session time limit (%s) reached, goodbye", s.cfg.MaxSession))
			return
		case <-idleT.C:
			if left := s.cfg.IdleTimeout - act.since(); left > 0 {
				idleT.Reset(left)
				continue
			}
			stop(fmt.Sprintf("idle for %s, disconnecting", s.cfg.IdleTimeout))
			return
		}
	}
}

// forwardResizes turns the client's window changes into WindowSizeMsgs
// until done. It returns true when winch closes: the library closes it when
// the session's channel is closed, which a client can do while keeping its
// connection (and, before, the reader running and its session slot taken
// until the idle timeout; found by the hardening tests, internal/hostile).
func forwardResizes(p *tea.Program, winch <-chan ssh.Window, done <-chan struct{}) (closed bool) {
	for {
		select {
		case <-done:
			return false
		case win, ok := <-winch:
			if !ok {
				return true
			}
			w, h := clampSize(win.Width, win.Height)
			p.Send(tea.WindowSizeMsg{Width: w, Height: h})
		}
	}
}

// activity is when the session last showed signs of life.
type activity struct{ last atomic.Int64 }

func newActivity() *activity {
	a := &activity{}
	a.touch()
	return a
}

func (a *activity) touch() { a.last.Store(time.Now().UnixNano()) }

func (a *activity) since() time.Duration {
	return time.Duration(time.Now().UnixNano() - a.last.Load())
}

// activityReader counts every byte from the client as activity.
type activityReader struct {
	r   io.Reader
	act *activity
}

func (a *activityReader) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.act.touch()
	}
	return n, err
}
