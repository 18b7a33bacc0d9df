package server

import (
	"io"
	"strings"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/present"
	"github.com/dossier-dev/dossier/session"
)

// viewer is a follower's session while it is a member of a frame group
// (frames.go): it writes the group's frames to the client and watches the
// client's input for the first key.
type viewer struct {
	w      io.Writer
	member session.Presence // the session's own hub member
	hub    interface{ Driving() bool }

	queue chan []byte // frames waiting to be written; shared, never modified
	done  chan struct{}
}

// send queues a frame without waiting; false when the queue is full.
func (v *viewer) send(b []byte) bool {
	select {
	case v.queue <- b:
		return true
	default:
		return false
	}
}

// write writes queued frames until the queue is closed.
func (v *viewer) write() {
	defer close(v.done)
	failed := false
	for b := range v.queue {
		if !failed {
			if _, err := v.w.Write(b); err != nil {
				failed = true // keep draining so that the group never waits
			}
		}
	}
}

// resync asks the hub for the presenter's place, for a viewer that has
// become its group's lead.
func (v *viewer) resync() {
	if v.hub != nil && v.hub.Driving() {
		v.member.Follow()
	}
}

// sharedEnd is how a session's time in a frame group ended.
type sharedEnd struct {
	handover bool      // the client typed: it gets a reader of its own
	gone     bool      // the client closed the session's channel
	input    []byte    // what it typed, for that reader
	w, h     int       // its terminal's size by then
	primer   []tea.Msg // where the group was
}

// input is a session's input, read by one goroutine for the whole session:
// while the session is in a frame group its chunks are inspected, and after
// a handover the program reads them through Read.
type input struct {
	chunks chan []byte
	rest   []byte
}

