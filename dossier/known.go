package dossier

import "time"

// KnownBy reports whether a claim citing sources could have been known on
// asOf: true when any cited source has no date (unknown, so not excluded)
// or was published on or before asOf. It is false for an empty list and
// ignores ids that are not sources of d. Only the calendar date of asOf
// counts; its time of day is ignored.
func (d *Dossier) KnownBy(sources []string, asOf time.Time) bool {
	day := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	for _, id := range sources {
		s, ok := d.Source(id)
		if !ok {
			continue
		}
		if s.Date.IsZero() || !s.Date.After(day) {
			return true
		}
	}
	return false
}
