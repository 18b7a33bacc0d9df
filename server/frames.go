package server

// Shared frames. Followers of a presenter who have the same terminal size,
// colour profile and background see exactly the same screen, so they need
// not each run a reader: a frame group runs one reader for all of them,
// renders each frame once, and sends the same bytes to every member. A
// Bubble Tea program holds about 1 MiB of screen buffers at 120x40; a
// member of a group holds a few goroutines and a queue of shared frames.
//
// The group's renderer writes the difference between frames, as a
// program's does. A member that joins (or that fell behind) first gets the
// whole current frame from a second renderer that starts from a cleared
// screen; both renderers leave the cursor home and the pen reset after
// every frame, so from then on the member's screen is what the group's
// renderer believes it is, and the differences apply.
//
// A member who types anything leaves the group for a reader of its own
// (shared.go), primed with where the group was.

import (
	"bytes"
	"image/color"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/session"
)

// groupFPS is how often a group renders at most, as the reader's program
// does (internal/cli readerFPS).
const groupFPS = 120

// viewerQueue is how many frames may wait for a slow member; past that its
// frames are dropped and it is sent the whole screen once it catches up.
const viewerQueue = 16

// frameKey is what makes two followers' screens identical.
type frameKey struct {
	w, h    int
	profile colorprofile.Profile
	light   bool // the terminal's background is light
	noColor bool // NO_COLOR is set
}

// frames is the server's set of frame groups.
type frames struct {
	s      *Server
	mu     sync.Mutex
	groups map[frameKey]*group
}

func newFrames(s *Server) *frames {
	return &frames{s: s, groups: map[frameKey]*group{}}
}

// join adds v to the group for key, starting the group if needed.
func (f *frames) join(key frameKey, v *viewer) *group {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.groups[key]
	if !ok {
		g = newGroup(f, key)
		f.groups[key] = g
	}
	g.add(v)
	return g
}

// leave removes v from g; the last member to leave stops the group.
func (f *frames) leave(g *group, v *viewer) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if g.remove(v) == 0 {
		delete(f.groups, g.key)
		close(g.quit)
	}
}

// count returns the number of groups and of members, for tests and logs.
func (f *frames) count() (groups, members int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, g := range f.groups {
		g.mu.Lock()
		members += len(g.members) + len(g.joining)
		g.mu.Unlock()
	}
	return len(f.groups), members
}

// group is one shared reader and its members.
type group struct {
	key  frameKey
	msgs chan tea.Msg  // to the reader, from the hub and from its Cmds
	wake chan struct{} // a member joined: render soon
	quit chan struct{} // closed when the last member leaves

	mu       sync.Mutex
	members  []*viewer // receive each frame's differences
	joining  []*viewer // wait for the whole screen
	lead     *viewer   // whose hub messages drive the reader
	follow   *session.FollowMsg
	presence *session.PresenceMsg
	drawn    *tea.View // the view on the members' screens

	// Owned by the group's goroutine.
	model    tea.Model
	last     *tea.View
	cellbuf  uv.ScreenBuffer
	scr      *uv.TerminalRenderer // differences, for members
	fresh    *uv.TerminalRenderer // whole screens, for joiners
	out      bytes.Buffer
	freshOut bytes.Buffer
}

func newGroup(f *frames, key frameKey) *group {
	g := &group{
		key:     key,
		msgs:    make(chan tea.Msg, 64),
		wake:    make(chan struct{}, 1),
		quit:    make(chan struct{}),
		cellbuf: uv.NewScreenBuffer(key.w, key.h),
	}
	g.scr = newFrameRenderer(&g.out, key)
	g.fresh = newFrameRenderer(&g.freshOut, key)
	s := f.s
	d, box, leave := s.joinReloads() // the group's reader is told of new versions as a session's is
	g.model = s.factory(Session{Dossier: d, Role: session.RoleFollower, Presence: groupPresence{},
		Briefing: s.briefing, Width: key.w, Height: key.h})
	go func() {
		defer leave()
		for {
			select {
			case <-g.quit:
				return
			case <-box.ready:
				for _, msg := range box.take() {
					g.deliver(msg)
				}
			}
		}
	}()
	// what a program would tell its model about the terminal
	bg := color.Color(color.Black)
	if key.light {
		bg = color.White
	}
	env := []string{}
	if key.noColor {
		env = append(env, "NO_COLOR=1")
	}
	for _, msg := range []tea.Msg{tea.ColorProfileMsg{Profile: key.profile}, tea.WindowSizeMsg{Width: key.w, Height: key.h},
		tea.EnvMsg(env), tea.BackgroundColorMsg{Color: bg}} {
		g.msgs <- msg
	}
	go g.loop(g.model.Init())
	return g
}

