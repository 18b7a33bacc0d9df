package server

import (
	"testing"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/session"
)

// A session's reload mailbox keeps the latest version and the latest
// failure: a failure never hides a version not yet delivered, and a newer
// version drops a failure that came before it.
func TestReloadBox(t *testing.T) {
	d1, d2 := &dossier.Dossier{Title: "1"}, &dossier.Dossier{Title: "2"}
	fail := session.ReloadFailedMsg{Problems: dossier.Problems{{Msg: "bad"}}}
	for _, tc := range []struct {
		name string
		put  []any
		want []string
	}{
		{"version then failure", []any{session.ReloadMsg{Dossier: d1}, fail}, []string{"1", "failed"}},
		{"failure then version", []any{fail, session.ReloadMsg{Dossier: d1}}, []string{"1"}},
		{"two versions", []any{session.ReloadMsg{Dossier: d1}, session.ReloadMsg{Dossier: d2}}, []string{"2"}},
		{"version, failure, version", []any{session.ReloadMsg{Dossier: d1}, fail, session.ReloadMsg{Dossier: d2}}, []string{"2"}},
	} {
		b := newReloadBox()
		for _, m := range tc.put {
			b.put(m)
		}
		var got []string
		for _, m := range b.take() {
			switch m := m.(type) {
			case session.ReloadMsg:
				got = append(got, m.Dossier.Title)
			case session.ReloadFailedMsg:
				got = append(got, "failed")
			}
		}
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] || len(got) > 1 && got[1] != tc.want[1] {
			t.Errorf("%s: delivered %v, want %v", tc.name, got, tc.want)
		}
		if len(b.take()) != 0 {
			t.Errorf("%s: delivered twice", tc.name)
		}
	}
}

// Reloaded serves the new version to sessions that start later and sends
// it to those open, the latest only.
func TestReloadedServesTheLatestVersion(t *testing.T) {
	d1, d2, d3 := &dossier.Dossier{Title: "1"}, &dossier.Dossier{Title: "2"}, &dossier.Dossier{Title: "3"}
	s := &Server{dossier: d1}
	cur, box, leave := s.joinReloads()
	defer leave()
	if cur != d1 {
		t.Fatal("a session does not start on the current version")
	}
	s.ReloadFailed(dossier.Problems{{Msg: "bad"}})
	if next, late, leave2 := s.joinReloads(); next != d1 || len(late.take()) != 1 {
		t.Error("a session that starts after a failure is not told of it")
	} else {
		leave2()
	}
	s.Reloaded(d2)
	s.Reloaded(d3)
	got := box.take()
	if len(got) != 1 || got[0].(session.ReloadMsg).Dossier != d3 {
		t.Fatalf("the open session holds %v, want only the latest version", got)
	}
	if next, late, leave3 := s.joinReloads(); next != d3 || len(late.take()) != 0 {
		t.Error("a session that starts after the fix gets the old version or the banner")
	} else {
		leave3()
	}
}
