package watch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-dev/dossier/dossier"
)

// fingerprint sums what the loader can see of the folder: the names and
// kinds of the entries at the root and in its subfolders (names alone
// decide some warnings and errors), the targets of symbolic links, and the
// bytes of every Markdown file. Two equal fingerprints mean loading again
// would give the same dossier, so a save that changed nothing (or a touch,
// or an editor's temporary file that came and went) reloads nothing.
func fingerprint(dir string) string {
	h := sha256.New()
	sumDir(h, dir, "", 0)
	return hex.EncodeToString(h.Sum(nil))
}

// sumDir adds folder rel (below root) to h, down to maxDepth.
func sumDir(h hash.Hash, root, rel string, depth int) {
	entries, err := os.ReadDir(filepath.Join(root, rel))
	if err != nil {
		fmt.Fprintf(h, "error %q %v\n", rel, err)
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // the loader skips hidden names
		}
		p := filepath.Join(rel, name)
		fmt.Fprintf(h, "%q %v\n", p, e.Type())
		full := filepath.Join(root, p)
		switch {
		case e.Type()&os.ModeSymlink != 0:
			t, _ := os.Readlink(full)
			fmt.Fprintf(h, "-> %q\n", t)
			// what it points to may be read too; only a regular file is
			// opened (a named pipe would block)
			if fi, err := os.Stat(full); err == nil && fi.Mode().IsRegular() && strings.HasSuffix(name, ".md") {
				sumFile(h, full)
			}
		case e.IsDir():
			if depth < maxDepth {
				sumDir(h, root, p, depth+1)
			}
		case e.Type().IsRegular() && strings.HasSuffix(name, ".md"):
			sumFile(h, full)
		}
	}
}

// sumFile adds a file's bytes to h, at most one byte past the loader's
// limit (beyond it the loader refuses the file whatever it holds).
func sumFile(h hash.Hash, path string) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(h, "error %v\n", err)
		return
	}
	defer f.Close()
	n, err := io.Copy(h, io.LimitReader(f, dossier.MaxFileSize+1))
	fmt.Fprintf(h, "\n%d bytes %v\n", n, err)
}