// newFrameRenderer returns a renderer set up as Bubble Tea sets up its own
// for a full-screen program over SSH.
func newFrameRenderer(w *bytes.Buffer, key frameKey) *uv.TerminalRenderer {
	r := uv.NewTerminalRenderer(w, nil)
	r.SetColorProfile(key.profile)
	r.SetTabStops(-1)
	r.SetBackspace(false)
	r.SetMapNewline(true)
	r.SetScrollOptim(true)
	r.SetFullscreen(true)
	r.SetRelativeCursor(false)
	r.Resize(key.w, key.h)
	r.Erase()
	return r
}

// groupPresence is the shared reader's link to the hub: none. It learns
// where to be from its lead member's messages, and never moves by itself.
type groupPresence struct{}

func (groupPresence) Moved(session.Position) {}
func (groupPresence) RequestControl()        {}
func (groupPresence) HandOff()               {}
func (groupPresence) Follow()                {}

// add makes v a member that waits for the whole screen.
func (g *group) add(v *viewer) {
	g.mu.Lock()
	g.joining = append(g.joining, v)
	if g.lead == nil {
		g.lead = v
	}
	g.mu.Unlock()
	select {
	case g.wake <- struct{}{}:
	default:
	}
}

// remove takes v out of the group and returns how many members are left.
// A new lead is asked for the presenter's place, in case a step went only
// to the old one.
func (g *group) remove(v *viewer) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.members = slices.DeleteFunc(g.members, func(o *viewer) bool { return o == v })
	g.joining = slices.DeleteFunc(g.joining, func(o *viewer) bool { return o == v })
	if g.lead == v {
		g.lead = nil
		if len(g.members) > 0 {
			g.lead = g.members[0]
		} else if len(g.joining) > 0 {
			g.lead = g.joining[0]
		}
		if g.lead != nil {
			go g.lead.resync()
		}
	}
	return len(g.members) + len(g.joining)
}

// fromHub takes a message the hub sent to v; only the lead's drive the
// reader. The last position and presence are kept to prime a member that
// leaves for a reader of its own.
func (g *group) fromHub(v *viewer, msg tea.Msg) {
	g.mu.Lock()
	lead := g.lead == v
	if lead {
		switch m := msg.(type) {
		case session.FollowMsg:
			g.follow = &m
		case session.PresenceMsg:
			g.presence = &m
		}
	}
	g.mu.Unlock()
	if lead {
		g.deliver(msg)
	}
}

// primer returns the messages that put a new reader where the group is.
func (g *group) primer() []tea.Msg {
	g.mu.Lock()
	defer g.mu.Unlock()
	var msgs []tea.Msg
	if g.presence != nil {
		msgs = append(msgs, *g.presence)
	}
	if g.follow != nil {
		msgs = append(msgs, *g.follow)
	}
	return msgs
}

// deliver passes a message to the reader, running batches and sequences
// as Bubble Tea would. It gives up when the group stops.
//
// The group stands in for a tea.Program, which also acts on the messages of
// Bubble Tea's own commands (a clipboard write, a line printed above the
// program, a terminal query…). Of those the group runs batches and
// sequences, and ignores quitting (a follower's reader has no key to quit
// with) and the background colour query (newGroup sends the group's
// background). TestFrameLoopRunsEveryCommandOfTheReader fails the day the
// reader returns any other.
func (g *group) deliver(msg tea.Msg) {
	switch m := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range m {
			g.run(c)
		}
	default:
		if cmds, ok := sequence(msg); ok {
			go g.runSequence(cmds)
			return
		}
		select {
		case g.msgs <- msg:
		case <-g.quit:
		}
	}
}

// runSequence runs the commands of a tea.Sequence one after another, as a
// program does: each, with the batches it returns, is done before the next
// starts.
func (g *group) runSequence(cmds []tea.Cmd) {
	for _, c := range cmds {
		if c != nil {
			g.deliverWait(c())
		}
	}
}

// deliverWait is deliver, returning once the batches and sequences msg
// holds have run.
func (g *group) deliverWait(msg tea.Msg) {
	if b, ok := msg.(tea.BatchMsg); ok {
		var wg sync.WaitGroup
		for _, c := range b {
			if c != nil {
				wg.Add(1)
				go func() { defer wg.Done(); g.deliverWait(c()) }()
			}
		}
		wg.Wait()
		return
	}
	if cmds, ok := sequence(msg); ok {
		g.runSequence(cmds)
		return
	}
	g.deliver(msg)
}

// teaPath is Bubble Tea's import path: the messages of its own commands
// are declared there.
var teaPath = reflect.TypeFor[tea.BatchMsg]().PkgPath()

// sequence returns the commands of the message of a tea.Sequence, whose
// type Bubble Tea does not export (a slice of tea.Cmd declared in its
// package, other than tea.BatchMsg).
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	if _, ok := msg.(tea.BatchMsg); ok || msg == nil {
		return nil, false
	}
	v := reflect.ValueOf(msg)
	if v.Type().PkgPath() != teaPath || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// run runs a Cmd off the group's goroutine, as a program does.
