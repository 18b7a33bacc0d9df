package present

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/internal/testkit"
	"github.com/dossier-dev/dossier/session"
)

func pos(topic string, stop int) session.Position {
	return session.Position{View: "compare", Topic: topic, Stop: stop}
}

// pending returns what m's mailbox holds right now and empties it.
func pending(m *Member) (follow *session.FollowMsg, presence *session.PresenceMsg) {
	for {
		msg, ok := m.box.pop()
		if !ok {
			break
		}
		switch msg := msg.(type) {
		case session.FollowMsg:
			follow = &msg
		case session.PresenceMsg:
			presence = &msg
		}
	}
	return follow, presence
}

func TestDriverMovesFollowersFollow(t *testing.T) {
	h := NewHub(10)
	alice := h.Join("alice", session.RolePresenter)
	bob := h.Join("bob", session.RoleFollower)
	carol := h.Join("carol", session.RoleFollower)
	_, pres := pending(bob)
	if pres == nil || pres.Presenter != "alice" || pres.Role != session.RoleFollower || pres.Driving {
		t.Fatalf("bob's presence = %+v, want follower of alice", pres)
	}
	_, pres = pending(alice)
	if pres == nil || !pres.Driving || strings.Join(pres.Followers, ",") != "bob,carol" {
		t.Fatalf("alice's presence = %+v, want driving with followers bob,carol", pres)
	}
	pending(carol)

	alice.Moved(pos("ceasefire", 2))
	for _, m := range []*Member{bob, carol} {
		f, _ := pending(m)
		if f == nil || f.Position != pos("ceasefire", 2) || f.Presenter != "alice" || f.Stops != 10 {
			t.Fatalf("%s got %+v, want FollowMsg to ceasefire stop 2 from alice of 10", m.name, f)
		}
	}
	if f, _ := pending(alice); f != nil {
		t.Fatalf("the driver was sent its own position: %+v", f)
	}
}

func TestLateJoinerGetsCurrentPosition(t *testing.T) {
	h := NewHub(3)
	alice := h.Join("alice", session.RolePresenter)
	alice.Moved(pos("trade", 1))
	dan := h.Join("dan", session.RoleFollower)
	if f, _ := pending(dan); f == nil || f.Position != pos("trade", 1) {
		t.Fatalf("late joiner got %+v, want trade stop 1", f)
	}
}

func TestDetachedFollowerStaysAndFollowReattaches(t *testing.T) {
	h := NewHub(5)
	alice := h.Join("alice", session.RolePresenter)
	bob := h.Join("bob", session.RoleFollower)
	alice.Moved(pos("a", 0))
	pending(bob)
	// bob echoes the position he was sent: still attached.
	bob.Moved(pos("a", 0))
	alice.Moved(pos("b", 1))
	if f, _ := pending(bob); f == nil || f.Position != pos("b", 1) {
		t.Fatalf("after an echo bob got %+v, want b", f)
	}
	// A late echo of an older position does not detach either.
	bob.Moved(pos("a", 0))
	alice.Moved(pos("c", 2))
	if f, _ := pending(bob); f == nil || f.Position != pos("c", 2) {
		t.Fatalf("after a late echo bob got %+v, want c", f)
	}
	// bob navigates on his own: detached.
	bob.Moved(pos("elsewhere", -1))
	alice.Moved(pos("d", 3))
	if f, _ := pending(bob); f != nil {
		t.Fatalf("detached bob was moved to %+v", f.Position)
	}
	if st := h.State(); st.Attached != 0 {
		t.Fatalf("state %v: want no attached follower", st)
	}
	bob.Follow()
	if f, _ := pending(bob); f == nil || f.Position != pos("d", 3) {
		t.Fatalf("after Follow bob got %+v, want d", f)
	}
	alice.Moved(pos("e", 4))
	if f, _ := pending(bob); f == nil || f.Position != pos("e", 4) {
		t.Fatalf("re-attached bob got %+v, want e", f)
	}
}

func TestHandOffBetweenPresenters(t *testing.T) {
	h := NewHub(5)
	alice := h.Join("alice", session.RolePresenter)
	bert := h.Join("bert", session.RolePresenter)
	fay := h.Join("fay", session.RoleFollower)
	alice.Moved(pos("one", 0))
	pending(alice)
	pending(bert)
	pending(fay)

	// bert browses ahead; no silent takeover: fay does not move.
	bert.Moved(pos("three", 2))
	if f, _ := pending(fay); f != nil {
		t.Fatalf("a non-driving presenter moved fay to %+v", f.Position)
	}
	alice.HandOff()
	if _, p := pending(alice); p == nil || p.Note != "nobody asked for control" || !p.Driving {
		t.Fatalf("hand-off without a request: alice got %+v", p)
	}

	bert.RequestControl()
	_, p := pending(alice)
	if p == nil || strings.Join(p.Requests, ",") != "bert" || !strings.Contains(p.Note, "bert asks") {
		t.Fatalf("alice was not told bert asks: %+v", p)
	}
	if _, p := pending(bert); p == nil || p.Driving {
		t.Fatalf("bert drives before the hand-off: %+v", p)
	}

	alice.HandOff()
	if _, p := pending(bert); p == nil || !p.Driving || !strings.Contains(p.Note, "handed you control") {
		t.Fatalf("bert after hand-off: %+v", p)
	}
	f, p := pending(fay)
	if p == nil || p.Presenter != "bert" {
		t.Fatalf("fay's presence after hand-off: %+v", p)
	}
	if f == nil || f.Position != pos("three", 2) || f.Presenter != "bert" {
		t.Fatalf("fay should jump to bert's place, got %+v", f)
	}
	// alice now follows bert.
	if f, p := pending(alice); p == nil || p.Driving || f == nil || f.Position != pos("three", 2) {
		t.Fatalf("alice after hand-off: follow %+v presence %+v", f, p)
	}
	bert.Moved(pos("four", 3))
	for _, m := range []*Member{alice, fay} {
		if f, _ := pending(m); f == nil || f.Position != pos("four", 3) {
			t.Fatalf("%s did not follow bert: %+v", m.name, f)
		}
	}
	alice.Moved(pos("x", -1)) // alice browses; fay must not follow her
	if f, _ := pending(fay); f != nil {
		t.Fatalf("fay followed the previous driver: %+v", f)
	}
}

