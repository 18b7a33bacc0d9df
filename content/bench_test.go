package content

import (
	"testing"

	"github.com/dossier-dev/dossier/dossier"
)

// BenchmarkLoadEmbedded loads and checks the embedded dossier, as every
// start of the reader and of the server does before the first frame.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, probs := dossier.Load(Default())
		if d == nil || probs.HasErrors() {
			b.Fatal(probs.Err())
		}
	}
}

// BenchmarkSnapshot decodes the embedded dossier's snapshot and derives
// what Load derives (index, via dates, checks): what a start of the reader
// does instead of BenchmarkLoadEmbedded, when the snapshot is current.
func BenchmarkSnapshot(b *testing.B) {
	b.ReportAllocs()
	snap := Snapshot()
	if dossier.SnapshotKey(snap) != DefaultKey() {
		b.Skip("the snapshot is stale: go test ./content -run TestSnapshot -update")
	}
	for b.Loop() {
		if _, _, err := dossier.DecodeSnapshot(snap); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefaultKey hashes the embedded files, as every start does to
// know whether the snapshot is current.
func BenchmarkDefaultKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		DefaultKey()
	}
}
