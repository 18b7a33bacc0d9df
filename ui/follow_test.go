package ui

import (
	"sync"
	"testing"

	"github.com/dossier-dev/dossier/render"
)

// fakeHub records what the reader tells the hub.
type fakeHub struct {
	mu      sync.Mutex
	moved   []Position
	follows int
}

func (h *fakeHub) Moved(p Position) { h.mu.Lock(); h.moved = append(h.moved, p); h.mu.Unlock() }
func (h *fakeHub) RequestControl()  {}
func (h *fakeHub) HandOff()         {}
func (h *fakeHub) Follow()          { h.mu.Lock(); h.follows++; h.mu.Unlock() }

func (h *fakeHub) snapshot() ([]Position, int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Position(nil), h.moved...), h.follows
}

func TestFollowerDetachesAndFollowsAgain(t *testing.T) {
	dossiers(t)
	d := embedded
	hub := &fakeHub{}
	s := start(t, d, 120, 40, func(o *Options) { o.Role, o.Presence = RoleFollower, hub })
	s.waitFor("with topic 1", ready(d, 0))
	s.tm.Send(PresenceMsg{Role: RoleFollower, Presenter: "alice"})
	s.waitFor("following alice", contains("following alice"))
	pos := func(topic int) Position {
		return Position{View: "compare", Topic: d.Topics[topic].ID, Accounts: [2]string{"pk", "af"}, Stop: topic}
	}
	s.tm.Send(FollowMsg{Position: pos(2), Presenter: "alice", Stops: 9})
	s.waitFor("on alice's topic", func(f frame) bool { return ready(d, 2)(f) && contains("following alice · stop 3/9")(f) })
	if moved, _ := s.hubAfter(hub); len(moved) != 0 {
		t.Errorf("applying the presenter's position was reported as a move: %v", moved)
	}

	s.press("j")
	s.waitFor("detached", contains(detachedNote))
	moved, _ := s.hubAfter(hub)
	if len(moved) != 1 || moved[0].Topic != d.Topics[2].ID {
		t.Fatalf("after j the hub was told %v, want one move on topic 3", moved)
	}
	s.tm.Send(FollowMsg{Position: pos(4), Presenter: "alice", Stops: 9})
	s.press("k") // a frame after the FollowMsg was handled
	f := s.waitFor("still on topic 3", func(f frame) bool { return f.nav.Offset[0] == 0 && ready(d, 2)(f) })
	if f.nav.Topic != 2 {
		t.Errorf("a detached follower followed to topic %d", f.nav.Topic+1)
	}

	s.press("f")
	s.waitFor("attached again", func(f frame) bool { return !contains(detachedNote)(f) && contains("following alice")(f) })
	if _, follows := s.hubAfter(hub); follows != 1 {
		t.Errorf("f called Follow %d times, want 1", follows)
	}
	s.tm.Send(FollowMsg{Position: pos(4), Presenter: "alice", Stops: 9})
	s.waitFor("on alice's new topic", ready(d, 4))
}

// hubAfter returns what the hub was told, after the program has drawn a
// frame for everything sent so far.
func (s *session) hubAfter(h *fakeHub) ([]Position, int) {
	return h.snapshot()
}

func TestPresenterReportsMoves(t *testing.T) {
	dossiers(t)
	d := embedded
	hub := &fakeHub{}
	s := start(t, d, 120, 24, func(o *Options) { o.Role, o.Presence = RolePresenter, hub }) // short, so topic 2 is taller than the panes and j can scroll
	s.waitFor("with topic 1", ready(d, 0))
	s.tm.Send(PresenceMsg{Role: RolePresenter, Driving: true, Followers: []string{"bob", "carol"}, Requests: []string{"dave"}})
	s.waitFor("presenting", contains("presenting · 2 following · dave asks for control"))
	s.press("]")
	s.waitFor("topic 2", ready(d, 1))
	s.press("x")
	s.waitFor("swapped", func(f frame) bool { return f.lay != nil && f.lay.Pair == [2]string{"af", "pk"} })
	moved, _ := hub.snapshot()
	if len(moved) != 2 {
		t.Fatalf("hub told %d moves, want 2: %v", len(moved), moved)
	}
	if moved[0].Topic != d.Topics[1].ID || moved[0].View != "compare" || moved[0].Accounts != [2]string{"pk", "af"} {
		t.Errorf("first move %+v, want compare on %s with pk, af", moved[0], d.Topics[1].ID)
	}
	if moved[1].Accounts != [2]string{"af", "pk"} {
		t.Errorf("second move %+v, want accounts af, pk", moved[1])
	}
	s.press("?", "esc", "t", "esc") // overlays are not moves
	s.press("j")                    // within the claim at the top: the position (claim at the top) is the same
	s.waitFor("scrolled", func(f frame) bool { return f.nav.Offset[0] == 1 })
	s.press("}")
	f := s.waitFor("on the next claim", func(f frame) bool { return f.nav.Row == 1 })
	moved, _ = hub.snapshot()
	if len(moved) != 3 || moved[2].Anchor != f.lay.Rows[1].IDs[0] && moved[2].Anchor != f.lay.Rows[1].IDs[1] {
		t.Errorf("after }: %d moves (want 3), last %+v (want the anchor of row 2, %v)", len(moved), moved[len(moved)-1], f.lay.Rows[1].IDs)
	}
}

func TestFollowAnchor(t *testing.T) {
	dossiers(t)
	d := embedded
	i := longest(d)
	lay := render.NewCache().Compare(d, &d.Topics[i], defaultPair(d), 55, render.StyleDark, 0)
	var row render.Row
	for _, r := range lay.Rows[len(lay.Rows)/2:] {
		if r.IDs[0] != "" {
			row = r
			break
		}
	}
	hub := &fakeHub{}
	s := start(t, d, 120, 40, func(o *Options) { o.Role, o.Presence = RoleFollower, hub })
	s.waitFor("with topic 1", ready(d, 0))
	s.tm.Send(FollowMsg{Presenter: "alice", Position: Position{View: "compare", Topic: d.Topics[i].ID,
		Accounts: defaultPair(d), Anchor: row.IDs[0], Stop: -1}})
	rows := 35 // 40 rows less header, status, footer, borders
	if d.Topics[i].Summary != "" {
		rows-- // and the topic's summary
	}
	want := min(row.Start, lay.Len()-rows)
	f := s.waitFor("at the anchor", func(f frame) bool {
		return ready(d, i)(f) && f.nav.Offset[0] == want && f.lay.Rows[f.nav.Row].IDs[0] == row.IDs[0]
	})
	if f.nav.Offset[1] != want {
		t.Errorf("right pane at %d, want %d", f.nav.Offset[1], want)
	}
}
