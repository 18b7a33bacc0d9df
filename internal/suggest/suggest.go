// Package suggest finds the likely intended word behind a typo, for the
// "did you mean …?" hints of the dossier checker and the settings file. One
// rule for both, so that a hint means the same thing everywhere.
package suggest

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// MaxLen bounds the length of the strings compared, so that a garbage id
// in a huge file costs nothing: longer ones get no suggestion.
const MaxLen = 100

// Closest returns the candidate nearest to s by edit distance (ignoring
// case), or "" when none is near enough to be a likely typo: at most half
// the length of the longer of the two apart. Ties go to the earlier
// candidate; s itself and empty candidates are never suggested.
func Closest(s string, candidates []string) string {
	best, bestD := "", -1
	if len(s) > MaxLen {
		return ""
	}
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if c == s || c == "" || len(c) > MaxLen {
			continue
		}
		d := levenshtein.ComputeDistance(ls, strings.ToLower(c))
		if d > max(len([]rune(s)), len([]rune(c)))/2 {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
