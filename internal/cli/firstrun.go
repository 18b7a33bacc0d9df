package cli

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The reader opens a dossier read for the first time on its overview, with
// a one-line hint that the legend exists; later it opens on compare. The
// dossiers already opened are listed, one a line, in a small file under
// $XDG_STATE_HOME (else ~/.local/state): the built-in one as "built-in",
// the others by absolute path; a line "*" counts every dossier as opened
// (no overview unless asked for). A file that cannot be read or written
// only means the overview is shown again.

// openedPath is the file listing the dossiers opened before.
func openedPath() string {
	if x := os.Getenv("XDG_STATE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "dossier", "opened")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".local", "state", "dossier", "opened")
}

// dossierKey names a dossier in the opened file.
func dossierKey(args []string) string {
	if len(args) == 0 || args[0] == "" {
		return "built-in"
	}
	if abs, err := filepath.Abs(args[0]); err == nil {
		return abs
	}
	return args[0]
}

// firstOpen reports whether the dossier was never opened before, and
// records that it now has been.
func firstOpen(args []string) bool {
	path := openedPath()
	if path == "" {
		return false
	}
	key := strings.ReplaceAll(dossierKey(args), "\n", " ")
	var seen []string
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() && len(seen) < 1000 {
			seen = append(seen, sc.Text())
		}
		f.Close()
	}
	if slices.Contains(seen, key) || slices.Contains(seen, "*") {
		return false
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err == nil {
		if f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600); err == nil {
			f.WriteString(key + "\n")
			f.Close()
		}
	}
	return true
}
