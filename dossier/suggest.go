package dossier

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// didYouMean returns a hint naming the candidate closest to s by edit
// distance ("did you mean 'dawn-2025-10-27'?"), or "" when none is close
// enough to be a likely typo. Ties go to the earlier candidate.
func didYouMean(s string, candidates []string) string {
	best, bestD := "", -1
	if len(s) > maxHintLen {
		return ""
	}
	for _, c := range candidates {
		if c == s || c == "" || len(c) > maxHintLen {
			continue
		}
		d := levenshtein.ComputeDistance(strings.ToLower(s), strings.ToLower(c))
		if d > max(len([]rune(s)), len([]rune(c)))/2 {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return ""
	}
	return "did you mean " + quote(best) + "?"
}

// maxHintLen bounds the length of the strings compared for a hint, so that
// a garbage id in a huge file costs nothing.
const maxHintLen = 100
