package present

import (
	"testing"

	"github.com/dossier-dev/dossier/session"
)

// A presenter is told which followers browse on their own, and when they
// follow again.
func TestPresenterSeesWhoBrowses(t *testing.T) {
	h := NewHub(3)
	alice := h.Join("alice", session.RolePresenter)
	bob := h.Join("bob", session.RoleFollower)
	h.Join("carol", session.RoleFollower)
	alice.Moved(pos("one", 0))
	pending(alice)
	bob.Moved(pos("elsewhere", -1)) // bob navigates on his own
	if _, p := pending(alice); p == nil || len(p.Followers) != 2 || len(p.Browsing) != 1 || p.Browsing[0] != "bob" {
		t.Fatalf("alice was not told bob browses: %+v", p)
	}
	bob.Follow()
	if _, p := pending(alice); p == nil || len(p.Browsing) != 0 {
		t.Fatalf("alice was not told bob follows again: %+v", p)
	}
}
