package ui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/render"
)

// BenchmarkDayDoc lays out the busiest day of the embedded dossier for
// the days view at 120 columns: cold (a new cache each time: glamour
// renders every claim and event) and warm (the cache holds them; the
// layout is assembled).
func BenchmarkDayDoc(b *testing.B) {
	dossiers(b)
	d := embedded
	req := dayReq{d: d, day: "oct26", pair: defaultPair(d), width: 118, wide: true, style: render.StyleDark, method: ansi.WcWidth}
	st := NewStyles(render.StyleDark)
	ds := dayDocStyles{heading: st.PaneTitleFocused, faint: st.Faint, label: st.PaneTitle, cursor: st.Cursor}
	names := [2]string{"Pakistani", "Afghan"}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			buildDayDoc(req, render.NewCache(), names, ds)
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := render.NewCache()
		buildDayDoc(req, cache, names, ds)
		b.ReportAllocs()
		for b.Loop() {
			buildDayDoc(req, cache, names, ds)
		}
	})
}
