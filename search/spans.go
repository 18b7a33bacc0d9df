package search

import (
	"sort"
	"strings"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// Matcher finds the terms of one query in any text, folded as Find folds
// them, to highlight matches in text a reader shows.
type Matcher struct{ terms []string }

// NewMatcher returns the matcher of a query.
func NewMatcher(query string) Matcher {
	return Matcher{terms: strings.Fields(Fold(sanitize.Text(query)))}
}

// Empty reports whether the query has no terms.
func (m Matcher) Empty() bool { return len(m.terms) == 0 }

// Spans returns the byte spans [from, to) of text where a term occurs, in
// order and merged where they overlap; each span starts and ends on a rune
// boundary of text.
func (m Matcher) Spans(text string) [][2]int {
	if len(m.terms) == 0 || text == "" {
		return nil
	}
	folded, offs := fold(nil, make([]int32, 0, len(text)), text, 0)
	offs = append(offs, int32(len(text)))
	f := string(folded)
	var spans [][2]int
	for _, t := range m.terms {
		for at := 0; ; {
			j := strings.Index(f[at:], t)
			if j < 0 {
				break
			}
			s, e := at+j, at+j+len(t)
			// the end of the rune the match ends in
			k := e
			for k < len(offs)-1 && offs[k] == offs[e-1] {
				k++
			}
			spans = append(spans, [2]int{int(offs[s]), int(offs[k])})
			at = e
		}
	}
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s[0] <= last[1] {
			last[1] = max(last[1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}
