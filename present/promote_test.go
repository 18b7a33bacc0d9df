package present

import (
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/session"
)

// When the driver leaves while a presenter waits for control, that
// presenter drives at once and everyone is told.
func TestDriverLeavesRequesterIsPromoted(t *testing.T) {
	h := NewHub(4)
	alice := h.Join("alice", session.RolePresenter)
	bert := h.Join("bert", session.RolePresenter)
	carl := h.Join("carl", session.RolePresenter)
	fay := h.Join("fay", session.RoleFollower)
	alice.Moved(pos("one", 0))
	bert.Moved(pos("one", 0)) // echo: bert follows alice
	carl.RequestControl()
	bert.RequestControl()
	for _, m := range []*Member{alice, bert, carl, fay} {
		pending(m)
	}

	alice.Leave()
	if st := h.State(); st.Driver != "carl" || len(st.Requests) != 1 || st.Requests[0] != "bert" {
		t.Fatalf("after alice left: %v, want carl driving (asked first), bert still asking", st)
	}
	_, p := pending(carl)
	if p == nil || !p.Driving || !strings.Contains(p.Note, "alice left") || !strings.Contains(p.Note, "you are presenting") {
		t.Fatalf("carl was not told he presents: %+v", p)
	}
	if p.Requests == nil || p.Requests[0] != "bert" {
		t.Fatalf("carl does not see bert's request: %+v", p)
	}
	for _, m := range []*Member{bert, fay} {
		_, p := pending(m)
		if p == nil || p.Driving || p.Presenter != "carl" || p.Note != "alice left; carl is presenting" {
			t.Fatalf("%s was not told carl presents: %+v", m.name, p)
		}
	}
	carl.Moved(pos("two", 1))
	if f, _ := pending(fay); f == nil || f.Position != pos("two", 1) || f.Presenter != "carl" {
		t.Fatalf("fay does not follow carl: %+v", f)
	}
}

// When the driver leaves and nobody asked, nobody drives; presenters are
// told they may take control, and the first to ask gets it at once.
func TestDriverLeavesPresentersAreOffered(t *testing.T) {
	h := NewHub(4)
	alice := h.Join("alice", session.RolePresenter)
	bert := h.Join("bert", session.RolePresenter)
	fay := h.Join("fay", session.RoleFollower)
	alice.Moved(pos("one", 0))
	bert.Moved(pos("one", 0)) // bert's reader reports where it was sent once
	alice.Moved(pos("two", 1))
	pending(bert)
	pending(fay)

	alice.Leave()
	if st := h.State(); st.Driver != "" {
		t.Fatalf("someone took over without asking: %v", st)
	}
	if _, p := pending(bert); p == nil || p.Presenter != "" || p.Note != "alice left; nobody is presenting, you may take control" {
		t.Fatalf("bert was not offered control: %+v", p)
	}
	f, p := pending(fay)
	if f != nil || p == nil || p.Note != "alice left; you stay where you are" {
		t.Fatalf("fay: follow %+v, presence %+v; want told alice left and not moved", f, p)
	}

	bert.RequestControl()
	if _, p := pending(bert); p == nil || !p.Driving || p.Note != "you are presenting" {
		t.Fatalf("bert asked and did not get control: %+v", p)
	}
	// bert followed alice to "two": that is where he takes over, not where
	// his reader last reported being
	if f, p := pending(fay); p == nil || p.Presenter != "bert" || p.Note != "bert is presenting" || f == nil || f.Position != pos("two", 1) {
		t.Fatalf("fay was not told bert presents from stop two: %+v, %+v", p, f)
	}
	bert.Moved(pos("three", 2))
	if f, _ := pending(fay); f == nil || f.Position != pos("three", 2) {
		t.Fatalf("fay does not follow bert: %+v", f)
	}
}
