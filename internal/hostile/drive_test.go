package hostile

import (
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// hangLimit bounds every wait in these tests. It only fails a test that
// hangs; nothing is measured against it. It scales with the machine and
// the race detector (testkit.HangLimit).
var hangLimit = testkit.HangLimit()

// follower is a Presence that does nothing: it lets a reader be moved to
// any view (including those no key reaches) with a FollowMsg.
type follower struct{}

func (follower) Moved(ui.Position) {}
func (follower) RequestControl()   {}
func (follower) HandOff()          {}
func (follower) Follow()           {}

// reader is the reader model driven without a terminal: a message goes to
// Update, the Cmds it returns run in goroutines as a program would run them,
// and their messages come back to Update until nothing is left to do.
type reader struct {
	t       testing.TB
	m       *ui.Model
	w, h    int
	results chan result
	pending int
	quit    bool
	frames  int // frames checked
	driving bool
}

// result is what a Cmd returned, or the panic it raised.
type result struct {
	msg   tea.Msg
	panic string
}

// newReader starts a reader on d at w×h in the given style, as a follower
// of a silent presenter so that every view can be reached.
func newReader(t testing.TB, d *dossier.Dossier, cache *render.Cache, w, h int, st render.Style) *reader {
	t.Helper()
	return newReaderAs(t, d, cache, w, h, st, ui.RoleFollower)
}

// newReaderAs is newReader in a role: a presenter drives, with the notes of
// the dossier's first briefing.
func newReaderAs(t testing.TB, d *dossier.Dossier, cache *render.Cache, w, h int, st render.Style, role ui.Role) *reader {
	t.Helper()
	if cache == nil {
		cache = render.NewCache()
	}
	r := &reader{t: t, w: w, h: h, results: make(chan result, 64)}
	r.guard("ui.New", func() {
		r.m = ui.New(ui.Options{Dossier: d, Cache: cache, Style: st, Width: w, Height: h,
			Role: role, Presence: follower{}})
	})
	r.guard("Init", func() { r.run(r.m.Init()) })
	r.send(tea.WindowSizeMsg{Width: w, Height: h})
	if role == ui.RolePresenter {
		r.driving = true
		r.send(ui.PresenceMsg{Role: role, Driving: true, Followers: []string{"f"}})
	} else {
		r.send(ui.PresenceMsg{Role: ui.RoleFollower, Presenter: "presenter"})
	}
	return r
}

// guard runs f and fails the test, with the stack, if it panics.
func (r *reader) guard(what string, f func()) {
	r.t.Helper()
	var stack string
	func() {
		defer func() {
			if p := recover(); p != nil {
				stack = fmt.Sprintf("%v\n%s", p, debug.Stack())
			}
		}()
		f()
	}()
	if stack != "" {
		r.t.Fatalf("%s panicked at %dx%d: %s", what, r.w, r.h, stack)
	}
}

// run starts a Cmd as a program would.
func (r *reader) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	r.pending++
	go func() {
		defer func() {
			if p := recover(); p != nil {
				r.results <- result{panic: fmt.Sprintf("%v\n%s", p, debug.Stack())}
			}
		}()
		r.results <- result{msg: cmd()}
	}()
}

// send gives msg to Update and waits until every Cmd it started, and every
// Cmd those started, has finished.
func (r *reader) send(msg tea.Msg) {
	r.t.Helper()
	r.update(msg)
	r.settle()
}

func (r *reader) update(msg tea.Msg) {
	r.t.Helper()
	r.guard(fmt.Sprintf("Update(%T)", msg), func() {
		_, cmd := r.m.Update(msg)
		r.run(cmd)
	})
}

// settle processes Cmd results until none is pending; it fails the test
// when a Cmd has not returned within hangLimit.
func (r *reader) settle() {
	r.t.Helper()
	timer := time.NewTimer(hangLimit)
	defer timer.Stop()
	for r.pending > 0 {
		select {
		case res := <-r.results:
			r.pending--
			if res.panic != "" {
				r.t.Fatalf("a Cmd panicked at %dx%d: %s", r.w, r.h, res.panic)
			}
			r.handle(res.msg)
		case <-timer.C:
			r.t.Fatalf("hang: %d Cmds still running after %s at %dx%d", r.pending, hangLimit, r.w, r.h)
		}
	}
}

