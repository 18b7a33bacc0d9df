package dossier

// Generated inputs at the limits (bench/bigdossier): what they cost is in
// docs/hardening.md. The tests check memory and results, never time (the
// benchmarks measure it); the big ones run with DOSSIER_SOAK=1.

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-dev/dossier/bench/bigdossier"
	"github.com/dossier-dev/dossier/internal/testkit"
)

// genFS is a generated dossier as a file system.
func genFS(f bigdossier.Files) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range f {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

// peakHeap loads f and returns the load's problems and the highest live
// heap seen while it ran, sampled every millisecond, above the heap before.
func peakHeap(t testing.TB, f bigdossier.Files) (Problems, uint64) {
	t.Helper()
	fsys := genFS(f)
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if v := read(); v > peak {
				peak = v
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	_, probs := Load(fsys)
	close(done)
	wg.Wait()
	if peak < base {
		return probs, 0
	}
	return probs, peak - base
}

// the peak may be this many times the dossier's size (docs/format.md)
const memoryFactor = 20

func checkPeak(t *testing.T, name string, f bigdossier.Files) {
	t.Helper()
	probs, peak := peakHeap(t, f)
	if probs.HasErrors() {
		t.Fatalf("%s: %v", name, probs.Errors()[:1])
	}
	size := uint64(f.Size())
	t.Logf("%s: %d KiB, peak heap %d KiB (%.1fx)", name, size>>10, peak>>10, float64(peak)/float64(size))
	if peak > memoryFactor*size {
		t.Errorf("%s: peak heap %d MiB for %d MiB of dossier (limit %dx)", name, peak>>20, size>>20, memoryFactor)
	}
}

func TestLargeFrontMatterMemory(t *testing.T) {
	checkPeak(t, "1 MiB of front matter", bigdossier.FrontMatter(1<<20))
	if !testkit.Soaking() {
		t.Log("the 8 MiB and 40 MiB inputs run with DOSSIER_SOAK=1")
		return
	}
	if testkit.Race {
		// the race detector multiplies the time by ten or more (500 s on a
		// busy 2-core machine) and changes what is allocated: a peak heap
		// measured under it means nothing. .ci/run runs this package
		// again without it.
		t.Log("the 8 MiB and 40 MiB inputs run without -race")
		return
	}
	checkPeak(t, "8 MiB of front matter", bigdossier.FrontMatter(MaxFileSize-4096))
	checkPeak(t, "40 MiB dossier", bigdossier.Total(40<<20))
}

func TestViaChain(t *testing.T) {
	n := 2000
	if testkit.Soaking() {
		n = 20000
	}
	d, probs := Load(genFS(bigdossier.ViaChain(n)))
	if d == nil || len(probs) != 0 {
		t.Fatalf("%d problems: %v", len(probs), problemStrings(probs))
	}
	if got := d.SourceDate("s0").Format(time.DateOnly); got != "2031-03-02" {
		t.Fatalf("s0's date through %d vias: %s", n-1, got)
	}
}

func TestViaLoops(t *testing.T) {
	f := bigdossier.ViaChain(10)
	// s9 via s5: s5…s9 loop; s0…s4 lead into the loop but are not in it
	f["sources.md"] = f["sources.md"][:len(f["sources.md"])-len("    date: 2031-03-02\n---\n")] + "    via: s5\n---\n"
	_, probs := Load(genFS(f))
	var loops []string
	for _, p := range probs {
		if p.Severity == SeverityError {
			loops = append(loops, p.Msg)
		}
	}
	if len(loops) != 5 || loops[0] != "via chain of source 's5' loops back to it" {
		t.Fatalf("%d errors: %v", len(loops), loops)
	}
}

func TestSummaryCountsProblemsNotListed(t *testing.T) {
	_, probs := Load(genFS(bigdossier.Unused(3000)))
	errs, warns := probs.Count()
	if errs != 0 || warns != 2999 || len(probs) != maxProblems+1 {
		t.Fatalf("count %d errors, %d warnings of %d problems listed", errs, warns, len(probs))
	}
}

func benchLoad(b *testing.B, f bigdossier.Files) {
	fsys := genFS(f)
	b.SetBytes(int64(f.Size()))
	b.ReportAllocs()
	for b.Loop() {
		Load(fsys)
	}
}

func BenchmarkLoadFrontMatter8MiB(b *testing.B) {
	benchLoad(b, bigdossier.FrontMatter(MaxFileSize-4096))
}
func BenchmarkLoadTotal40MiB(b *testing.B)    { benchLoad(b, bigdossier.Total(40<<20)) }
func BenchmarkLoadViaChain20000(b *testing.B) { benchLoad(b, bigdossier.ViaChain(20000)) }

// One benchmark per validation pass, at 2,000 and 20,000 elements: ten
// times the input should cost about ten times the time.
func BenchmarkPass(b *testing.B) {
	for _, p := range []struct {
		name string
		gen  func(int) bigdossier.Files
	}{
		{"resolveRefs", bigdossier.UnknownRefs},
		{"checkVia", bigdossier.ViaChain},
		{"checkDays", bigdossier.Days},
		{"checkAlignment+checkKeyOrder", bigdossier.Alignment},
		{"checkUse", bigdossier.Unused},
		{"checkAnachronisms", bigdossier.Anachronisms},
		{"checkLookAlikes", bigdossier.LookAlikes},
	} {
		for _, n := range []int{2000, 20000} {
			b.Run(p.name+"/"+itoa(n), func(b *testing.B) { benchLoad(b, p.gen(n)) })
		}
	}
}

func itoa(n int) string {
	if n >= 1000 {
		return itoa(n/1000) + "k"
	}
	return string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

// A long list in large front matter that a decoder reads whole (not one
// item at a time) still has every item.
func TestLargeFrontMatterListReadWhole(t *testing.T) {
	f := bigdossier.Base()
	var b strings.Builder
	b.WriteString("---\nid: big\ntitle: Many parties\nparties:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  - id: p%d\n    name: Party number %d\n", i, i)
	}
	b.WriteString("  - {id: up, name: Upstream}\n  - {id: down, name: Downstream}\n")
	b.WriteString("accounts:\n  - {id: up, name: Upstream, party: up}\n  - {id: down, name: Downstream, party: down}\n---\n")
	if b.Len() <= chunkedAbove {
		t.Fatalf("only %d bytes: not read in pieces", b.Len())
	}
	f["dossier.md"] = b.String()
	d, probs := Load(genFS(f))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	if len(d.Parties) != 3002 {
		t.Fatalf("%d parties, want 3002", len(d.Parties))
	}
}

// Large front matter that cannot be cut into pieces is refused, saying how
// to write it, rather than parsed whole.
func TestLargeFrontMatterNotBlockStyle(t *testing.T) {
	var flow strings.Builder
	flow.WriteString("---\nsources: [")
	for i := range 2000 {
		fmt.Fprintf(&flow, "{id: s%d, outlet: Outlet %d, reliability: C}, ", i, i)
	}
	flow.WriteString("]\n---\n")
	_, probs := Load(mapFS(map[string]string{"sources.md": flow.String()}))
	got := strings.Join(problemStrings(probs), "\n")
	if !strings.Contains(got, "sources.md:2:1: error: the front matter is over 64 KiB and this field is too long to read unless it is a list; write it in block style") {
		t.Errorf("got:\n%s", got)
	}
}

// ClaimsSupported from the counts computed once agrees with the count
// one source at a time, on a dossier with via chains, a tree and claims
// citing several sources of one chain.
func TestClaimsSupportedCounts(t *testing.T) {
	f := bigdossier.ViaChain(30)
	// s31 and s32 are known through s5; claims cite pairs in one chain
	f["sources.md"] = strings.TrimSuffix(f["sources.md"], "---\n") +
		"  - {id: s31, outlet: O, via: s5, reliability: C}\n  - {id: s32, outlet: O, via: s5, reliability: C}\n---\n"
	f["topics/03-pairs.md"] = "---\nid: pairs\ntitle: Pairs\n---\n\n## Upstream\n\n" +
		"- A. [@s31; @s32]\n- B. [@s2; @s7]\n- C. [@s31; @s1]\n- D. [@s0; @s0]\n- E. [@s29]\n"
	d, probs := Load(genFS(f))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	slow := *d
	slow.support = nil // the count one source at a time
	for _, s := range d.Sources {
		if got, want := d.ClaimsSupported(s.ID), slow.ClaimsSupported(s.ID); got != want {
			t.Errorf("%s supports %d claims, want %d", s.ID, got, want)
		}
	}
}
