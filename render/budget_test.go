package render

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// bomb returns a claim text of n lines, each opening depth lists and quotes:
// 547 bytes of it (n 10, depth 20) took glamour half a second, 28 KB
// (n 400, depth 30) half a minute, before the budget.
func bomb(n, depth int) string {
	var b strings.Builder
	b.WriteString("A claim.\n\n")
	for i := range n {
		b.WriteString("  " + strings.Repeat("> ", depth/2) + strings.Repeat("- ", depth-depth/2) + fmt.Sprintf("bomb %d\n", i))
	}
	return b.String()
}

func TestBudgetDegradesNestedBombToPlainText(t *testing.T) {
	d := &dossier.Dossier{Sources: []dossier.Source{{ID: "s1", Outlet: "Wire"}}}
	for _, tc := range []struct{ n, depth int }{{10, 20}, {400, 30}, {30, 15}} {
		cl := &dossier.Claim{ID: "t/a/1", Text: bomb(tc.n, tc.depth), Sources: []string{"s1"}}
		if c := markdownCost(cl.Text); c <= claimBudget {
			t.Errorf("n %d depth %d: cost %d is within the claim budget", tc.n, tc.depth, c)
		}
		for _, width := range []int{1, 7, 40, 80} {
			lines := NewCache().Claim(d, cl, width, StyleDark)
			text := ansi.Strip(strings.Join(lines, "\n"))
			if !strings.Contains(text, ansi.Truncate(noteClaimTooComplex, width, "…")) {
				t.Errorf("n %d depth %d width %d: no plain-text note in:\n%s", tc.n, tc.depth, width, text)
			}
			if width >= 40 && !strings.Contains(text, "bomb 0") || width >= 40 && !strings.Contains(text, fmt.Sprintf("bomb %d", tc.n-1)) {
				t.Errorf("n %d depth %d width %d: the text is lost:\n%s", tc.n, tc.depth, width, text)
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > width {
					t.Errorf("width %d: line %d is %d wide", width, i, w)
				}
			}
		}
	}
}

func TestBudgetDegradesLongTopic(t *testing.T) {
	// Claims each well within their budget, too many for one topic.
	var claims []dossier.Claim
	one := bomb(10, 6)
	if c := markdownCost(one); c > claimBudget/4 || c*200 < topicBudget {
		t.Fatalf("claim cost %d does not suit this test", c)
	}
	for i := range 200 {
		claims = append(claims, dossier.Claim{ID: fmt.Sprintf("t/a/%d", i+1), Text: one, Sources: []string{"s1"}})
	}
	d := &dossier.Dossier{
		Accounts: []dossier.Account{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Sources:  []dossier.Source{{ID: "s1", Outlet: "Wire"}},
		Topics:   []dossier.Topic{{ID: "t", Title: "T", Sections: []dossier.Section{{Account: "a", Claims: claims}}}},
	}
	c := NewCache()
	cmp := c.Compare(d, &d.Topics[0], [2]string{"a", "b"}, 60, StyleDark, ansi.WcWidth)
	text := ansi.Strip(strings.Join(cmp.Lines[0], "\n"))
	if n := strings.Count(text, noteTopicTooComplex); n != 200 {
		t.Errorf("%d claims carry the topic note, want 200", n)
	}
	// One claim over its own budget does not degrade the others.
	d.Topics[0].Sections = append(d.Topics[0].Sections, dossier.Section{Account: "b", Claims: []dossier.Claim{
		{ID: "t/b/1", Text: bomb(400, 30), Sources: []string{"s1"}}, {ID: "t/b/2", Text: one, Sources: []string{"s1"}}}})
	d.Topics[0].Sections[0].Claims = claims[:2]
	cmp = NewCache().Compare(d, &d.Topics[0], [2]string{"a", "b"}, 60, StyleDark, ansi.WcWidth)
	left, right := ansi.Strip(strings.Join(cmp.Lines[0], "\n")), ansi.Strip(strings.Join(cmp.Lines[1], "\n"))
	if strings.Contains(left, "plain text") || strings.Count(right, "shown as plain text: too long") != 1 || strings.Contains(right, noteTopicTooComplex) {
		t.Errorf("one bomb degraded more than itself:\n%s\n---\n%s", left, right)
	}
	// Alone, the same claim is formatted.
	alone := ansi.Strip(strings.Join(c.Claim(d, &claims[0], 60, StyleDark), "\n"))
	if strings.Contains(alone, "plain text") {
		t.Errorf("a claim within its budget was not formatted:\n%s", alone)
	}
}

func TestBudgetLeavesRealClaimsFormatted(t *testing.T) {
	d, probs := dossier.Load(os.DirFS("../docs/example/water-talks"))
	if d == nil {
		t.Fatal(probs.Err())
	}
	c := NewCache()
	for ti := range d.Topics {
		tp := &d.Topics[ti]
		cmp := c.Compare(d, tp, d.DefaultPair, 50, StyleDark, ansi.WcWidth)
		for side := range cmp.Lines {
			if text := ansi.Strip(strings.Join(cmp.Lines[side], "\n")); strings.Contains(text, "plain text") {
				t.Errorf("topic %s was degraded:\n%s", tp.ID, text)
			}
		}
		for _, s := range tp.Sections {
			for _, cl := range s.Claims {
				if n := markdownCost(Clean(cl.Text)); n*20 > claimBudget {
					t.Errorf("claim %s costs %d, within 20x of the budget %d", cl.ID, n, claimBudget)
				}
			}
		}
	}
}

// Found by FuzzRender (internal/hostile): one line in 40 quotes, 237 bytes,
// took glamour 2.5 s at width 20; its cost was counted as 3,362 units.
func TestBudgetCapsNesting(t *testing.T) {
	for _, depth := range []int{9, 20, 40} {
		src := "x\n\n  " + strings.Repeat("> ", depth) + "deep\n"
		if c := markdownCost(src); c <= claimBudget {
			t.Errorf("%d quotes cost %d, within budget", depth, c)
		}
	}
	if c := markdownCost("x\n\n" + strings.Repeat("> ", maxRenderNesting) + "fine\n"); c > claimBudget/10 {
		t.Errorf("%d quotes cost %d", maxRenderNesting, c)
	}
}
