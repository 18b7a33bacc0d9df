package dossier

import "strings"

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
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
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

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
