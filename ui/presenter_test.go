package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// A phrase of each stop's presenter notes in the example's briefing, as it
// reads once rendered.
var exampleNotes = []string{
	"they disagree on whether",
	"Nine hours or eleven",
	"Notes for the presenter.",
}

// lastMove waits until the hub has been told of a move to stop i, and
// returns that move.
func lastMove(t *testing.T, s *session, h *fakeHub, stop int) Position {
	t.Helper()
	var got Position
	s.waitFor("a move to stop "+string(rune('1'+stop)), func(frame) bool {
		moved, _ := h.snapshot()
		if len(moved) == 0 || moved[len(moved)-1].Stop != stop {
			return false
		}
		got = moved[len(moved)-1]
		return true
	})
	return got
}

// Each stop puts the reader on its view, topic, day and accounts, and the
// hub is told the stop's index, so that followers land on the stop.
func TestStopsMoveThePresenter(t *testing.T) {
	dossiers(t)
	d := example
	hub := &fakeHub{}
	s := start(t, d, 120, 40, func(o *Options) {
		o.Role, o.Presence, o.Pair = RolePresenter, hub, [2]string{"down", "up"}
	})
	s.waitFor("the panel before the first stop", contains("briefing: The five-minute brief · 3 stops", "next: Where things stand"))
	s.tm.Send(PresenceMsg{Role: RolePresenter, Driving: true, Presenter: "me", Followers: []string{"bob", "carol"}})
	s.waitFor("followers in the panel", contains("2 following: bob, carol"))

	s.press("right")
	p := lastMove(t, s, hub, 0)
	want := Position{View: "compare", Topic: "flows", Accounts: [2]string{"up", "down"}, Stop: 0}
	if p.View != want.View || p.Topic != want.Topic || p.Accounts != want.Accounts {
		t.Fatalf("stop 1 reported %+v, want compare on flows with up, down", p)
	}
	f := s.waitFor("stop 1 with its notes", func(f frame) bool {
		return contains("stop 1/3 · Where things stand", "next: The second day", exampleNotes[0])(f) &&
			f.lay != nil && f.lay.Pair == want.Accounts
	})
	if contains(exampleNotes[1])(f) {
		t.Errorf("stop 1 shows stop 2's notes")
	}

	s.press("right")
	p = lastMove(t, s, hub, 1)
	if p.View != "days" || p.Accounts != want.Accounts {
		t.Fatalf("stop 2 reported %+v, want the days view", p)
	}
	s.waitFor("the day of stop 2", func(frame) bool {
		moved, _ := hub.snapshot()
		last := moved[len(moved)-1]
		return last.Day == "mar03" && last.Stop == 1 && last.View == "days"
	})
	s.waitFor("stop 2 with its notes", contains("stop 2/3 · The second day", "next: Who sat at the table", exampleNotes[1], "3 Mar"))

	s.press("right")
	p = lastMove(t, s, hub, 2)
	if p.View != "delegations" {
		t.Fatalf("stop 3 reported %+v, want the delegations view", p)
	}
	s.waitFor("stop 3", contains("stop 3/3 · Who sat at the table", "last stop", exampleNotes[2]))
	s.press("right")
	s.waitFor("the end", contains("this is the last stop"))

	s.press("left", "left")
	p = lastMove(t, s, hub, 0)
	if p.View != "compare" || p.Topic != "flows" {
		t.Fatalf("back to stop 1 reported %+v", p)
	}
	s.waitFor("stop 1 again", contains("stop 1/3 · Where things stand", exampleNotes[0]))

	// The presenter may navigate freely; the stop stays the last one visited.
	s.press("]")
	s.waitFor("topic 2", ready(d, 1))
	moved, _ := hub.snapshot()
	if last := moved[len(moved)-1]; last.Topic != "committee" || last.Stop != 0 {
		t.Errorf("free navigation reported %+v, want topic committee, stop 1 kept", last)
	}
}

// Notes are a presenter's: a follower on the same stop sees whom it follows
// and where, never the notes or the panel.
func TestFollowerSeesNoNotes(t *testing.T) {
	dossiers(t)
	d := example
	hub := &fakeHub{}
	s := start(t, d, 120, 40, func(o *Options) { o.Role, o.Presence = RoleFollower, hub })
	s.tm.Send(PresenceMsg{Role: RoleFollower, Presenter: "alice"})
	for i, pos := range []Position{
		{View: "compare", Topic: "flows", Accounts: [2]string{"up", "down"}, Stop: 0},
		{View: "days", Day: "mar03", Accounts: [2]string{"up", "down"}, Stop: 1},
		{View: "delegations", Accounts: [2]string{"up", "down"}, Stop: 2},
	} {
		s.tm.Send(FollowMsg{Position: pos, Presenter: "alice", Stops: 3})
		where := "following alice · stop " + string(rune('1'+i)) + "/3"
		f := s.waitFor(where, contains(where))
		for _, n := range exampleNotes {
			if contains(n)(f) {
				t.Fatalf("a follower sees the notes %q:\n%s", n, strings.Join(f.lines(), "\n"))
			}
		}
		if contains("next: ")(f) || contains("following:")(f) {
			t.Fatalf("a follower sees the presenter panel:\n%s", strings.Join(f.lines(), "\n"))
		}
	}
	// The presenter's keys are not a follower's: → is not a stop key.
	k := DefaultKeyMap()
	if s := k.NextStop; s.Enabled() {
		t.Errorf("the next-stop key is enabled by default")
	}
}

