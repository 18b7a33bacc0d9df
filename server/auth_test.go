package server

import (
	"os"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestAllowedKeyGetsReader(t *testing.T) {
	dir := t.TempDir()
	carol, line := newKey(t, "carol")
	ts := startServer(t, Config{AuthorizedKeys: writeFile(t, dir, "keys", "# team", "", line)}, nil)
	c := mustDial(t, ts.addr, "carol-login", gossh.PublicKeys(carol))
	tm := openTerm(t, c, 100, 30)
	tm.waitScreen(t, "FAKE READER")
	tm.waitScreen(t, "user=carol role=alone")
	tm.waitScreen(t, "size=100x30.")
	fp := Fingerprint(carol.PublicKey())
	waitFor(t, "connect log", func() bool {
		l := ts.logs.String()
		return strings.Contains(l, "connect") && strings.Contains(l, fp) && strings.Contains(l, "width=100")
	})
	tm.keys(t, "q")
	tm.waitExit(t)
	waitFor(t, "disconnect log", func() bool { return strings.Contains(ts.logs.String(), "disconnect") })
	if !strings.Contains(ts.logs.String(), "reason=quit") {
		t.Fatalf("disconnect log lacks the reason:\n%s", ts.logs)
	}
}

func TestRefusedLogins(t *testing.T) {
	dir := t.TempDir()
	_, line := newKey(t, "carol")
	stranger, _ := newKey(t, "stranger")
	ts := startServer(t, Config{AuthorizedKeys: writeFile(t, dir, "keys", line)}, nil)
	cases := map[string][]gossh.AuthMethod{
		"unknown key": {gossh.PublicKeys(stranger)},
		"password":    {gossh.Password("hunter2")},
		"keyboard-interactive": {gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			return nil, nil
		})},
		"no key": nil,
	}
	for name, auth := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := dial(ts.addr, "mallory", auth...)
			if err == nil {
				_ = c.Close()
				t.Fatal("logged in")
			}
			if !strings.Contains(err.Error(), "unable to authenticate") {
				t.Fatalf("unexpected error: %v", err)
			}
		})
	}
	want := "refused user=mallory name=mallory remote-addr="
	waitFor(t, "refusal logs", func() bool { return strings.Count(ts.logs.String(), want) == len(cases) })
	if !strings.Contains(ts.logs.String(), `reason="authentication failed" methods=none,publickey key=`+Fingerprint(stranger.PublicKey())) {
		t.Fatalf("the refused key is not logged:\n%s", ts.logs)
	}
}

func TestOpenLetsKeylessIn(t *testing.T) {
	ts := startServer(t, Config{Open: true}, nil)
	c := mustDial(t, ts.addr, "guest\x1b[31m")
	tm := openTerm(t, c, 80, 24)
	tm.waitScreen(t, "user=guest[31m role=alone")
	waitFor(t, "open warning", func() bool { return strings.Contains(ts.logs.String(), "--open") })
	if strings.Contains(ts.logs.String(), "\x1b[31m") {
		t.Fatalf("a client's escape sequence reached the log:\n%q", ts.logs)
	}
}

// The session's identity is the key that completed authentication, read
// from the connection's permissions, not the first key the client offered.
// (x/crypto's client cannot offer a key and then not sign with it, so the
// "offered, accepted as a candidate, never signed" case is covered by
// charm.land/ssh taking the key from the verified permissions; see
// identify.)
func TestSessionUsesTheKeyThatSigned(t *testing.T) {
	dir := t.TempDir()
	_, aliceLine := newKey(t, "alice")
	bob, bobLine := newKey(t, "bob")
	stranger, _ := newKey(t, "stranger")
	ts := startServer(t, Config{
		AuthorizedKeys: writeFile(t, dir, "keys", bobLine),
		Presenters:     writeFile(t, dir, "presenters", aliceLine),
	}, nil)
	c := mustDial(t, ts.addr, "x", gossh.PublicKeys(stranger, bob))
	tm := openTerm(t, c, 80, 24)
	tm.waitScreen(t, "user=bob role=follower")
	if !strings.Contains(ts.logs.String(), Fingerprint(bob.PublicKey())) {
		t.Fatalf("log does not name bob's key:\n%s", ts.logs)
	}
}

func TestOpenPresenterNameNeedsKey(t *testing.T) {
	dir := t.TempDir()
	alice, aliceLine := newKey(t, "alice")
	other, _ := newKey(t, "other")
	ts := startServer(t, Config{Open: true, Presenters: writeFile(t, dir, "presenters", aliceLine)}, nil)
	if c, err := dial(ts.addr, "alice"); err == nil {
		_ = c.Close()
		t.Fatal("a keyless client logged in under a presenter's name")
	}
	if c, err := dial(ts.addr, "alice", gossh.PublicKeys(other)); err == nil {
		_ = c.Close()
		t.Fatal("a stranger's key logged in under a presenter's name")
	}
	// names that look like alice's are alice's
	for _, name := range []string{"alice ", "\u0430lice", "ali\u200bce", "ALICE", "ａｌｉｃｅ", "\u202ealice"} {
		if c, err := dial(ts.addr, name); err == nil {
			_ = c.Close()
			t.Fatalf("a keyless client logged in as %q, which looks like a presenter's name", name)
		}
	}
	tm := openTerm(t, mustDial(t, ts.addr, "alice", gossh.PublicKeys(alice)), 80, 24)
	tm.waitScreen(t, "user=alice role=presenter")
	guest := openTerm(t, mustDial(t, ts.addr, "bob"), 80, 24)
	guest.waitScreen(t, "user=bob role=follower")
	// a follower's name is shown trimmed, without invisible characters
	spaced := openTerm(t, mustDial(t, ts.addr, " c\u200barol "), 80, 24)
	spaced.waitScreen(t, "user=carol role=follower")
}

