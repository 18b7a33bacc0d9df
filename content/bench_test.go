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
