package testkit

import (
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// BarrierMsg is sent after the keys and messages of a test step. Bubble Tea
// handles messages in order and draws after each one, so every frame drawn
// after the program handled the barrier shows the state after the step.
type BarrierMsg struct{ N int }

// Frames keeps every frame a program drew, in order, and where the last
// barrier fell. It is safe for the program's goroutine and the test's.
type Frames[F any] struct {
	mu     sync.Mutex
	frames []F
	sent   int  // barriers sent
	passed int  // barriers the program handled
	from   int  // index of the first frame drawn after the last barrier handled
	seen   int  // index of the frame the last wait returned
	ended  bool // the program has finished: no barrier will pass any more
}

// Add records a frame.
func (r *Frames[F]) Add(f F) {
	r.mu.Lock()
	r.frames = append(r.frames, f)
	r.mu.Unlock()
}

// barrier returns a new barrier to send after a step.
func (r *Frames[F]) barrier() BarrierMsg {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent++
	return BarrierMsg{N: r.sent}
}

// pass is called on the program's goroutine for every message; it reports
// whether msg was a barrier (which the model never sees).
func (r *Frames[F]) pass(msg tea.Msg) bool {
	b, ok := msg.(BarrierMsg)
	if !ok {
		return false
	}
	r.mu.Lock()
	r.passed = max(r.passed, b.N)
	r.from = len(r.frames)
	r.mu.Unlock()
	return true
}

// end marks the program finished.
func (r *Frames[F]) end() {
	r.mu.Lock()
	r.ended = true
	r.mu.Unlock()
}

// All returns a copy of every frame so far.
func (r *Frames[F]) All() []F {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]F(nil), r.frames...)
}

// Last returns the newest frame, or the zero frame when none was drawn.
func (r *Frames[F]) Last() F {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.frames) == 0 {
		var zero F
		return zero
	}
	return r.frames[len(r.frames)-1]
}

// Wait waits for the first frame, drawn after the last barrier sent and not
// before the frame the previous wait returned, that satisfies cond, and
// returns it. Once the program has finished (a step quit it), the barriers
// it will never handle are not waited for. A frame drawn before the program handled the last step is
// never returned, however well it matches. HangLimit bounds the wait; on
// timeout t fails with describe(the last frame).
func (r *Frames[F]) Wait(t testing.TB, what string, cond func(F) bool, describe func(F) string) F {
	t.Helper()
	deadline := time.Now().Add(HangLimit())
	for time.Now().Before(deadline) {
		r.mu.Lock()
		if r.passed >= r.sent || r.ended {
			for i := max(r.seen, r.from); i < len(r.frames); i++ {
				if cond(r.frames[i]) {
					f := r.frames[i]
					r.seen = i
					r.mu.Unlock()
					return f
				}
			}
		}
		r.mu.Unlock()
		time.Sleep(2 * time.Millisecond)
	}
	last := r.Last()
	t.Fatalf("hang: no frame %s within %s; last frame:\n%s", what, HangLimit(), describe(last))
	var zero F
	return zero
}

// recorder wraps a model and records a frame, made by snap on the
// program's goroutine, for every View.
type recorder[F any] struct {
	model  tea.Model
	snap   func(tea.Model, tea.View) F
	frames *Frames[F]
}

func (r recorder[F]) Init() tea.Cmd { return r.model.Init() }

func (r recorder[F]) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if r.frames.pass(msg) {
		return r, nil
	}
	m, cmd := r.model.Update(msg)
	r.model = m
	return r, cmd
}

func (r recorder[F]) View() tea.View {
	v := r.model.View()
	r.frames.Add(r.snap(r.model, v))
	return v
}

// Program is a whole Bubble Tea program under test (teatest), recording
// its frames. Send and Press end each step with a barrier.
type Program[F any] struct {
	*teatest.TestModel
	*Frames[F]
	t        testing.TB
	once     sync.Once
	finished chan struct{} // closed when the program has finished
}

// ProgramOptions are the options of Start.
type ProgramOptions[F any] struct {
	Width, Height int
	// Snap makes the recorded frame from the model and its view, on the
	// program's goroutine (so it may read the model's state).
	Snap func(tea.Model, tea.View) F
	// Check, when set, is called for every frame when the test ends.
	Check func(t testing.TB, i int, f F)
}

// Start runs m as a program at Width×Height with true colour. When the test
// ends the program quits and, with Check set, every frame is checked.
func Start[F any](t testing.TB, m tea.Model, o ProgramOptions[F]) *Program[F] {
	t.Helper()
	p := &Program[F]{Frames: &Frames[F]{}, t: t, finished: make(chan struct{})}
	rec := recorder[F]{model: m, snap: o.Snap, frames: p.Frames}
	p.TestModel = teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(o.Width, o.Height),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.TrueColor)))
	go func() {
		p.TestModel.WaitFinished(t) // no timeout: Stop bounds the wait
		p.Frames.end()
		close(p.finished)
	}()
	t.Cleanup(func() {
		p.Stop()
		if o.Check != nil {
			for i, f := range p.All() {
				o.Check(t, i, f)
			}
		}
	})
	return p
}

// Finished is closed when the program has finished.
func (p *Program[F]) Finished() <-chan struct{} { return p.finished }

// Stop quits the program and waits for it; it may be called more than once.
func (p *Program[F]) Stop() {
	p.once.Do(func() {
		_ = p.TestModel.Quit()
		select {
		case <-p.finished:
		case <-time.After(HangLimit()):
			p.t.Errorf("hang: the program did not finish within %s of quitting", HangLimit())
		}
	})
}

// Send sends msg and then a barrier: a later Wait sees only frames drawn
// after the program handled msg.
func (p *Program[F]) Send(msg tea.Msg) {
	p.TestModel.Send(msg)
	p.TestModel.Send(p.barrier())
}

// Press sends keys (see Key), then a barrier.
func (p *Program[F]) Press(keys ...string) {
	for _, k := range keys {
		p.TestModel.Send(Key(k))
	}
	p.TestModel.Send(p.barrier())
}

// Type types each character of text, then a barrier.
func (p *Program[F]) Type(text string) {
	for _, r := range text {
		p.TestModel.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	p.TestModel.Send(p.barrier())
}

// Key returns the key press for a name ("tab", "enter", "esc", "pgdown",
// "pgup", "down", "up", "right", "left", "space", "backspace", "home",
// "end", "ctrl+x") or for a single character.
func Key(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	if len(k) == 6 && k[:5] == "ctrl+" {
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}
