package ui

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"weak"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/search"
)

// A reader shown a new version of its dossier in which one claim changed
// renders that one claim again, and no other: the render cache is keyed by
// what a claim shows, not by the *Dossier it came from.
func TestReloadRendersOneClaim(t *testing.T) {
	fsys := mapOf(t, os.DirFS("../docs/example/water-talks"))
	d := mustLoad(t, fsys)
	cache := render.NewCache()
	s := start(t, d, 100, 30, func(o *Options) { o.Cache = cache })
	f := s.waitFor("the first layout", func(f frame) bool { return f.lay != nil && f.lay.Dossier == d })
	lay := f.lay
	// every topic of the old version in the cache, so that a prefetch of
	// it still under way counts nothing below
	for i := range d.Topics {
		cache.Compare(d, &d.Topics[i], lay.Pair, lay.Width, lay.Style, lay.Method)
	}
	before := cache.Stats().ClaimMisses

	t0, _ := d.TopicIndex(lay.Topic)
	sec, ok := d.Topics[t0].Section(lay.Pair[0])
	if !ok || len(sec.Claims) == 0 {
		t.Fatalf("topic %s has no claim of %s", lay.Topic, lay.Pair[0])
	}
	cl := sec.Claims[0]
	file := string(fsys[cl.Pos.File].Data)
	words := firstWords(cl.Text)
	if !strings.Contains(file, words) {
		t.Fatalf("%s does not hold %q", cl.Pos.File, words)
	}
	fsys[cl.Pos.File] = &fstest.MapFile{Data: []byte(strings.Replace(file, words, "Edited: "+words, 1))}
	d2 := mustLoad(t, fsys)

	s.tm.Send(ReloadMsg{Dossier: d2})
	s.waitFor("the edited claim", func(f frame) bool {
		return f.lay != nil && f.lay.Dossier == d2 && strings.Contains(f.content, "Edited:")
	})
	// the new version's neighbours, as the reader prefetches them
	for i := range d2.Topics {
		cache.Compare(d2, &d2.Topics[i], lay.Pair, lay.Width, lay.Style, lay.Method)
	}
	if n := cache.Stats().ClaimMisses - before; n != 1 {
		t.Errorf("the reload rendered %d claims, want 1", n)
	}
}

// Nothing the readers derive from a dossier (its filtered versions, its
// search index, its renders) keeps it alive once no reader shows it: there
// is nothing to release by hand when a reload replaces it.
func TestOldVersionsAreCollected(t *testing.T) {
	fsys := mapOf(t, os.DirFS("../docs/example/water-talks"))
	d := mustLoad(t, fsys)
	cache := render.NewCache()
	sel := selected(d, dossier.Selection{Source: d.Sources[0].ID})
	if selected(d, dossier.Selection{Source: d.Sources[0].ID}) != sel {
		t.Fatal("a selection is not shared")
	}
	cache.Compare(sel, &sel.Topics[0], d.DefaultPair, 50, render.StyleDark, 0)
	cache.Compare(d, &d.Topics[0], d.DefaultPair, 50, render.StyleDark, 0)
	cache.Notes(d, &d.Briefings[0], 0, 50, render.StyleDark)
	if search.For(d) != search.For(d) {
		t.Fatal("a search index is not shared")
	}
	search.For(sel)
	wd, ws := weak.Make(d), weak.Make(sel)
	d, sel = nil, nil
	// the filtered version goes once the cleanup of its base has run
	for i := 0; i < 1000 && (wd.Value() != nil || ws.Value() != nil); i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if wd.Value() != nil || ws.Value() != nil {
		t.Fatalf("still alive: the dossier %v, its filtered version %v", wd.Value() != nil, ws.Value() != nil)
	}
	runtime.KeepAlive(cache)
}
