package cli

import (
	"fmt"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
)

const (
	keyRight = "\x1b[C"
	keyLeft  = "\x1b[D"
)

// briefingServe starts `dossier serve --open` with the given presenters
// (a key each, named by the comment) and returns the embedded dossier, the
// server's address and the presenters' keys.
func briefingServe(t *testing.T, names ...string) (*dossier.Dossier, string, []gossh.Signer) {
	t.Helper()
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs.Err())
	}
	var keys []gossh.Signer
	var lines []string
	for _, n := range names {
		k, line := testkit.NewKey(t, n)
		keys = append(keys, k)
		lines = append(lines, line)
	}
	presenters := testkit.WriteFile(t, t.TempDir(), "presenters", lines...)
	return d, startServe(t, "--open", "--presenters", presenters), keys
}

// firstNote is the start of a stop's presenter notes as the panel shows
// them: the first words, which fit on the first line at any width used
// here.
func firstNote(s dossier.Stop) string {
	return strings.Join(strings.Fields(s.Notes)[:4], " ")
}

// TestServePresenterStops runs the real reader over SSH: the presenter goes
// from stop to stop with →, and every follower's screen shows the stop's
// topic and "following alice · stop N/12"; the notes are on the
// presenter's screen only.
func TestServePresenterStops(t *testing.T) {
	d, addr, keys := briefingServe(t, "alice")
	stops := d.Briefings[0].Stops
	n := len(stops)
	pres := openSSH(t, addr, "alice", keys[0], 140, 40)
	pres.shows(t, "presenting")
	fs := []*sshTerm{openSSH(t, addr, "bob", nil, 120, 40), openSSH(t, addr, "carol", nil, 100, 30)}
	for _, f := range fs {
		f.shows(t, "following alice")
	}
	pres.waitFor(t, "2 following: bob and carol", func() bool {
		return pres.screen.Contains("2 following: bob, carol") || pres.screen.Contains("2 following: carol, bob")
	})

	pres.keys(t, keyRight) // stop 1: the days view on 9 Oct
	pres.shows(t, "stop 1/"+fmt.Sprint(n)+" · "+stops[0].Title)
	pres.shows(t, firstNote(stops[0]))
	for _, f := range fs {
		f.shows(t, fmt.Sprintf("following alice · stop 1/%d", n))
		f.shows(t, "9 Oct")
	}

	// on to the first compare stop: followers show its topic
	k := 0
	for stops[k].View != "compare" {
		k++
	}
	topic, ok := d.Topic(stops[k].Topic)
	if !ok {
		t.Fatalf("stop %d names an unknown topic %q", k+1, stops[k].Topic)
	}
	pres.keys(t, strings.Repeat(keyRight, k))
	pres.shows(t, fmt.Sprintf("stop %d/%d · %s", k+1, n, stops[k].Title))
	pres.shows(t, firstNote(stops[k]))
	for _, f := range fs {
		f.shows(t, fmt.Sprintf("following alice · stop %d/%d", k+1, n))
		f.shows(t, topic.Title)
	}
	for _, f := range fs {
		for _, s := range stops {
			if s.Notes != "" && f.screen.Contains(firstNote(s)) {
				t.Fatalf("a follower sees presenter notes %q:\n%s", firstNote(s), f.screen)
			}
		}
	}

	// a follower that navigates stays put; the presenter steps back a stop
	ti, _ := d.TopicIndex(topic.ID)
	own := d.Topics[ti+1].Title
	fs[1].keys(t, "]")
	fs[1].shows(t, "browsing on your own")
	fs[1].shows(t, own)
	pres.keys(t, keyLeft)
	fs[0].shows(t, fmt.Sprintf("following alice · stop %d/%d", k, n))
	if !fs[1].screen.Contains(own) || !fs[1].screen.Contains("browsing on your own") {
		t.Fatalf("a detached follower was moved:\n%s", fs[1].screen)
	}
	fs[1].keys(t, "f")
	fs[1].shows(t, fmt.Sprintf("following alice · stop %d/%d", k, n))
}

// TestServeHandOffThroughTheReader: bert asks for control with r, alice
// hands it over with H, followers then follow bert's stops; when bert
// leaves, alice is told she may take control and takes it with r.
func TestServeHandOffThroughTheReader(t *testing.T) {
	d, addr, keys := briefingServe(t, "alice", "bert")
	stops := d.Briefings[0].Stops
	n := len(stops)
	alice := openSSH(t, addr, "alice", keys[0], 140, 40)
	alice.shows(t, "presenting")
	bert := openSSH(t, addr, "bert", keys[1], 140, 40)
	bert.shows(t, "alice presents · r asks for control")
	fay := openSSH(t, addr, "fay", nil, 120, 40)
	fay.shows(t, "following alice")

	alice.keys(t, keyRight)
	fay.shows(t, fmt.Sprintf("following alice · stop 1/%d", n))
	bert.shows(t, fmt.Sprintf("stop 1/%d · %s", n, stops[0].Title)) // a second presenter follows, notes and all
	bert.shows(t, firstNote(stops[0]))

	bert.keys(t, "r")
	bert.shows(t, "asked alice for control")
	alice.shows(t, "bert asks for control · H hands over")
	alice.keys(t, "H")
	bert.shows(t, "alice handed you control")
	fay.shows(t, "following bert")
	alice.shows(t, "bert presents · r asks for control")

	bert.keys(t, keyRight)
	fay.shows(t, fmt.Sprintf("following bert · stop 2/%d", n))
	alice.shows(t, fmt.Sprintf("stop 2/%d · %s", n, stops[1].Title))

	bert.keys(t, "q")
	alice.shows(t, "bert left; nobody is presenting, you may take control")
	alice.shows(t, "nobody presents · r to present")
	fay.shows(t, "bert left; you stay where you are")
	alice.keys(t, "r")
	alice.shows(t, "you are presenting")
	// alice followed bert to stop 2: she takes over there
	fay.shows(t, fmt.Sprintf("following alice · stop 2/%d", n))
	alice.keys(t, keyRight)
	fay.shows(t, fmt.Sprintf("following alice · stop 3/%d", n))
}
