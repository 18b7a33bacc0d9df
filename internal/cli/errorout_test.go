package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestErrorsKeepTheirCase: fang's error style title-cased the first word
// of a message (--Accounts, …/Dossier/Config.Yaml, Geneva-2031); the
// messages now reach the user as written.
func TestErrorsKeepTheirCase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "geneva-2031")
	cfg := filepath.Join(t.TempDir(), "dossier", "config.yaml")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"print", "--accounts", "x"}, "--accounts "},
		{[]string{"config", "--init", "--config", cfg}, cfg + " already exists"},
		{[]string{"new", dir, "--title", "T", "--parties", "A,B"}, dir + " is not empty"},
		{[]string{"export", "--format", "pdf"}, "(use html or md)"},
	} {
		if tc.args[0] == "config" || tc.args[0] == "new" {
			run(t, tc.args...) // the first time makes the file or the folder
		}
		code, _, errOut := run(t, tc.args...)
		if code == 0 || !strings.HasPrefix(strings.TrimSpace(errOut), strings.TrimSpace(tc.want)) && !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stderr %q; want %q as written", tc.args, code, errOut, tc.want)
		}
	}
}

// TestWrapAtSpaces: an error message wraps at spaces only, so a flag name
// (--authorized-keys) or a path is never cut.
func TestWrapAtSpaces(t *testing.T) {
	msg := "nobody could log in: give --authorized-keys FILE (OpenSSH authorized_keys format) and/or --presenters FILE, or --open to let anyone in without a key"
	for _, w := range []int{20, 37, 56, 80} {
		got := wrapAtSpaces(msg, w)
		if strings.Join(strings.Fields(got), " ") != msg {
			t.Errorf("width %d: words changed:\n%s", w, got)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > w && strings.Contains(l, " ") {
				t.Errorf("width %d: line of %d cells: %q", w, ansi.StringWidth(l), l)
			}
		}
	}
}
