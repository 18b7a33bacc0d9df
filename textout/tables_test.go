package textout

import (
	"bytes"
	"strings"
	"testing"
)

// TestTablesNeverSplitAWordThatFits is the class "print tables split
// words": every word in a table is a word of the dossier, whole, at every
// width where the columns can hold their longest words.
func TestTablesNeverSplitAWordThatFits(t *testing.T) {
	d, _ := load(t)
	for _, view := range []string{"demands", "delegations", "sources", "days"} {
		for _, width := range []int{80, 100, 120} {
			if view == "sources" && width < 100 {
				continue // seven columns: at 80 their longest words do not all fit
			}
			var b bytes.Buffer
			if err := Write(&b, d, Options{View: view, Width: width}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			// the words the table was given: every cell's words
			var all bytes.Buffer
			if err := Write(&all, d, Options{View: view, Width: 100000}); err != nil {
				t.Fatal(err)
			}
			known := map[string]bool{}
			for _, w := range strings.Fields(all.String()) {
				known[w] = true
			}
			for i, line := range strings.Split(out, "\n") {
				for _, w := range strings.Fields(line) {
					if !known[w] && strings.Trim(w, "─") != "" {
						t.Errorf("%s at %d, line %d: %q is not a whole word of the dossier:\n%s", view, width, i+1, w, line)
					}
				}
			}
		}
	}
}

func TestDayCounterpartNamed(t *testing.T) {
	d, _ := load(t)
	var b bytes.Buffer
	if err := Write(&b, d, Options{Day: "2025-10-26", Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	i := strings.Index(out, "Militant sanctuaries and the TTP")
	if i < 0 {
		t.Fatal("no sanctuaries topic on 26 Oct")
	}
	first := strings.SplitN(out[i:], "\n", 3)[1]
	if !strings.Contains(first, "=") || strings.Contains(first, "no counterpart") || !strings.Contains(first, "counterpart (no day given)") {
		t.Errorf("the first Pakistani claim on sanctuaries, 26 Oct:\n%s", first)
	}
}

// TestTopicAndDay: --topic and --day together write the topic's claims
// about the day; --view refuses either.
func TestTopicAndDay(t *testing.T) {
	d, _ := load(t)
	var b bytes.Buffer
	if err := Write(&b, d, Options{Topic: "sanctuaries", Day: "2025-10-26", Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "Militant sanctuaries and the TTP · 26 Oct") || strings.Contains(out, "Written, verifiable guarantees") {
		t.Errorf("topic and day:\n%s", out)
	}
	var all bytes.Buffer
	if err := Write(&all, d, Options{Topic: "sanctuaries", Width: 80}); err != nil {
		t.Fatal(err)
	}
	if all.String() == out {
		t.Error("--day changed nothing")
	}
	if err := Write(&b, d, Options{View: "demands", Day: "oct26", Width: 80}); err == nil {
		t.Error("--view with --day was not refused")
	}
}
