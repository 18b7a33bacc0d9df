package search

import (
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kalın", "kalin"},
		{"İbrahim", "ibrahim"},
		{"IBRAHIM", "ibrahim"},
		{"Türkiye", "turkiye"},
		{"Ağa Şükür Çelik", "aga sukur celik"},
		{"Ærø Łódź Straße", "aero lodz strasse"},
		{"ﬁnal", "final"}, // ligature, by compatibility decomposition
		{"ＡＢＣ", "abc"},    // full width
		{"Pakistan–Afghanistan", "pakistan-afghanistan"},
		{"“quoted” it’s", `"quoted" it's`},
		{"e\u0301te\u0301", "ete"}, // combining accents already decomposed
		{"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
		{"plain ascii 123", "plain ascii 123"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(Fold(tt.in)); got != Fold(tt.in) {
			t.Errorf("Fold is not idempotent on %q: %q", tt.in, got)
		}
	}
}

func load(t testing.TB) *dossier.Dossier {
	t.Helper()
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs.Err())
	}
	return d
}

func TestFind(t *testing.T) {
	d := load(t)
	ix := For(d)
	if For(d) != ix {
		t.Error("For built a second index for the same dossier")
	}
	tests := []struct {
		query string
		kinds []Kind // kinds that must be among the hits
		where func(h Hit) bool
	}{
		{"Kalin", []Kind{KindMember}, func(h Hit) bool { return h.Doc.Kind == KindMember && h.Doc.Party != "" }},
		{"kalın", []Kind{KindMember}, nil},
		{"KALIN", []Kind{KindMember}, nil},
		{"Torkham", []Kind{KindClaim, KindEvent}, func(h Hit) bool {
			return h.Doc.Kind != KindClaim || h.Doc.Topic == "next"
		}},
		{"drone", []Kind{KindTopic, KindClaim, KindDiscrepancy}, nil},
		{"turkiye", []Kind{KindClaim}, nil},
		{"verification annex", []Kind{KindClaim}, nil},
	}
	for _, tt := range tests {
		hits := ix.Find(tt.query, 0)
		if len(hits) == 0 {
			t.Errorf("%q finds nothing", tt.query)
			continue
		}
		have := map[Kind]bool{}
		q := strings.Fields(Fold(tt.query))
		for _, h := range hits {
			have[h.Doc.Kind] = true
			if tt.where != nil && !tt.where(h) {
				t.Errorf("%q: unexpected hit %+v", tt.query, *h.Doc)
			}
			got := Fold(h.Doc.Text[h.Start:h.End])
			if !strings.Contains(got, q[0]) && !strings.Contains(q[0], got) {
				t.Errorf("%q: highlight %q in %q", tt.query, h.Doc.Text[h.Start:h.End], h.Doc.Text)
			}
			for _, term := range q {
				if !strings.Contains(Fold(h.Doc.Text), term) {
					t.Errorf("%q: hit without %q: %q", tt.query, term, h.Doc.Text)
				}
			}
		}
		for _, k := range tt.kinds {
			if !have[k] {
				t.Errorf("%q: no %s among the hits", tt.query, k)
			}
		}
	}
	kalin := ix.Find("kalin", 1)
	if len(kalin) != 1 || kalin[0].Doc.Text[kalin[0].Start:kalin[0].End] != "Kalın" {
		t.Errorf("kalin highlights %q", kalin[0].Doc.Text[kalin[0].Start:kalin[0].End])
	}
	for _, q := range []string{"", "   ", "zzzqqq", "\x00", "\x1b[2J"} {
		if hits := ix.Find(q, 0); len(hits) != 0 {
			t.Errorf("%q finds %d hits", q, len(hits))
		}
	}
	if hits := ix.Find("the", 3); len(hits) != 3 {
		t.Errorf("limit 3 gave %d hits", len(hits))
	}
}

// TestFindEveryDoc checks that every word of every document finds that
// document, with a highlight that folds to the word.
func TestFindEveryDoc(t *testing.T) {
	ix := New(load(t))
	for i := range ix.docs {
		doc := &ix.docs[i]
		for _, w := range strings.Fields(doc.Text) {
			found := false
			for _, h := range ix.Find(w, 0) {
				if h.Doc == doc {
					found = true
					if !strings.Contains(Fold(doc.Text[h.Start:h.End]), Fold(w)) && Fold(doc.Text[h.Start:h.End]) != Fold(w) {
						t.Errorf("%q in %s: highlight %q", w, doc.Kind, doc.Text[h.Start:h.End])
					}
				}
			}
			if !found {
				t.Errorf("%q does not find its %s %q", w, doc.Kind, doc.Text)
			}
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	ix := New(load(b))
	for _, q := range []string{"Torkham", "drone", "kalin", "verification annex", "the"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Find(q, 0)
			}
		})
	}
}

func BenchmarkIndex(b *testing.B) {
	d := load(b)
	b.ReportAllocs()
	for b.Loop() {
		New(d)
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		query, text string
		want        [][2]int
	}{
		{"kalin", "İbrahim Kalın hosted", [][2]int{{9, 15}}},
		{"ibrahim kalin", "İbrahim Kalın", [][2]int{{0, 8}, {9, 15}}},
		{"ab", "abab ab", [][2]int{{0, 4}, {5, 7}}}, // touching spans merge
		{"turk", "Türkiye", [][2]int{{0, 5}}},
		{"ss", "Straße", [][2]int{{4, 6}}},
		{"x", "", nil},
		{"", "text", nil},
	}
	for _, tt := range tests {
		got := NewMatcher(tt.query).Spans(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%q in %q: %v, want %v", tt.query, tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q in %q: %v, want %v", tt.query, tt.text, got, tt.want)
				break
			}
		}
	}
}

func TestDigitGroups(t *testing.T) {
	for _, c := range []struct{ text, query string }{
		{"about 1,800 dead", "1800"}, {"about 1800 dead", "1,800"}, {"1\u202f800", "1800"}, {"1'800", "1800"},
	} {
		if !strings.Contains(Fold(c.text), Fold(c.query)) {
			t.Errorf("%q does not find %q: %q vs %q", c.query, c.text, Fold(c.query), Fold(c.text))
		}
		m := NewMatcher(c.query)
		if sp := m.Spans(c.text); len(sp) != 1 || !strings.ContainsAny(c.text[sp[0][0]:sp[0][1]], "18") {
			t.Errorf("%q in %q: spans %v", c.query, c.text, sp)
		}
	}
	if Fold("a, 1") != "a, 1" || Fold("1, and") != "1, and" {
		t.Errorf("a comma not between digits was dropped: %q %q", Fold("a, 1"), Fold("1, and"))
	}
}
