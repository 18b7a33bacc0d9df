package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// readerWithNotes is the real reader, with the session's notes.
func readerWithNotes(t *testing.T) Factory {
	cache := render.NewCache()
	return func(s Session) tea.Model {
		return ui.New(ui.Options{Dossier: s.Dossier, Cache: cache, Style: render.StyleNoTTY, Width: s.Width, Height: s.Height,
			Role: s.Role, Presence: s.Presence, Notes: s.Notes})
	}
}

func exampleDossier(t *testing.T) *dossier.Dossier {
	t.Helper()
	d, probs, err := dossier.LoadDir("../docs/example/water-talks")
	if err != nil || d == nil {
		t.Fatalf("load: %v %v", err, probs)
	}
	return d
}

// Over SSH each key has notes of its own: alice's note is hers, bob sees
// none of it; nothing is kept for an anonymous user under --open.
func TestNotesPerKeyOverSSH(t *testing.T) {
	dir := t.TempDir()
	alice, aliceLine := newKey(t, "alice")
	bob, bobLine := newKey(t, "bob")
	keys := writeFile(t, dir, "authorized_keys", aliceLine, bobLine)
	notesDir := filepath.Join(dir, "state")
	srv := startServerOn(t, Config{AuthorizedKeys: keys, NotesDir: notesDir}, exampleDossier(t), readerWithNotes(t))

	session := func(user string, auth ...gossh.AuthMethod) *term {
		tm := openTerm(t, mustDial(t, srv.addr, user, auth...), 120, 40)
		tm.waitScreen(t, "Upstream · Dry-season flows")
		return tm
	}
	a := session("alice", gossh.PublicKeys(alice))
	a.keys(t, "n")
	a.waitScreen(t, "Note on claim flows/up/1")
	a.keys(t, "alice's private doubt")
	a.keys(t, "\x13") // ctrl+s
	a.waitScreen(t, "note saved on claim flows/up/1")
	a.keys(t, "q")
	a.waitExit(t)

	b := session("bob", gossh.PublicKeys(bob))
	b.keys(t, "'")
	b.waitScreen(t, "No bookmarks or notes yet")
	if b.screen.Contains("✎") || b.screen.Contains("private doubt") {
		t.Errorf("bob sees alice's note:\n%s", b.screen)
	}
	b.keys(t, "'") // ' closes the list as it opened it (esc then q would read as alt+q)
	waitFor(t, "the list to close", func() bool { return !b.screen.Contains("No bookmarks or notes yet") })
	b.keys(t, "q")
	b.waitExit(t)

	a = session("alice", gossh.PublicKeys(alice))
	a.waitScreen(t, "✎")
	a.keys(t, "'")
	a.waitScreen(t, "alice's private doubt")
	a.keys(t, "'")
	waitFor(t, "the list to close", func() bool { return !a.screen.Contains("private doubt") })
	a.keys(t, "q")
	a.waitExit(t)

	// under --open the client authenticates with no key: nothing is kept
	open := startServerOn(t, Config{Open: true, NotesDir: notesDir}, exampleDossier(t), readerWithNotes(t))
	anon := openTerm(t, mustDial(t, open.addr, "guest"), 120, 40)
	anon.waitScreen(t, "Upstream · Dry-season flows")
	anon.keys(t, "n")
	anon.waitScreen(t, "notes are off in this session")
	anon.keys(t, "q")
	anon.waitExit(t)

	users, err := os.ReadDir(filepath.Join(notesDir, "users"))
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 2 {
		t.Errorf("user folders = %v, want alice's and bob's only (nothing for the anonymous guest)", users)
	}
	aliceNotes := filepath.Join(notesDir, "users", userDir(Fingerprint(alice.PublicKey())), "geneva-water-2031", "notes.md")
	got, err := os.ReadFile(aliceNotes)
	if err != nil || !strings.Contains(string(got), "alice's private doubt") {
		t.Errorf("alice's notes file %s: %q, %v", aliceNotes, got, err)
	}
	bobNotes := filepath.Join(notesDir, "users", userDir(Fingerprint(bob.PublicKey())), "geneva-water-2031", "notes.md")
	if _, err := os.Stat(bobNotes); err == nil {
		t.Errorf("bob has a notes file though he wrote nothing")
	}
}

