package synth

import (
	"runtime"
	"testing"

	"github.com/dossier-dev/dossier/dossier"
)

// BenchmarkLoadSynthetic loads and checks generated dossiers of 1 MB and
// 10 MB. It reports the heap the loaded dossier holds (live-MB) beside the
// usual allocation figures, for the "memory ≤ 10x its size" target.
func BenchmarkLoadSynthetic(b *testing.B) {
	for _, c := range []struct {
		name string
		size int
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			if err := Generate(dir, c.size, 1); err != nil {
				b.Fatal(err)
			}
			var d *dossier.Dossier
			b.ResetTimer()
			for b.Loop() {
				var probs dossier.Problems
				var err error
				d, probs, err = dossier.LoadDir(dir)
				if err != nil || probs.HasErrors() {
					b.Fatal(err, probs.Err())
				}
			}
			b.StopTimer()
			var before, after runtime.MemStats
			d = nil
			runtime.GC()
			runtime.ReadMemStats(&before)
			d, _, _ = dossier.LoadDir(dir)
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MB")
			runtime.KeepAlive(d)
		})
	}
}
