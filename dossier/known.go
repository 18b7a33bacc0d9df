package dossier

import "time"

// KnownBy reports whether a claim citing sources could have been known on
// asOf: true when any cited source has no date (unknown, so not excluded)
// or was published on or before asOf. A relayed source with no date of its
// own counts from the date of the source it is known through (SourceDate).
// It is false for an empty list and ignores ids that are not sources of d.
// Only the calendar date of asOf counts; its time of day is ignored.
func (d *Dossier) KnownBy(sources []string, asOf time.Time) bool {
	day := dateOnly(asOf)
	for _, id := range sources {
		if _, ok := d.Source(id); !ok {
			continue
		}
		if date := d.SourceDate(id); date.IsZero() || !date.After(day) {
			return true
		}
	}
	return false
}
