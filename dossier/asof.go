package dossier

import "time"

// SourceDate returns the date a source was published. A source relayed
// through another (Via) that has no date of its own takes the date of the
// source it is known through, following the chain of relays; the zero
// time means the date is unknown (or id is not a source of d). The load
// refuses cycles of Via, but SourceDate stops after as many steps as there
// are sources in any case.
func (d *Dossier) SourceDate(id string) time.Time {
	if i, ok := d.lookup("source", id); ok && len(d.viaDates) == len(d.Sources) {
		return d.viaDates[i] // computed at load (checkVia)
	}
	for range len(d.Sources) + 1 {
		s, ok := d.Source(id)
		if !ok {
			return time.Time{}
		}
		if !s.Date.IsZero() || s.Via == "" {
			return s.Date
		}
		id = s.Via
	}
	return time.Time{}
}

// Relays reports whether the source relay carries the source id: id is
// relay itself, or id is known through relay (directly or along a chain
// of Via).
func (d *Dossier) Relays(relay, id string) bool {
	for range len(d.Sources) + 1 {
		if id == relay {
			return true
		}
		s, ok := d.Source(id)
		if !ok || s.Via == "" {
			return false
		}
		id = s.Via
	}
	return false
}

// Supports reports whether the source id supports something that cites
// sources: one of them is id or is known through id.
func (d *Dossier) Supports(id string, sources []string) bool {
	for _, s := range sources {
		if d.Relays(id, s) {
			return true
		}
	}
	return false
}

// dateOnly returns t's calendar date at midnight UTC.
func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ClaimsSupported returns how many claims of d the source id supports
// (Supports): claims citing it or a source known through it.
func (d *Dossier) ClaimsSupported(id string) int {
	if c := d.support; c != nil {
		c.once.Do(func() { c.counts = d.supportCounts() }) // support.go
		if i, ok := d.lookup("source", id); ok && i < len(c.counts) {
			return c.counts[i]
		}
		return 0
	}
	n := 0
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			for _, c := range s.Claims {
				if d.Supports(id, c.Sources) {
					n++
				}
			}
		}
	}
	return n
}
