package textout

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

func load(t *testing.T) (embedded, hostile *dossier.Dossier) {
	t.Helper()
	embedded, probs := dossier.Load(content.Default())
	if embedded == nil {
		t.Fatal(probs.Err())
	}
	hostile, probs = dossier.Load(os.DirFS("../ui/testdata/hostile"))
	if hostile == nil {
		t.Fatal(probs.Err())
	}
	return embedded, hostile
}

// check asserts every line fits the width and, without colour, holds no
// escape or control byte; with colour, no escape but SGR.
func check(t *testing.T, what, out string, width int, color bool) {
	t.Helper()
	if out == "" {
		t.Errorf("%s: no output", what)
	}
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("%s: line %d is %d cells wide (limit %d): %q", what, i+1, w, width, l)
		}
		for _, r := range ansi.Strip(l) {
			if r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Errorf("%s: line %d holds control %U", what, i+1, r)
			}
		}
		if !color && strings.ContainsRune(l, 0x1b) {
			t.Errorf("%s: line %d holds an escape byte: %q", what, i+1, l)
		}
		if color && render.FilterANSI(l) != l {
			t.Errorf("%s: line %d holds an escape that is not SGR: %q", what, i+1, l)
		}
	}
}

// TestTopicColumns writes every topic for pk and af at 100 cells and
// checks the width, the hygiene, and that each aligned row starts on the
// same line in both columns, as the reader lays it out.
func TestTopicColumns(t *testing.T) {
	d, _ := load(t)
	cache := render.NewCache()
	for _, topic := range d.Topics {
		var b bytes.Buffer
		err := Write(&b, d, Options{Topic: topic.ID, Pair: [2]string{"pk", "af"}, Width: 100, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		out := b.String()
		check(t, topic.ID, out, 100, false)
		lines := strings.Split(out, "\n")
		lay := cache.Compare(d, &topic, [2]string{"pk", "af"}, 48, render.StyleNoTTY, ansi.WcWidth)
		// find where the layout starts: the line after the account names
		start := -1
		heading := render.Fit("Pakistani", 48, ansi.WcWidth) + "   Afghan"
		for i, l := range lines {
			if l == heading {
				start = i + 1
				break
			}
		}
		if start < 0 {
			t.Fatalf("%s: no column heading:\n%s", topic.ID, out)
		}
		// A topic where one account of the pair is silent has no relation
		// marks between the columns: that is a finding, not a fault.
		_, leftSpeaks := topic.Section("pk")
		_, rightSpeaks := topic.Section("af")
		for _, r := range lay.Rows {
			l := lines[start+r.Start]
			left := strings.TrimSpace(ansi.Strip(lay.Lines[0][r.Start]))
			right := strings.TrimSpace(ansi.Strip(lay.Lines[1][r.Start]))
			if !strings.HasPrefix(l, left) || !strings.HasSuffix(l, right) {
				t.Errorf("%s: row %v is not level on line %d: %q (want %q … %q)", topic.ID, r.IDs, start+r.Start, l, left, right)
			}
			if !leftSpeaks || !rightSpeaks {
				continue
			}
			if mark := []rune(l); len(mark) < 50 || !strings.ContainsRune("=≠◂▸·", mark[49]) {
				t.Errorf("%s: no relation mark between the columns on line %d: %q", topic.ID, start+r.Start, l)
			}
		}
	}
}

// TestEverythingFits writes every view, day and topic of the real and the
// hostile dossier at several widths, with and without colour.
func TestEverythingFits(t *testing.T) {
	emb, hos := load(t)
	cache := render.NewCache()
	for name, d := range map[string]*dossier.Dossier{"embedded": emb, "hostile": hos} {
		var opts []Options
		opts = append(opts, Options{})
		for _, v := range Views {
			opts = append(opts, Options{View: v})
		}
		for _, day := range d.Days {
			opts = append(opts, Options{Day: day.ID})
		}
		for _, width := range []int{MinWidth, 57, 80, 100, 200} {
			for _, color := range []bool{false, true} {
				for _, o := range opts {
					o.Width, o.Color, o.Cache = width, color, cache
					var b bytes.Buffer
					if err := Write(&b, d, o); err != nil {
						t.Fatalf("%s %+v: %v", name, o, err)
					}
					check(t, name+" "+o.View+o.Day, b.String(), width, color)
				}
			}
		}
	}
}

func TestDayByDate(t *testing.T) {
	d, _ := load(t)
	var byID, byDate bytes.Buffer
	if err := Write(&byID, d, Options{Day: "oct26", Width: 90}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&byDate, d, Options{Day: "2025-10-26", Width: 90}); err != nil {
		t.Fatal(err)
	}
	if byID.String() != byDate.String() {
		t.Error("a day by date differs from the same day by id")
	}
	for _, want := range []string{"Sun 26 Oct 2025", "9h (Dawn) ⚑ ≠ 11h (PK sources) ⚑", "Events", "Pakistani", "Afghan"} {
		if !strings.Contains(byID.String(), want) {
			t.Errorf("day 26 Oct lacks %q", want)
		}
	}
}

func TestErrors(t *testing.T) {
	d, _ := load(t)
	for _, o := range []Options{
		{Topic: "nope"}, {Day: "2025-01-01"}, {View: "nope"}, {Pair: [2]string{"pk", "zz"}}, {Pair: [2]string{"pk", "pk"}},
		{Topic: "\x1b[2Jx"},
	} {
		var b bytes.Buffer
		err := Write(&b, d, o)
		if err == nil {
			t.Errorf("%+v: no error", o)
			continue
		}
		if strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("%+v: the error carries an escape: %q", o, err)
		}
	}
}

// TestPrintExplainsItsMarks: a printed topic or day ends with what its
// marks mean (= ≠ ◂ ▸, badges, day tags, ⚑ disputed), which it did not;
// a view's table, whose columns are named, does not.
func TestPrintExplainsItsMarks(t *testing.T) {
	d, _ := load(t)
	for _, o := range []Options{{Topic: "sanctuaries", Width: 80}, {Day: "oct26", Width: 60}, {Width: 120}} {
		var b bytes.Buffer
		if err := Write(&b, d, o); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		i := strings.LastIndex(out, "\nMarks: ")
		if i < 0 {
			t.Fatalf("%+v: no key of the marks at the end", o)
		}
		key := out[i:]
		for _, mark := range []string{"=", "≠", "◂", "▸", "⚑ disputed", "credibility", "the day a claim speaks of"} {
			if !strings.Contains(key, mark) {
				t.Errorf("%+v: the key lacks %q:\n%s", o, mark, key)
			}
		}
	}
	var b bytes.Buffer
	if err := Write(&b, d, Options{View: "sources", Width: 100}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Marks: ") {
		t.Error("a view's table ends with the key of the compare marks")
	}
}