// serve --no-notes keeps nothing for anyone; a note over the per-user
// limit is refused with a message, and the file keeps what it had.
func TestNotesOffAndLimit(t *testing.T) {
	dir := t.TempDir()
	alice, aliceLine := newKey(t, "alice")
	keys := writeFile(t, dir, "authorized_keys", aliceLine)

	off := startServerOn(t, Config{AuthorizedKeys: keys, NoNotes: true, NotesDir: filepath.Join(dir, "off")}, exampleDossier(t), readerWithNotes(t))
	a := openTerm(t, mustDial(t, off.addr, "alice", gossh.PublicKeys(alice)), 120, 40)
	a.waitScreen(t, "Upstream · Dry-season flows")
	a.keys(t, "m")
	a.waitScreen(t, "notes are off in this session")
	a.keys(t, "q")
	a.waitExit(t)
	if _, err := os.Stat(filepath.Join(dir, "off")); err == nil {
		t.Error("--no-notes stored something")
	}

	small := startServerOn(t, Config{AuthorizedKeys: keys, NotesDir: filepath.Join(dir, "small"), NotesLimit: 900}, exampleDossier(t), readerWithNotes(t))
	a = openTerm(t, mustDial(t, small.addr, "alice", gossh.PublicKeys(alice)), 120, 40)
	a.waitScreen(t, "Upstream · Dry-season flows")
	a.keys(t, "m")
	a.waitScreen(t, "bookmarked claim flows/up/1")
	a.keys(t, "n")
	a.waitScreen(t, "Note on claim")
	a.keys(t, strings.Repeat("x", 500))
	a.keys(t, "\x13")
	a.waitScreen(t, "over the size limit")
	a.keys(t, "q")
	a.waitExit(t)
}

// A presenter's notes never reach followers: the follower shows the
// presenter's claim without the presenter's marks or text.
func TestPresenterNotesStayWithThePresenter(t *testing.T) {
	dir := t.TempDir()
	alice, aliceLine := newKey(t, "alice")
	bob, bobLine := newKey(t, "bob")
	cfg := Config{AuthorizedKeys: writeFile(t, dir, "authorized_keys", bobLine),
		Presenters: writeFile(t, dir, "presenters", aliceLine), NotesDir: filepath.Join(dir, "state")}
	srv := startServerOn(t, cfg, exampleDossier(t), readerWithNotes(t))
	pres := openTerm(t, mustDial(t, srv.addr, "alice", gossh.PublicKeys(alice)), 120, 40)
	pres.waitScreen(t, "Upstream · Dry-season flows")
	fol := openTerm(t, mustDial(t, srv.addr, "bob", gossh.PublicKeys(bob)), 120, 40)
	fol.waitScreen(t, "following alice")
	pres.keys(t, "m")
	pres.waitScreen(t, "bookmarked claim flows/up/1")
	pres.keys(t, "n")
	pres.waitScreen(t, "Note on claim")
	pres.keys(t, "for my eyes only")
	pres.keys(t, "\x13")
	pres.waitScreen(t, "note saved on claim flows/up/1")
	pres.keys(t, "]") // a move the follower follows, after the note
	pres.waitScreen(t, "topic 2/2")
	fol.waitScreen(t, "topic 2/2")
	pres.keys(t, "[")
	pres.waitScreen(t, "★ ✎")
	fol.waitScreen(t, "topic 1/2")
	for _, s := range []string{"★", "✎", "for my eyes only"} {
		if fol.screen.Contains(s) {
			t.Errorf("the follower sees %q of the presenter's notes:\n%s", s, fol.screen)
		}
	}
	if raw := fol.raw.String(); strings.Contains(raw, "for my eyes only") {
		t.Error("the presenter's note was sent to the follower")
	}
}
