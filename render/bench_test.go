package render

import (
	"strconv"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// BenchmarkTopic renders the embedded dossier's longest topic for two
// panes at a terminal width of 80, 120 and 200 columns: cold (a new cache,
// glamour renders every claim) and cached (the layout is looked up).
func BenchmarkTopic(b *testing.B) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		b.Fatal(probs.Err())
	}
	t, lines := &d.Topics[0], 0
	for i := range d.Topics {
		if l := NewCache().Compare(d, &d.Topics[i], d.DefaultPair, 55, StyleDark, ansi.WcWidth).Len(); l > lines {
			t, lines = &d.Topics[i], l
		}
	}
	for _, term := range []int{80, 120, 200} {
		w := (term - 9) / 2
		b.Run("cold/"+strconv.Itoa(term), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				NewCache().Compare(d, t, d.DefaultPair, w, StyleDark, ansi.WcWidth)
			}
		})
		b.Run("cached/"+strconv.Itoa(term), func(b *testing.B) {
			c := NewCache()
			c.Compare(d, t, d.DefaultPair, w, StyleDark, ansi.WcWidth)
			b.ReportAllocs()
			for b.Loop() {
				c.Compare(d, t, d.DefaultPair, w, StyleDark, ansi.WcWidth)
			}
		})
	}
}

// BenchmarkReload lays out every topic of the embedded dossier for the
// default pair at 120 columns, as a reader that has seen them all does
// again after a reload (dossier --watch) in which one claim changed. The
// cache is warm with the previous version; each iteration is a new load.
func BenchmarkReload(b *testing.B) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		b.Fatal(probs.Err())
	}
	const w = (120 - 9) / 2
	c := NewCache()
	for i := range d.Topics {
		c.Compare(d, &d.Topics[i], d.DefaultPair, w, StyleDark, ansi.WcWidth)
	}
	n := 0
	for b.Loop() {
		b.StopTimer()
		next, _ := dossier.Load(content.Default())
		// one claim changes: its text gets a word more
		cl := &next.Topics[n%len(next.Topics)].Sections[0].Claims[0]
		cl.Text = "Edited " + strconv.Itoa(n) + ": " + cl.Text
		n++
		b.StartTimer()
		for i := range next.Topics {
			c.Compare(next, &next.Topics[i], next.DefaultPair, w, StyleDark, ansi.WcWidth)
		}
	}
}
