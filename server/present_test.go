package server

import (
	"fmt"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

const right = "\x1b[C"

// briefingServer starts a server with presenters alice and bert; anyone
// else gets in with --open as a follower.
func briefingServer(t *testing.T) (ts *testServer, alice, bert gossh.Signer) {
	t.Helper()
	alice, aliceLine := newKey(t, "alice")
	bert, bertLine := newKey(t, "bert")
	ts = startServer(t, Config{Open: true, Presenters: writeFile(t, t.TempDir(), "presenters", aliceLine, bertLine)}, nil)
	return ts, alice, bert
}

func TestFollowersFollowThePresenter(t *testing.T) {
	ts, alice, _ := briefingServer(t)
	pres := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 100, 30)
	pres.waitScreen(t, "user=alice role=presenter")
	pres.waitScreen(t, "note=you are presenting.")
	var fs []*term
	for i := range 2 {
		f := openTerm(t, mustDial(t, ts.addr, fmt.Sprintf("f%d", i)), 60+i*20, 20+i*5)
		f.waitScreen(t, "role=follower")
		f.waitScreen(t, "presenter=alice.")
		fs = append(fs, f)
	}
	pres.keys(t, right)
	for _, f := range fs {
		f.waitScreen(t, "topic=topic-0.")
	}
	// Each follower keeps its own size.
	fs[0].waitScreen(t, "size=60x20.")
	fs[1].waitScreen(t, "size=80x25.")

	// fs[0] browses on its own and stays put; fs[1] keeps following.
	fs[0].keys(t, "x")
	fs[0].waitScreen(t, "topic=own-browsing.")
	pres.keys(t, right)
	fs[1].waitScreen(t, "topic=topic-1.")
	pres.keys(t, right)
	fs[1].waitScreen(t, "topic=topic-2.")
	if !fs[0].screen.Contains("topic=own-browsing.") {
		t.Fatalf("a detached follower was moved:\n%s", fs[0].screen)
	}
	// f re-attaches and jumps to the presenter's place.
	fs[0].keys(t, "f")
	fs[0].waitScreen(t, "topic=topic-2.")
	pres.keys(t, right)
	fs[0].waitScreen(t, "topic=topic-3.")

	// The presenter leaves: followers are told and stay where they are.
	pres.keys(t, "q")
	pres.waitExit(t)
	for _, f := range fs {
		f.waitScreen(t, "note=alice left; you stay where you are.")
		if !f.screen.Contains("topic=topic-3.") {
			t.Fatalf("a follower moved when the presenter left:\n%s", f.screen)
		}
	}
}

func TestHandOffOverSSH(t *testing.T) {
	ts, alice, bert := briefingServer(t)
	a := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 80, 24)
	a.waitScreen(t, "note=you are presenting.")
	b := openTerm(t, mustDial(t, ts.addr, "bert", gossh.PublicKeys(bert)), 80, 24)
	b.waitScreen(t, "user=bert role=presenter")
	f := openTerm(t, mustDial(t, ts.addr, "fay"), 80, 24)
	f.waitScreen(t, "presenter=alice.")

	a.keys(t, right)
	f.waitScreen(t, "topic=topic-0.")
	b.waitScreen(t, "topic=topic-0.") // a second presenter follows too

	b.keys(t, "r")
	a.waitScreen(t, "note=bert asks for control.")
	b.waitScreen(t, "note=asked alice for control.")
	a.keys(t, "h")
	b.waitScreen(t, "note=alice handed you control.")
	f.waitScreen(t, "presenter=bert.")
	f.waitScreen(t, "note=bert is presenting.")

	b.keys(t, right) // bert's own stop counter continues from topic-0
	f.waitScreen(t, "topic=topic-1.")
	a.waitScreen(t, "topic=topic-1.")
}