func (g *group) run(cmd tea.Cmd) {
	if cmd != nil {
		go func() { g.deliver(cmd()) }()
	}
}

// loop updates the reader and renders at most groupFPS frames a second,
// and only when something changed or a member waits for the screen.
func (g *group) loop(init tea.Cmd) {
	g.run(init)
	frame := time.NewTimer(time.Hour)
	frame.Stop()
	armed := false
	arm := func() {
		if !armed {
			frame.Reset(time.Second / groupFPS)
			armed = true
		}
	}
	defer frame.Stop()
	for {
		select {
		case <-g.quit:
			return
		case msg := <-g.msgs:
			m, cmd := g.model.Update(msg)
			g.model = m
			g.run(cmd)
			arm()
		case <-g.wake:
			arm()
		case <-frame.C:
			armed = false
			g.render()
		}
	}
}

// render draws the reader's view, sends the differences to the members and
// the whole screen to those joining.
func (g *group) render() {
	v := g.model.View()
	changed := g.last == nil || v.Content != g.last.Content
	var diff []byte
	if changed {
		modes := modeChanges(g.last, v)
		g.cellbuf.Clear()
		uv.NewStyledString(v.Content).Draw(g.cellbuf, g.cellbuf.Bounds())
		g.scr.Render(g.cellbuf.RenderBuffer)
		g.scr.MoveTo(0, 0)
		_ = g.scr.Flush()
		diff = append([]byte(modes), g.out.Bytes()...)
		g.out.Reset()
	} else if m := modeChanges(g.last, v); m != "" {
		diff = []byte(m)
	}
	g.last = &v

	g.mu.Lock()
	defer g.mu.Unlock()
	g.drawn = &v
	if len(diff) > 0 {
		for _, m := range g.members {
			if !m.send(diff) {
				g.joining = append(g.joining, m) // fell behind: whole screen next
			}
		}
		g.members = slices.DeleteFunc(g.members, func(m *viewer) bool { return slices.Contains(g.joining, m) })
	}
	if len(g.joining) == 0 {
		return
	}
	g.fresh.Redraw(g.cellbuf.RenderBuffer)
	g.fresh.MoveTo(0, 0)
	_ = g.fresh.Flush()
	full := append([]byte(enterModes(v)), g.freshOut.Bytes()...)
	g.freshOut.Reset()
	var still []*viewer
	for _, j := range g.joining {
		if j.send(full) {
			g.members = append(g.members, j)
		} else {
			still = append(still, j) // its queue is full: try again next frame
		}
	}
	g.joining = still
	if len(still) > 0 {
		select {
		case g.wake <- struct{}{}:
		default:
		}
	}
}

// enterModes sets up a terminal for a view from scratch: the alternate
// screen, no cursor, and the view's modes and title.
func enterModes(v tea.View) string {
	var b strings.Builder
	if v.AltScreen {
		b.WriteString(ansi.SetModeAltScreenSaveCursor)
	}
	b.WriteString(ansi.ResetModeTextCursorEnable)
	if !v.DisableBracketedPasteMode {
		b.WriteString(ansi.SetModeBracketedPaste)
	}
	b.WriteString(mouseModes(tea.MouseModeNone, v.MouseMode))
	if v.WindowTitle != "" {
		b.WriteString(ansi.SetWindowTitle(v.WindowTitle))
	}
	return b.String()
}

// leaveModes undoes enterModes, for a member whose session ends or who
// leaves for a reader of its own.
func leaveModes(v *tea.View) string {
	var b strings.Builder
	mm, alt := tea.MouseModeNone, true
	if v != nil {
		mm, alt = v.MouseMode, v.AltScreen
	}
	b.WriteString(mouseModes(mm, tea.MouseModeNone))
	b.WriteString(ansi.ResetModeBracketedPaste)
	b.WriteString(ansi.SetModeTextCursorEnable)
	if alt {
		b.WriteString(ansi.ResetModeAltScreenSaveCursor)
	}
	return b.String()
}

// modeChanges returns the sequences that take a terminal from the last
// view's mouse mode and title to v's.
func modeChanges(last *tea.View, v tea.View) string {
	if last == nil {
		return ""
	}
	s := mouseModes(last.MouseMode, v.MouseMode)
	if v.WindowTitle != last.WindowTitle {
		s += ansi.SetWindowTitle(v.WindowTitle)
	}
	return s
}

func mouseModes(from, to tea.MouseMode) string {
	if from == to {
		return ""
	}
	var s string
	switch from {
	case tea.MouseModeCellMotion:
		s += ansi.ResetModeMouseButtonEvent
	case tea.MouseModeAllMotion:
		s += ansi.ResetModeMouseAnyEvent
	}
	switch to {
	case tea.MouseModeCellMotion:
		s += ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr
	case tea.MouseModeAllMotion:
		s += ansi.SetModeMouseAnyEvent + ansi.SetModeMouseExtSgr
	default:
		s += ansi.ResetModeMouseExtSgr
	}
	return s
}
