package server

import (
	"fmt"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// sharedServer is briefingServer with shared frames on.
func sharedServer(t *testing.T) (ts *testServer, alice, bert gossh.Signer) {
	t.Helper()
	alice, aliceLine := newKey(t, "alice")
	bert, bertLine := newKey(t, "bert")
	ts = startServer(t, Config{Open: true, ShareFrames: true,
		Presenters: writeFile(t, t.TempDir(), "presenters", aliceLine, bertLine)}, nil)
	return ts, alice, bert
}

// waitGroups waits until the server's frame groups hold the given numbers
// of groups and members.
func waitGroups(t *testing.T, ts *testServer, groups, members int) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%d groups of %d members", groups, members), func() bool {
		g, m := ts.frames.count()
		return g == groups && m == members
	})
}

// The same presentation as TestFollowersFollowThePresenter, with shared
// frames: followers of different sizes are in different groups, a follower
// who types gets a reader of its own where the group was and may browse
// and follow again, and the others keep following.
func TestSharedFollowersFollowThePresenter(t *testing.T) {
	ts, alice, _ := sharedServer(t)
	pres := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 100, 30)
	pres.waitScreen(t, "note=you are presenting.")
	var fs []*term
	for i := range 2 {
		f := openTerm(t, mustDial(t, ts.addr, fmt.Sprintf("f%d", i)), 60+i*20, 20+i*5)
		f.waitScreen(t, "role=follower")
		f.waitScreen(t, "presenter=alice.")
		fs = append(fs, f)
	}
	waitGroups(t, ts, 2, 2)
	pres.keys(t, right)
	for _, f := range fs {
		f.waitScreen(t, "topic=topic-0.")
	}
	fs[0].waitScreen(t, "size=60x20.")
	fs[1].waitScreen(t, "size=80x25.")

	// fs[0] types: it leaves its group for its own reader, which starts at
	// topic-0 and then browses
	fs[0].keys(t, "x")
	fs[0].waitScreen(t, "topic=own-browsing.")
	waitGroups(t, ts, 1, 1)
	pres.keys(t, right)
	fs[1].waitScreen(t, "topic=topic-1.")
	pres.keys(t, right)
	fs[1].waitScreen(t, "topic=topic-2.")
	if !fs[0].screen.Contains("topic=own-browsing.") {
		t.Fatalf("a detached follower was moved:\n%s", fs[0].screen)
	}
	fs[0].keys(t, "f")
	fs[0].waitScreen(t, "topic=topic-2.")
	pres.keys(t, right)
	fs[0].waitScreen(t, "topic=topic-3.")
	fs[1].waitScreen(t, "topic=topic-3.")

	pres.keys(t, "q")
	pres.waitExit(t)
	for _, f := range fs {
		f.waitScreen(t, "note=alice left; you stay where you are.")
		if !f.screen.Contains("topic=topic-3.") {
			t.Fatalf("a follower moved when the presenter left:\n%s", f.screen)
		}
	}
}

// Followers of one size share one group; one who joins late and one who
// fell in at the start see the same screen after every step, though one got
// the whole screen and the other only differences.
func TestSharedFramesLateJoinerSeesTheSame(t *testing.T) {
	ts, alice, _ := sharedServer(t)
	pres := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 80, 24)
	pres.waitScreen(t, "note=you are presenting.")
	early := openTerm(t, mustDial(t, ts.addr, "early"), 80, 24)
	early.waitScreen(t, "presenter=alice.")
	for i := range 3 {
		pres.keys(t, right)
		early.waitScreen(t, fmt.Sprintf("topic=topic-%d.", i))
	}
	late := openTerm(t, mustDial(t, ts.addr, "late"), 80, 24)
	late.waitScreen(t, "topic=topic-2.")
	waitGroups(t, ts, 1, 2)
	for i := 3; i < 6; i++ {
		pres.keys(t, right)
		want := fmt.Sprintf("topic=topic-%d.", i)
		early.waitScreen(t, want)
		late.waitScreen(t, want)
		waitFor(t, "the same screen", func() bool { return early.screen.String() == late.screen.String() })
	}
	if !strings.Contains(early.raw.String(), "\x1b[?1049h") || !strings.Contains(late.raw.String(), "\x1b[?1049h") {
		t.Errorf("a member was not put on the alternate screen")
	}
}

