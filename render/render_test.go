package render

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/testkit"
)

func TestSlice(t *testing.T) {
	tests := []struct {
		in       string
		from, to int
		want     string // ANSI stripped
	}{
		{"hello world", 0, 5, "hello"},
		{"hello world", 6, 11, "world"},
		{"hello", 3, 8, "lo   "},
		{"文字文字", 1, 5, " 字 "}, // wide characters cut by both edges become spaces
		{"文字文字", 0, 3, "文 "},
		{"\x1b[31mred\x1b[0m and plain", 2, 9, "d and p"},
		{"", 0, 3, "   "},
		{"abc", 2, 2, ""},
	}
	for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for _, tt := range tests {
			got := Slice(tt.in, tt.from, tt.to, m)
			if ansi.Strip(got) != tt.want {
				t.Errorf("Slice(%q, %d, %d) = %q, want %q", tt.in, tt.from, tt.to, ansi.Strip(got), tt.want)
			}
			if w := m.StringWidth(got); w != max(0, tt.to-tt.from) {
				t.Errorf("Slice(%q, %d, %d) is %d cells", tt.in, tt.from, tt.to, w)
			}
		}
	}
	// a style opened before the slice still applies inside it, and is closed
	if got := Slice("\x1b[31mredder\x1b[0m", 3, 6, ansi.WcWidth); got != "\x1b[31mder"+reset {
		t.Errorf("styled slice = %q", got)
	}
}

// hostileText tries everything a dossier might smuggle into a terminal.
const hostileText = "Raw \x1b[2J escape, \x1b]0;title\x07 OSC, \x9b31m C1, entity &#27;[31m and &#x1b;]8;;x&#7;, " +
	"<span style=\"color:red\">html</span> and `code \x1b[5m` and a [link](http://x.org/\x1b[H).\n\n" +
	"```\nblock \x1b[?1049h\n```\n"

func TestClaimCarriesOnlyStyling(t *testing.T) {
	d := &dossier.Dossier{}
	cl := &dossier.Claim{ID: "t/a/1", Text: hostileText, Sources: []string{"src\x1b[31m"}, Days: []string{"d\x07"}, Cred: 2}
	for _, st := range []Style{StyleDark, StyleLight, StyleNoTTY} {
		for _, w := range []int{1, 7, 40, 200} {
			lines := NewCache().Claim(d, cl, w, st)
			for _, l := range lines {
				if bad := nonSGR(l); bad != "" {
					t.Fatalf("style %v width %d: %q in %q", st, w, bad, l)
				}
				if ansi.StringWidth(l) > w {
					t.Errorf("style %v width %d: line of %d cells: %q", st, w, ansi.StringWidth(l), l)
				}
			}
			if st == StyleNoTTY && strings.Contains(strings.Join(lines, ""), "\x1b[3") {
				t.Errorf("notty output has colour: %q", lines)
			}
		}
	}
}

// nonSGR returns the first escape sequence or control character in s that
// is not an SGR sequence or a newline (testkit.NonSGR).
func nonSGR(s string) string { return testkit.NonSGR(s) }

func TestCompareLayout(t *testing.T) {
	d, probs := dossier.Load(os.DirFS("../docs/example/water-talks"))
	if d == nil {
		t.Fatal(probs.Err())
	}
	c := NewCache()
	for _, w := range []int{1, 9, 30, 57, 120} {
		for ti := range d.Topics {
			tp := &d.Topics[ti]
			for _, pair := range [][2]string{d.DefaultPair, {"med", "ind"}, {"up", "nobody"}} {
				l := c.Compare(d, tp, pair, w, StyleDark, ansi.WcWidth)
				if len(l.Lines[0]) != len(l.Lines[1]) || len(l.Marks) != l.Len() {
					t.Fatalf("%s %v w%d: %d and %d lines, %d marks", tp.ID, pair, w, len(l.Lines[0]), len(l.Lines[1]), len(l.Marks))
				}
				for side := range l.Lines {
					for y, line := range l.Lines[side] {
						if got := ansi.StringWidthWc(line); got != w {
							t.Fatalf("%s %v w%d: side %d line %d is %d cells", tp.ID, pair, w, side, y, got)
						}
					}
				}
				next := 0
				for _, r := range l.Rows {
					if r.Start != next || r.Height < 1 {
						t.Fatalf("%s %v w%d: row %+v, want start %d", tp.ID, pair, w, r, next)
					}
					next = r.Start + r.Height + 1
				}
				hits := c.Stats().CompareHits
				if c.Compare(d, tp, pair, w, StyleDark, ansi.WcWidth); c.Stats().CompareHits != hits+1 {
					t.Errorf("second Compare was not served from the cache")
				}
			}
		}
	}
	// the flows topic: figure is a contradicting pair, walkout and the
	// quote are one-sided
	l := c.Compare(d, &d.Topics[0], [2]string{"up", "down"}, 57, StyleDark, ansi.WcWidth)
	var got []string
	for _, r := range l.Rows {
		got = append(got, r.Key+":"+r.Rel[0].String())
	}
	if strings.Join(got, " ") != "figure:contradict walkout:one-sided :one-sided" {
		t.Errorf("rows %v", got)
	}
}

func TestCacheEvictsOldRenderers(t *testing.T) {
	d, _ := dossier.Load(os.DirFS("../docs/example/water-talks"))
	c := &Cache{MaxLayouts: 3}
	for w := 10; w < 20; w++ {
		c.Compare(d, &d.Topics[0], d.DefaultPair, w, StyleDark, ansi.WcWidth)
	}
	c.mu.Lock()
	n := len(c.layouts)
	c.mu.Unlock()
	if n != 3 || c.Stats().Evictions != 7 {
		t.Errorf("%d layouts held, %d evictions; want 3 and 7", n, c.Stats().Evictions)
	}
}
