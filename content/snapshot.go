package content

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"sort"

	_ "embed"
)

// snapshotData is the default dossier, loaded and checked when the snapshot
// was made, in the compact form of dossier.EncodeSnapshot (decoding it is a
// fraction of the cost of a load, most of a start's work). Remake it after
// changing the dossier or the model:
//
//	go test ./content -run TestSnapshot -update
//
//go:embed snapshot/istanbul-2025.snap
var snapshotData []byte

// Snapshot returns the default dossier as it was when the snapshot was
// made: loaded, checked and encoded by dossier.EncodeSnapshot under
// DefaultKey() of the files it was made from. The caller decodes it only
// when that key is still DefaultKey() (dossier.SnapshotKey), so a snapshot
// the files have moved on from is never used.
func Snapshot() []byte { return snapshotData }

// DefaultKey is a hash of the default dossier's files, names and contents:
// the key of a snapshot made from them.
func DefaultKey() string {
	fsys := Default()
	var names []string
	_ = fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	buf := make([]byte, 16<<10)
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return ""
		}
		h.Write([]byte(n))
		h.Write([]byte{0})
		_, err = io.CopyBuffer(h, f, buf)
		f.Close()
		if err != nil {
			return ""
		}
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
