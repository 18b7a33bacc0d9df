package dossier

import "github.com/dossier-dev/dossier/internal/suggest"

// didYouMean returns a hint naming the candidate closest to s
// (suggest.Closest: "did you mean 'dawn-2025-10-27'?"), or "" when none is
// close enough to be a likely typo.
func didYouMean(s string, candidates []string) string {
	best := suggest.Closest(s, candidates)
	if best == "" {
		return ""
	}
	return "did you mean " + quote(best) + "?"
}