// For a presenter, the stop and control keys are taken away from every
// other binding (the days view then steps days with l and h), and nobody
// else loses them.
func TestPresenterKeysCollideWithNothing(t *testing.T) {
	k := DefaultKeyMap()
	k.forPresenter(true, true)
	mine := k.PresentKeys.named()
	for name, b := range k.Named() {
		if _, ok := mine[name]; ok || !b.Enabled() {
			continue
		}
		for _, p := range mine {
			for _, key := range p.Keys() {
				if slices.Contains(b.Keys(), key) {
					t.Errorf("%s still has %q, a presenter key", name, key)
				}
			}
		}
	}
	if got := k.NextDay.Keys(); !slices.Equal(got, []string{"l"}) || k.NextDay.Help().Key != "l" {
		t.Errorf("a presenter's next-day is %v (%q), want l", got, k.NextDay.Help().Key)
	}
	if d := DefaultKeyMap(); !slices.Contains(d.NextDay.Keys(), "right") {
		t.Errorf("the default next-day lost →: %v", d.NextDay.Keys())
	}
}

// The presenter's keys appear in help only for presenters.
func TestPresenterHelp(t *testing.T) {
	dossiers(t)
	for _, tc := range []struct {
		role Role
		want bool
	}{{RolePresenter, true}, {RoleFollower, false}, {RoleAlone, false}} {
		t.Run(tc.role.String(), func(t *testing.T) {
			s := start(t, example, 120, 40, func(o *Options) { o.Role, o.Presence = tc.role, &fakeHub{} })
			s.waitFor("with topic 1", ready(example, 0))
			s.press("?")
			f := s.waitFor("help", contains("esc or ? to close"))
			for _, desc := range []string{"next stop", "ask for control"} {
				if contains(desc)(f) != tc.want {
					t.Errorf("help of a %s shows %q: %v, want %v", tc.role, desc, !tc.want, tc.want)
				}
			}
		})
	}
}

// Asking for control and handing it over go to the hub; the driver sees
// who asks and the key that hands over.
func TestControlKeys(t *testing.T) {
	dossiers(t)
	hub := &controlHub{}
	s := start(t, example, 120, 40, func(o *Options) { o.Role, o.Presence = RolePresenter, hub })
	s.tm.Send(PresenceMsg{Role: RolePresenter, Presenter: "alice"})
	s.waitFor("alice presents", contains("alice presents · r asks for control"))
	s.press("r")
	s.tm.Send(PresenceMsg{Role: RolePresenter, Driving: true, Presenter: "me", Requests: []string{"bert"}})
	s.waitFor("bert asks", contains("bert asks for control · H hands over"))
	s.press("H")
	s.tm.Send(PresenceMsg{Role: RolePresenter, Presenter: "bert"})
	s.waitFor("bert presents", contains("bert presents"))
	if asks, hands := hub.counts(); asks != 1 || hands != 1 {
		t.Errorf("hub told %d requests and %d hand-offs, want 1 and 1", asks, hands)
	}
}

// controlHub counts control requests and hand-offs.
type controlHub struct {
	fakeHub
	asks, hands int
}

func (h *controlHub) RequestControl() { h.mu.Lock(); h.asks++; h.mu.Unlock() }
func (h *controlHub) HandOff()        { h.mu.Lock(); h.hands++; h.mu.Unlock() }
func (h *controlHub) counts() (int, int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.asks, h.hands
}

// TestPresenterGolden is the presenter's screen on the first stop of the
// example's briefing at 120x40, ANSI stripped (refresh with -update): as
// the driver, and as the driver someone asks for control. (The other stops'
// views have goldens of their own.)
func TestPresenterGolden(t *testing.T) {
	dossiers(t)
	d := example
	cases := []struct {
		name  string
		keys  []string
		until []string
	}{
		{"stop-1", []string{"right"}, []string{"stop 1/3", exampleNotes[0], "Upstream · Dry-season flows", "2 following: bob, carol"}},
		{"asked", []string{"right"}, []string{"stop 1/3", exampleNotes[0], "bert asks for control · H hands over"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, d, 120, 40, func(o *Options) { o.Role, o.Presence = RolePresenter, &fakeHub{} })
			msg := PresenceMsg{Role: RolePresenter, Driving: true, Presenter: "me", Followers: []string{"bob", "carol"}}
			if tc.name == "asked" {
				msg.Requests = []string{"bert"}
			}
			s.tm.Send(msg)
			s.waitFor("with topic 1", ready(d, 0))
			s.press(tc.keys...)
			f := s.waitFor("showing "+strings.Join(tc.until, ", "), func(f frame) bool {
				return contains(tc.until...)(f) && ready(d, 0)(f)
			})
			golden.RequireEqual(t, ansi.Strip(f.content))
		})
	}
}
