package ui

import "github.com/dossier-dev/dossier/dossier"

// summaryMinHeight is the body height from which the compare view gives a
// line to the topic's summary above the panes.
const summaryMinHeight = 16

// summaryRows is how many lines the topic's summary takes above the panes:
// one when the topic has a summary and the body is tall enough.
func (v *compareView) summaryRows() int {
	t := v.topic()
	// as of a day the summary, written with hindsight, is held back (as
	// the overview holds back the outcome)
	if t == nil || t.Summary == "" || v.full < summaryMinHeight || !v.c.Sel.AsOf.IsZero() {
		return 0
	}
	return 1
}

// fitSummary gives the panes the body less the summary's line.
func (v *compareView) fitSummary() {
	if v.full == 0 {
		v.full = v.h
	}
	v.h = max(0, v.full-v.summaryRows())
}

// withSummary puts the topic's summary, on one line cut with "…", above
// the panes.
func (v *compareView) withSummary(t *dossier.Topic, panes []string) []string {
	if v.full == v.h {
		return panes
	}
	line := v.c.fit(" "+v.c.cut(v.c.Styles.Faint.Render(inline(t.Summary)), v.w-2), v.w)
	return append([]string{line}, panes...)
}
