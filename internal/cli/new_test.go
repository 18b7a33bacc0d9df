package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/dossier"
)

func TestNewThenCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "geneva")
	code, out, errOut := run(t, "new", dir, "--title", "The Geneva water talks", "--parties", "Upstream Republic,Downstream Federation")
	if code != 0 {
		t.Fatalf("new: code %d, %s", code, errOut)
	}
	if !strings.Contains(out, "topics/01-first-topic.md") || !strings.Contains(out, "dossier check "+dir) {
		t.Errorf("new printed %q", out)
	}
	code, out, errOut = run(t, "check", dir)
	if code != 0 || out != "" || !strings.Contains(errOut, "0 errors, 0 warnings") {
		t.Fatalf("check after new: code %d\n%s%s", code, out, errOut)
	}
	d, _, err := dossier.LoadDir(dir)
	if err != nil || d == nil {
		t.Fatal(err)
	}
	if d.Title != "The Geneva water talks" || d.Parties[0].ID != "upstream-republic" || d.Parties[1].ID != "downstream-federation" {
		t.Errorf("title %q parties %+v", d.Title, d.Parties)
	}
}

func TestNewDefaults(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-talks_2031")
	if code, _, errOut := run(t, "new", dir); code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	d, probs, err := dossier.LoadDir(dir)
	if err != nil || len(probs) != 0 {
		t.Fatalf("%v %v", err, probs)
	}
	if d.Title != "My talks 2031" || d.Parties[0].ID != "first-party" {
		t.Errorf("title %q, parties %+v", d.Title, d.Parties)
	}
}

func TestNewQuotedPartyWithComma(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	if code, _, errOut := run(t, "new", dir, "--parties", `"Korea, Republic of",Japan`); code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	d, probs, _ := dossier.LoadDir(dir)
	if len(probs) != 0 || d.Parties[0].Name != "Korea, Republic of" || d.Parties[0].ID != "korea-republic-of" {
		t.Errorf("%v %+v", probs, d.Parties)
	}
}

func TestNewRefuses(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "new", dir)
	if code != 1 || !strings.Contains(errOut, "not empty") {
		t.Errorf("non-empty folder: code %d, stderr %q", code, errOut)
	}
	code, _, errOut = run(t, "new", filepath.Join(t.TempDir(), "y"), "--parties", "Alone")
	if code != 1 || !strings.Contains(errOut, "at least two parties") {
		t.Errorf("one party: code %d, stderr %q", code, errOut)
	}
	if code, _, _ := run(t, "new"); code == 0 {
		t.Error("new without DIR succeeded")
	}
}