// A follower whose window changes size moves to the group of its new
// size and is drawn at that size.
func TestSharedFramesResize(t *testing.T) {
	ts, alice, _ := sharedServer(t)
	pres := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 80, 24)
	pres.waitScreen(t, "note=you are presenting.")
	a := openTerm(t, mustDial(t, ts.addr, "a"), 80, 24)
	b := openTerm(t, mustDial(t, ts.addr, "b"), 80, 24)
	a.waitScreen(t, "size=80x24.")
	b.waitScreen(t, "size=80x24.")
	waitGroups(t, ts, 1, 2)
	if err := b.sess.WindowChange(30, 90); err != nil {
		t.Fatal(err)
	}
	waitGroups(t, ts, 2, 2)
	b.waitScreen(t, "size=90x30.")
	pres.keys(t, right)
	a.waitScreen(t, "topic=topic-0.")
	b.waitScreen(t, "topic=topic-0.")
}

// A follower whose terminal answers that its background is light is drawn
// by a group of its own; a session that leaves is given back its screen.
func TestSharedFramesBackgroundAndLeaving(t *testing.T) {
	ts, alice, _ := sharedServer(t)
	pres := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 80, 24)
	pres.waitScreen(t, "note=you are presenting.")
	dark := openTerm(t, mustDial(t, ts.addr, "dark"), 80, 24)
	light := openTerm(t, mustDial(t, ts.addr, "light"), 80, 24)
	dark.waitScreen(t, "presenter=alice.")
	light.waitScreen(t, "presenter=alice.")
	waitGroups(t, ts, 1, 2)
	if !strings.Contains(light.raw.String(), "\x1b]11;?") {
		t.Fatalf("the terminal was not asked for its background: %q", light.raw.String())
	}
	light.keys(t, "\x1b]11;rgb:ffff/ffff/eeee\x1b\\")
	waitGroups(t, ts, 2, 2)
	pres.keys(t, right)
	light.waitScreen(t, "topic=topic-0.")
	dark.waitScreen(t, "topic=topic-0.")

	// the server stops: the shared session leaves the alternate screen and
	// says why
	ts.stop()
	out, _ := dark.waitExit(t)
	tail := out[strings.LastIndex(out, "\x1b[?1049h"):]
	if !strings.Contains(tail, "\x1b[?1049l") || !strings.Contains(tail, "\x1b[?25h") {
		t.Errorf("the screen was not given back: %q", tail)
	}
	if !strings.Contains(out, msgStopping) {
		t.Errorf("no goodbye in %q", out)
	}
}

func TestScanInput(t *testing.T) {
	for _, tt := range []struct {
		in          string
		typed, rest string
		light       string // "", "dark", "light"
	}{
		{in: "j", typed: "j"},
		{in: "\x1b]11;rgb:0000/0000/0000\x07", light: "dark"},
		{in: "\x1b]11;rgb:ffff/ffff/ffff\x1b\\j", typed: "j", light: "light"},
		{in: "\x1b]11;rgb:ff/ff/ff\x07", light: "light"},
		{in: "\x1b]11;rgb:ffff/ff", rest: "\x1b]11;rgb:ffff/ff"},
		{in: "\x1b[A\x1b]11;rgb:ffff/ffff/ffff\x07", typed: "\x1b[A\x1b]11;rgb:ffff/ffff/ffff\x07"},
		{in: "\x1b]11;nonsense\x07", light: "dark"},
		{in: "\x1b]11;rgb:2020/2020/2020\x1b\\", light: "dark"},
		{in: "\x1b]11;rgb:eeee/e8e8/d5d5\x07", light: "light"},
	} {
		typed, light, rest := scanInput([]byte(tt.in))
		got := ""
		if light != nil {
			got = map[bool]string{true: "light", false: "dark"}[*light]
		}
		if string(typed) != tt.typed || string(rest) != tt.rest || got != tt.light {
			t.Errorf("scanInput(%q) = typed %q, light %q, rest %q; want %q, %q, %q",
				tt.in, typed, got, rest, tt.typed, tt.light, tt.rest)
		}
	}
}

// A new version of the dossier reaches the shared reader of a frame group,
// and a follower who types after it gets a reader on the new version.
func TestSharedFramesReload(t *testing.T) {
	ts, alice, _ := sharedServer(t)
	pres := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 80, 24)
	pres.waitScreen(t, "note=you are presenting.")
	f := openTerm(t, mustDial(t, ts.addr, "f"), 80, 24)
	f.waitScreen(t, "dossier=Test dossier.")
	waitGroups(t, ts, 1, 1)
	next := testDossier()
	next.Title = "Second version"
	ts.Reloaded(next)
	f.waitScreen(t, "dossier=Second version.")
	f.keys(t, "x")
	f.waitScreen(t, "topic=own-browsing.")
	f.waitScreen(t, "dossier=Second version.")
}
