package dossier_test

import (
	"os"
	"testing"

	"github.com/dossier-dev/dossier/bench/synth"
	"github.com/dossier-dev/dossier/dossier"
)

// BenchmarkLoadSerialParallel loads the embedded dossier and a generated
// 10 MB one with the preparser off (serial) and on (parallel), so that the
// lever is measured in one binary: go test -bench LoadSerialParallel
// -count 10 ./dossier | benchstat -col /mode -.
func BenchmarkLoadSerialParallel(b *testing.B) {
	big := b.TempDir()
	if err := synth.Generate(big, 10<<20, 1); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, dir string }{{"embedded", "../content/istanbul-2025"}, {"10MB", big}} {
		for _, mode := range []string{"serial", "parallel"} {
			b.Run(c.name+"/mode="+mode, func(b *testing.B) {
				defer dossier.SetSerialLoad(mode == "serial")()
				fsys := os.DirFS(c.dir)
				b.ReportAllocs()
				for b.Loop() {
					if d, probs := dossier.Load(fsys); d == nil {
						b.Fatal(probs.Err())
					}
				}
			})
		}
	}
}