func TestReloadRevokesKeys(t *testing.T) {
	dir := t.TempDir()
	carol, line := newKey(t, "carol")
	keys := writeFile(t, dir, "keys", line)
	ts := startServer(t, Config{AuthorizedKeys: keys}, nil)
	c := mustDial(t, ts.addr, "carol", gossh.PublicKeys(carol))
	openTerm(t, c, 80, 24).waitScreen(t, "role=alone")

	_, other := newKey(t, "dave")
	writeFile(t, dir, "keys", other)
	if err := ts.Reload(); err != nil {
		t.Fatal(err)
	}
	// The connection that is already logged in may open no new session.
	tm := openTerm(t, c, 80, 24)
	_, stderr := tm.waitExit(t)
	if !strings.Contains(stderr, msgNotAllowed) {
		t.Fatalf("stderr = %q, want %q", stderr, msgNotAllowed)
	}
	if _, err := dial(ts.addr, "carol", gossh.PublicKeys(carol)); err == nil {
		t.Fatal("a revoked key logged in")
	}
	// A broken file keeps the keys in force.
	writeFile(t, dir, "keys", "not a key")
	if err := ts.Reload(); err == nil || !strings.Contains(err.Error(), "keys:1:") {
		t.Fatalf("reload of a broken file: %v, want an error naming keys:1", err)
	}
}

func TestStartRefusals(t *testing.T) {
	dir := t.TempDir()
	_, line := newKey(t, "k")
	keys := writeFile(t, dir, "keys", line)
	host := dir + "/host"
	cases := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no keys on loopback", Config{Listen: "127.0.0.1:0"}, "nobody could log in"},
		{"no keys beyond loopback", Config{Listen: "0.0.0.0:0"}, "reachable from other machines"},
		{"no keys on all interfaces", Config{Listen: ":2222"}, "reachable from other machines"},
		{"bad key file", Config{AuthorizedKeys: writeFile(t, dir, "bad", "", "ssh-ed25519 AAAA!!")}, "bad:2:"},
		{"unenforced option", Config{AuthorizedKeys: writeFile(t, dir, "opts", "restrict,no-agent-forwarding "+line, `from="10.0.0.1" `+line)}, `opts:2: option "from=\"10.0.0.1\""`},
		{"no-pty", Config{Presenters: writeFile(t, dir, "nopty", "restrict,no-pty "+line)}, `nopty:1: option "no-pty" cannot be honoured: the reader needs a terminal`},
		{"unknown briefing without presenters", Config{Open: true, Briefing: "nope"}, `no briefing "nope"`},
		{"missing key file", Config{AuthorizedKeys: dir + "/nope"}, "nope"},
		{"unknown briefing", Config{Presenters: keys, Briefing: "nope"}, `no briefing "nope"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.cfg.HostKey = host
			_, err := New(c.cfg, testDossier(), newFakeReader)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("New: %v, want an error containing %q", err, c.want)
			}
		})
	}
	// --open beyond loopback is allowed (with a warning at Serve).
	if _, err := New(Config{Listen: "0.0.0.0:0", Open: true, HostKey: host}, testDossier(), newFakeReader); err != nil {
		t.Fatal(err)
	}
}

func TestHostKeyCreatedOnce(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	p, err := DefaultHostKeyPath()
	if err != nil || p != dir+"/dossier/host_ed25519" {
		t.Fatalf("DefaultHostKeyPath = %q, %v", p, err)
	}
	s1, err := New(Config{Open: true}, testDossier(), newFakeReader)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key %v mode %v", err, fi.Mode())
	}
	s2, err := New(Config{Open: true}, testDossier(), newFakeReader)
	if err != nil {
		t.Fatal(err)
	}
	if s1.Fingerprint() != s2.Fingerprint() || !strings.HasPrefix(s1.Fingerprint(), "SHA256:") {
		t.Fatalf("fingerprints %q and %q", s1.Fingerprint(), s2.Fingerprint())
	}
	if err := os.Chmod(p, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{Open: true}, testDossier(), newFakeReader); err == nil || !strings.Contains(err.Error(), "too open") {
		t.Fatalf("a world-readable host key was accepted: %v", err)
	}
}

func TestHostKeyDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := dir + "/host"
	if err := os.Symlink(dir+"/gone/key", link); err != nil {
		t.Fatal(err)
	}
	_, err := New(Config{Open: true, HostKey: link}, testDossier(), newFakeReader)
	if err == nil || !strings.Contains(err.Error(), "is a symbolic link to "+dir+"/gone/key, which does not exist") {
		t.Fatalf("New: %v", err)
	}
}
