package hostile

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/ui"
)

// The fuzz targets of the whole path from content to the screen. Seed
// corpora, and every crasher found, live in testdata/fuzz/<Target>/; go
// test runs them all as regression tests. To fuzz:
//
//	go test -run='^$' -fuzz='^FuzzFrame$' -fuzztime=10m -parallel=1 ./internal/hostile
//	go test -run='^$' -fuzz='^FuzzRender$' -fuzztime=10m -parallel=1 ./internal/hostile

// fuzzStyles are the styles a fuzzed byte picks from.
var fuzzStyles = []render.Style{render.StyleDark, render.StyleLight, render.StyleNoTTY}

// FuzzRender feeds the render package claim text that was never sanitised
// (glamour passes control sequences through), at any width from 1 to 300,
// in every style. A claim's lines must be at most the width; a topic's
// layout lines exactly the width, both panes as long as each other; and
// nothing but SGR may come out.
func FuzzRender(f *testing.F) {
	f.Add("A claim with **bold**, `code` and a [link](https://example.org).", "Другой — 別の主張 🇹🇷", uint16(40), uint8(0))
	f.Add("Paragraph "+payload+"\n\n### Heading "+payload+"\n\n```\ncode "+payload+"\n```\n\n| a | b |\n| - | - |\n| "+payload+" | x |",
		"> quote\n> - list\n>   - nested", uint16(17), uint8(1))
	f.Add(strings.Repeat("- ", 20)+"deep", "\t\ttabs\t\u200d\u202e", uint16(1), uint8(2))
	f.Fuzz(func(t *testing.T, left, right string, width uint16, style uint8) {
		w := 1 + int(width)%300
		st := fuzzStyles[int(style)%len(fuzzStyles)]
		d := &dossier.Dossier{
			Accounts: []dossier.Account{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
			Topics: []dossier.Topic{{ID: "t", Title: "T", Sections: []dossier.Section{
				{Account: "a", Claims: []dossier.Claim{{ID: "t/a/1", Text: left, Sources: []string{"s"}, Key: "k", Relation: dossier.RelContradict}}},
				{Account: "b", Claims: []dossier.Claim{{ID: "t/b/1", Text: right, Sources: []string{"s"}, Key: "k"}, {ID: "t/b/2", Text: left + right, Sources: []string{"s"}}}},
			}}},
		}
		c := render.NewCache()
		for _, cl := range []*dossier.Claim{&d.Topics[0].Sections[0].Claims[0], &d.Topics[0].Sections[1].Claims[0]} {
			for i, l := range c.Claim(d, cl, w, st) {
				if got := ansi.StringWidth(l); got > w {
					t.Fatalf("claim line %d is %d wide at width %d: %q", i, got, w, l)
				}
				if bad := nonSGR(l); bad != "" {
					t.Fatalf("claim line %d holds %q", i, bad)
				}
			}
		}
		for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			cmp := c.Compare(d, &d.Topics[0], [2]string{"a", "b"}, w, st, m)
			if len(cmp.Lines[0]) != len(cmp.Lines[1]) || len(cmp.Marks) != len(cmp.Lines[0]) {
				t.Fatalf("panes of %d and %d lines, %d marks", len(cmp.Lines[0]), len(cmp.Lines[1]), len(cmp.Marks))
			}
			for side := range cmp.Lines {
				for i, l := range cmp.Lines[side] {
					if got := m.StringWidth(l); got != w {
						t.Fatalf("side %d line %d is %d wide at width %d (method %v): %q", side, i, got, w, m, l)
					}
					if bad := nonSGR(l); bad != "" {
						t.Fatalf("side %d line %d holds %q", side, i, bad)
					}
				}
			}
		}
	})
}

// frameBase is the rest of the dossier a fuzzed topic file joins.
var frameBase = map[string]string{
	"dossier.md": "---\nid: f\ntitle: Fuzz\nstart: 2031-03-02\nend: 2031-03-03\nparties: [{id: up, name: Up}, {id: down, name: Down}]\n" +
		"accounts:\n  - {id: up, name: Upstream, party: up}\n  - {id: down, name: Downstream, party: down}\n---\n",
	"sources.md": "---\nsources:\n  - {id: s1, outlet: The Wire, reliability: B, date: 2031-03-02}\n  - {id: s2, outlet: Radio, reliability: C}\n---\n",
	"days.md": "---\ndays:\n  - {id: d1, date: 2031-03-02, hours: [{hours: 9, text: nine, sources: [s1]}], events: [{text: Open, sources: [s1]}]}\n" +
		"  - {id: d2, date: 2031-03-03, hours: [{hours: 3, text: three, sources: [s2]}], events: [{text: Close, sources: [s2]}]}\n---\n",
}

// FuzzFrame is the whole path: the bytes of a topic file are loaded with
// the rest of a small dossier, and when it loads, the reader draws it at a
// fuzzed size (1x1 to 300x100) in a fuzzed style, on the compare view and on
// a fuzzed other view. Every frame must be exactly the terminal's size and
// hold nothing but SGR. Nothing may panic or hang.
func FuzzFrame(f *testing.F) {
	f.Add([]byte("---\nid: t\ntitle: T\n---\n\n## Upstream\n\n- Up says so. [@s1] {#k .contradict day=d1}\n\n## Downstream\n\n- Down says no. [@s2] {#k}\n"),
		uint16(80), uint16(24), uint8(0), uint8(1))
	f.Add([]byte("---\nid: t\ntitle: 'T "+payload+"'\n---\n\n## up\n\n- "+payload+" [@s1] {#k}\n\n  | a "+payload+" | b |\n  | - | - |\n  | c | d |\n\n## down\n\n- 别的 🇹🇷 [@s2] {#k}\n"),
		uint16(41), uint16(10), uint8(1), uint8(3))
	f.Add([]byte("---\nid: t\ntitle: T\n---\n\n## up\n\n- x [@s1]\n\n  "+strings.Repeat("> ", 16)+strings.Repeat("- ", 15)+"bomb\n"),
		uint16(1), uint16(1), uint8(2), uint8(5))
	f.Fuzz(func(t *testing.T, topic []byte, width, height uint16, style, view uint8) {
		fsys := fstest.MapFS{"topics/t.md": {Data: topic}}
		for name, s := range frameBase {
			fsys[name] = &fstest.MapFile{Data: []byte(s)}
		}
		d, _ := dossier.Load(fsys)
		if d == nil {
			return
		}
		w, h := 1+int(width)%300, 1+int(height)%100
		r := newReader(t, d, nil, w, h, fuzzStyles[int(style)%len(fuzzStyles)])
		r.frame()
		ids := views()
		r.show(ids[int(view)%len(ids)])
		r.frame()
		r.press("enter")
		r.frame()
		r.show(ui.ViewCompare)
		r.press("G", "?")
		r.frame()
	})
}