func TestFollowerCannotTakeControl(t *testing.T) {
	h := NewHub(1)
	alice := h.Join("alice", session.RolePresenter)
	fay := h.Join("fay", session.RoleFollower)
	pending(alice)
	pending(fay)
	fay.RequestControl()
	if _, p := pending(fay); p == nil || p.Note != "only presenters can take control" {
		t.Fatalf("fay got %+v", p)
	}
	if st := h.State(); st.Driver != "alice" || len(st.Requests) != 0 {
		t.Fatalf("state %v", st)
	}
}

func TestDriverLeavesFollowersStayPut(t *testing.T) {
	h := NewHub(4)
	alice := h.Join("alice", session.RolePresenter)
	bert := h.Join("bert", session.RolePresenter)
	fay := h.Join("fay", session.RoleFollower)
	alice.Moved(pos("two", 1))
	pending(fay)
	pending(bert)
	alice.Leave()
	f, p := pending(fay)
	if f != nil {
		t.Fatalf("fay was moved when alice left: %+v", f)
	}
	if p == nil || p.Presenter != "" || !strings.Contains(p.Note, "alice left") {
		t.Fatalf("fay was not told alice left: %+v", p)
	}
	if st := h.State(); st.Driver != "" {
		t.Fatalf("someone took over silently: %v", st)
	}
	// bert asks; nobody drives, so he gets control at once and fay follows him.
	bert.Moved(pos("three", 2))
	bert.RequestControl()
	if f, _ := pending(fay); f == nil || f.Position != pos("three", 2) || f.Presenter != "bert" {
		t.Fatalf("fay did not follow bert: %+v", f)
	}
	alice.Moved(pos("ghost", 0)) // after Leave: ignored
	if st := h.State(); st.Position != pos("three", 2) || st.Members != 2 {
		t.Fatalf("state after a left member moved: %v %+v", st, st.Position)
	}
}

// recorder collects the messages Run delivers.
type recorder struct {
	mu   sync.Mutex
	msgs []tea.Msg
	got  chan session.FollowMsg
}

func newRecorder() *recorder { return &recorder{got: make(chan session.FollowMsg, 1024)} }

func (r *recorder) send(msg tea.Msg) {
	if f, ok := msg.(session.FollowMsg); ok {
		r.got <- f
	}
}

// waitFor waits until r has been delivered a FollowMsg at p. The deadline
// only keeps a broken hub from hanging the test; it measures nothing.
func (r *recorder) waitFor(t *testing.T, p session.Position) {
	t.Helper()
	deadline := time.After(testkit.Limit(10 * time.Second))
	for {
		select {
		case f := <-r.got:
			if f.Position == p {
				return
			}
		case <-deadline:
			t.Fatalf("never delivered %+v", p)
		}
	}
}

func TestStuckFollowerDoesNotBlockPresenter(t *testing.T) {
	h := NewHub(1000)
	alice := h.Join("alice", session.RolePresenter)
	stuck := h.Join("stuck", session.RoleFollower)
	block := make(chan struct{})
	handed := make(chan session.FollowMsg, 1)
	go stuck.Run(func(msg tea.Msg) { // takes one message, then never returns until the end
		if f, ok := msg.(session.FollowMsg); ok {
			select {
			case handed <- f:
			default:
			}
		}
		<-block
	})
	live := h.Join("live", session.RoleFollower)
	rec := newRecorder()
	go live.Run(rec.send)
	go alice.Run(func(tea.Msg) {})

	const steps = 1000
	for i := range steps {
		alice.Moved(pos("t", i)) // must never wait on the stuck follower
	}
	rec.waitFor(t, pos("t", steps-1))
	if d := stuck.Dropped(); d == 0 {
		t.Fatalf("the stuck follower's mailbox replaced nothing; it must coalesce")
	}
	// The stuck follower holds at most one pending position, the latest,
	// unless its one delivery (which then blocked) already took the latest.
	stuck.box.mu.Lock()
	f := stuck.box.follow
	stuck.box.mu.Unlock()
	if f == nil {
		select {
		case h := <-handed:
			f = &h
		default:
		}
	}
	if f == nil || f.Position != pos("t", steps-1) {
		t.Fatalf("stuck follower's pending position = %+v, want the latest", f)
	}
	close(block)
	for _, m := range []*Member{alice, stuck, live} {
		m.Leave()
	}
}

func TestLeaveStopsRun(t *testing.T) {
	h := NewHub(1)
	m := h.Join("fay", session.RoleFollower)
	done := make(chan struct{})
	go func() { m.Run(func(tea.Msg) {}); close(done) }()
	m.Leave()
	m.Leave() // idempotent
	select {
	case <-done:
	case <-time.After(testkit.Limit(10 * time.Second)):
		t.Fatal("Run did not return after Leave")
	}
}
