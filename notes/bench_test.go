package notes

import (
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// BenchmarkOpen is what opening the reader costs the notes on the embedded
// dossier: what is new since a reading, and placing a book of notes.
func BenchmarkOpen(b *testing.B) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		b.Fatal(probs.Err())
	}
	seen := SeenOf(d, day1)
	book := &Book{}
	for i, r := range Claims(d) {
		if i%10 == 0 {
			book.SetNote(Anchor{Kind: KindClaim, ID: r.Claim.ID, FP: Fingerprint(r.Claim.Text)}, r.Claim.Text, "a note", day1)
		}
	}
	b.ReportMetric(float64(len(seen.Claims)), "claims")
	b.ResetTimer()
	for b.Loop() {
		seen.Fresh(d)
		Locate(book, d)
	}
}