// handle does with a Cmd's message what a program does: batches and
// sequences are run, a quit is noted, anything else goes to Update.
func (r *reader) handle(msg tea.Msg) {
	r.t.Helper()
	switch msg := msg.(type) {
	case nil:
		return
	case tea.QuitMsg:
		r.quit = true
		return
	case tea.BatchMsg:
		for _, c := range msg {
			r.run(c)
		}
		return
	}
	// tea.Sequence's message type is unexported: a slice of Cmds.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			if c, _ := v.Index(i).Interface().(tea.Cmd); c != nil {
				r.run(c)
				r.settle() // in order: each finishes before the next starts
			}
		}
		return
	}
	r.update(msg)
}

// resize tells the reader the terminal's new size.
func (r *reader) resize(w, h int) {
	r.t.Helper()
	r.w, r.h = w, h
	r.send(tea.WindowSizeMsg{Width: w, Height: h})
}

// press sends key presses: single characters or the names keyPress knows.
func (r *reader) press(keys ...string) {
	r.t.Helper()
	for _, k := range keys {
		r.send(keyPress(k))
	}
}

// show moves the reader to a view as a presenter would.
func (r *reader) show(id ui.ViewID) {
	r.t.Helper()
	if r.driving { // a presenter goes by keys: 1–5, and d from the sources
		r.press("esc", "esc")
		if id == ui.ViewDiscrepancies {
			r.press("5", "d")
		} else {
			r.press(string(rune('1' + id)))
		}
		return
	}
	r.press("f") // re-attach, in case a key detached us
	r.send(ui.FollowMsg{Presenter: "presenter", Position: ui.Position{View: id.String(), Stop: -1}})
}

// frame draws the reader, checks the frame (exact size, no escape sequence
// but SGR, a clean window title) and returns it.
func (r *reader) frame() tea.View {
	r.t.Helper()
	var v tea.View
	r.guard("View", func() { v = r.m.View() })
	checkView(r.t, v, r.w, r.h)
	r.frames++
	return v
}

// views are every view of the reader.
func views() []ui.ViewID {
	var ids []ui.ViewID
	for id := ui.ViewID(0); ; id++ {
		if _, ok := ui.ParseViewID(id.String()); !ok {
			return ids
		}
		ids = append(ids, id)
	}
}

// screens draws every view, and the overlays over the compare view, at the
// reader's size; each frame is checked. It returns the frames' text.
func (r *reader) screens() []string {
	r.t.Helper()
	var out []string
	for _, id := range views() {
		r.show(id)
		f := r.frame().Content
		// A follower is moved by FollowMsg and must land in the view; a
		// presenter goes by keys, which a view's own state (a filter) may
		// take.
		if head := strings.SplitN(ansi.Strip(f), "\n", 2)[0]; !r.driving && r.w >= 100 && r.h >= 10 && !strings.Contains(head, id.String()) {
			r.t.Errorf("at %dx%d the %s view's header is %q", r.w, r.h, id, head)
		}
		out = append(out, f)
		r.press("down", "pgdown", "G")
		out = append(out, r.frame().Content)
		r.press("enter") // opens what is under the cursor, in some views another view
		out = append(out, r.frame().Content)
		r.press("esc", "esc")
	}
	r.show(ui.ViewCompare)
	for _, keys := range [][]string{{"?"}, {"t"}, {"a"}, {"enter"}, {"tab", "}", "enter"}, {"/", "a", "x"}} {
		r.press(keys...)
		out = append(out, r.frame().Content)
		r.press("esc")
	}
	return out
}

// keyPress returns the key press for a character or a key name
// (testkit.Key).
func keyPress(k string) tea.KeyPressMsg { return testkit.Key(k) }

// within runs f and fails the test if it does not return within
// hangLimit. f runs in another goroutine, so it must not call t.Fatal.
func within(t testing.TB, what string, f func()) {
	t.Helper()
	testkit.Within(t, what, f)
}

// oneLine shortens s for a failure message.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
