package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostile is a value from the command line with an OSC 52 clipboard write,
// a C1 CSI, BEL, DEL and a right-to-left override.
const hostile = "x\x1b]52;c;SU5K\x07\u009b2J\x7f\u202eevil"

// noControls fails when out holds a character the one sanitiser removes.
func noControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x202e {
			t.Errorf("%s holds %U: %q", what, r, out)
			return
		}
	}
}

func TestCommandLineValuesSanitised(t *testing.T) {
	dir := filepath.Join(t.TempDir(), hostile)
	// -o into a folder that does not exist: the error quotes the path
	code, _, errOut := run(t, "export", "-o", filepath.Join(dir, "brief.html"))
	if code == 0 {
		t.Fatal("export into a missing folder succeeded")
	}
	noControls(t, "export -o error", errOut)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = run(t, "export", "-o", filepath.Join(dir, "brief.html"))
	if code != 0 || !strings.Contains(errOut, "wrote ") {
		t.Fatalf("export -o: code %d, %q", code, errOut)
	}
	noControls(t, "export -o", errOut)
	for _, args := range [][]string{
		{"export", "--briefing", hostile},
		{"print", "--view", hostile},
		{"check", dir},
		{"outline", dir},
		{"--" + hostile},
	} {
		_, stdout, errOut := run(t, args...)
		noControls(t, strings.Join(args[:1], " ")+" stderr", errOut)
		noControls(t, strings.Join(args[:1], " ")+" stdout", stdout)
	}
}
