package ui

import (
	"strconv"

	"github.com/dossier-dev/dossier/dossier"
)

// topicClaims counts the claims of topic i of a dossier.
func topicClaims(d *dossier.Dossier, i int) int {
	if i < 0 || i >= len(d.Topics) {
		return 0
	}
	n := 0
	for _, s := range d.Topics[i].Sections {
		n += len(s.Claims)
	}
	return n
}

// topicCount is what the topic list says after a topic's title: its
// claims ("  12 claims"), or, under a filter, how many the filter leaves
// ("  3 of 12"). A topic the filter empties is marked by hiddenNote.
func (c *Common) topicCount(i int) string {
	all := topicClaims(c.Base, i)
	if c.Sel.IsZero() {
		return c.Styles.Faint.Render("  " + plural(all, "claim", "claims"))
	}
	return c.Styles.Faint.Render("  " + strconv.Itoa(topicClaims(c.Dossier, i)) + " of " + strconv.Itoa(all))
}

// topicsNote is the topic list's line under the query: what the counts
// are, and the filter that narrows them.
func (c *Common) topicsNote() string {
	if c.Sel.IsZero() {
		return ""
	}
	return c.Styles.Faint.Render("claims shown · " + c.filterNote() + " · ∅ marks a topic it empties")
}