func newInput(r io.Reader) *input {
	in := &input{chunks: make(chan []byte, 16)}
	go func() {
		defer close(in.chunks)
		for {
			b := make([]byte, 1024)
			n, err := r.Read(b)
			if n > 0 {
				in.chunks <- b[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	return in
}

// Read gives the program what was typed before the handover, then every
// later chunk.
func (in *input) Read(p []byte) (int, error) {
	if len(in.rest) == 0 {
		b, ok := <-in.chunks
		if !ok {
			return 0, io.EOF
		}
		in.rest = b
	}
	n := copy(p, in.rest)
	in.rest = in.rest[n:]
	return n, nil
}

// shared runs a follower's session as a member of frame groups until the
// client types (handover), or the session ends (stopped, or the client
// left). It points hubSink at the session's group, then calls startHub to
// start the hub's messages; after a handover the caller points hubSink at
// the session's own program.
func (s *Server) shared(sess ssh.Session, in *input, member session.Presence, w, h int, winch <-chan ssh.Window,
	stopped <-chan struct{}, hubSink *atomic.Pointer[func(tea.Msg)], startHub func()) sharedEnd {
	pty, _, _ := sess.Pty()
	env := append(sess.Environ(), "TERM="+pty.Term)
	key := frameKey{w: w, h: h, profile: colorprofile.Env(env), noColor: noColor(env)}
	var hub interface{ Driving() bool }
	if s.hub != nil {
		hub = hubDriving{s.hub}
	}
	var (
		mu sync.Mutex
		g  *group
		v  *viewer
	)
	enter := func() {
		v = &viewer{w: sess, member: member, hub: hub, queue: make(chan []byte, viewerQueue), done: make(chan struct{})}
		go v.write()
		mu.Lock()
		g = s.frames.join(key, v)
		mu.Unlock()
	}
	exit := func() *tea.View {
		mu.Lock()
		gg, vv := g, v
		g = nil
		mu.Unlock()
		s.frames.leave(gg, vv)
		close(vv.queue)
		<-vv.done
		return gg.lastView()
	}
	fromHub := func(msg tea.Msg) {
		mu.Lock()
		gg, vv := g, v
		mu.Unlock()
		if gg != nil {
			gg.fromHub(vv, msg)
		}
	}
	hubSink.Store(&fromHub)
	enter()
	startHub()
	// ask the terminal for its background; the answer may move the session
	// to the light group
	if !key.noColor {
		_, _ = io.WriteString(sess, ansi.RequestBackgroundColor)
	}

	var pending []byte
	for {
		select {
		case b, ok := <-in.chunks:
			if !ok {
				exit()
				return sharedEnd{}
			}
			pending = append(pending, b...)
			typed, light, rest := scanInput(pending)
			pending = rest
			if light != nil && *light != key.light {
				exit()
				key.light = *light
				enter()
			}
			if typed != nil {
				mu.Lock()
				gg := g
				mu.Unlock()
				primer := gg.primer()
				last := exit()
				_, _ = io.WriteString(sess, leaveModes(last))
				return sharedEnd{handover: true, input: append(typed, pending...), w: key.w, h: key.h, primer: primer}
			}
		case win, ok := <-winch:
			if !ok { // the client closed the session's channel
				exit()
				return sharedEnd{gone: true}
			}
			nw, nh := clampSize(win.Width, win.Height)
			if nw != key.w || nh != key.h {
				exit()
				key.w, key.h = nw, nh
				enter()
			}
		case <-stopped:
			_, _ = io.WriteString(sess, leaveModes(exit()))
			return sharedEnd{}
		}
	}
}

// hubDriving tells whether anybody presents.
type hubDriving struct{ h *present.Hub }

func (d hubDriving) Driving() bool { return d.h.State().Driver != "" }

// prime returns m after it has been given msgs, so that a reader that takes
// over from a frame group starts where the group was; the Cmds those
// messages returned run with m's Init.
func prime(m tea.Model, msgs []tea.Msg) tea.Model {
	var cmds []tea.Cmd
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		cmds = append(cmds, cmd)
	}
	return &primed{Model: m, cmd: tea.Batch(cmds...)}
}

// primed is a model with Cmds to run at Init; its first Update hands the
// program the model itself.
type primed struct {
	tea.Model
	cmd tea.Cmd
}

func (p *primed) Init() tea.Cmd { return tea.Batch(p.Model.Init(), p.cmd) }

func (p *primed) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return p.Model.Update(msg) }

// lastView returns the view the group last drew, nil before the first.
func (g *group) lastView() *tea.View {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.drawn
}

// scanInput splits what the client sent into terminal answers and typing.
// It returns the typing from the first typed sequence on (nil when there is
// none), the background the terminal reported (nil when it did not), and
// an incomplete sequence at the end to keep for the next chunk.
func scanInput(b []byte) (typed []byte, light *bool, rest []byte) {
	var state byte
	for i := 0; i < len(b); {
		seq, _, n, ns := ansi.DecodeSequence(b[i:], state, nil)
		if n == 0 || (ns != ansi.NormalState && i+n == len(b)) {
			return nil, light, b[i:]
		}
		state = ns
		if l, ok := backgroundAnswer(seq); ok {
			light = &l
		} else {
			return b[i:], light, nil
		}
		i += n
	}
	return nil, light, nil
}

// backgroundAnswer recognises the terminal's answer to OSC 11 (its
// background colour) and says whether it is light. The parsing and the
// lightness are ultraviolet's, as Bubble Tea's own reader uses them; an
// answer in a form it does not read keeps the dark default.
func backgroundAnswer(seq []byte) (light, ok bool) {
	var dec uv.EventDecoder
	n, ev := dec.Decode(seq)
	bg, isBg := ev.(uv.BackgroundColorEvent)
	if n != len(seq) || !isBg {
		return false, false
	}
	return bg.Color != nil && !bg.IsDark(), true
}

// noColor reports whether the session asked for no colour.
func noColor(env []string) bool {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			return true
		}
	}
	return false
}
