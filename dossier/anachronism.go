package dossier

import "time"

// checkAnachronisms warns when a claim, an event or an hours report is
// about a day later than the date of every source it cites: a source
// published on 4 Mar cannot report what happened on 6 Mar. Sources with no
// date (known or derived through Via) make no such warning, as the date of
// what they report cannot be compared.
func (l *loader) checkAnachronisms() {
	d := l.d
	for ti := range d.Topics {
		for _, sec := range d.Topics[ti].Sections {
			for _, c := range sec.Claims {
				for _, id := range c.Days {
					l.anachronism(c.Pos, "claim", id, c.Sources)
				}
			}
		}
	}
	for _, day := range d.Days {
		for _, e := range day.Events {
			l.anachronism(e.Pos, "event", day.ID, e.Sources)
		}
		for _, h := range day.Hours {
			l.anachronism(h.Pos, "hours report", day.ID, h.Sources)
		}
	}
}

// anachronism warns at p when what (about day) cites only sources dated
// before the day.
func (l *loader) anachronism(p Pos, what, dayID string, sources []string) {
	day, ok := l.d.Day(dayID)
	if !ok || day.Date.IsZero() || len(sources) == 0 {
		return
	}
	var latest time.Time
	latestID := ""
	for _, id := range sources {
		if _, ok := l.d.Source(id); !ok {
			return // reported elsewhere
		}
		date := l.d.SourceDate(id)
		if date.IsZero() || !date.Before(day.Date) {
			return
		}
		if date.After(latest) {
			latest, latestID = date, id
		}
	}
	l.warnf(p, "check the day (day=…), or cite a source published on or after it",
		"%s is about %s, later than every source it cites (the latest, %s, is dated %s)",
		what, day.Date.Format("2 Jan 2006"), quote(latestID), latest.Format("2 Jan 2006"))
}
