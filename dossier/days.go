package dossier

import (
	"strings"
	"time"
)

// parseDays reads days.md: the sequence of days with their hours of talks
// and events.
func (l *loader) parseDays(f *srcFile) {
	l.listFile(f, "days", func(v *yval) {
		o := l.object(v, "day")
		day := Day{Pos: v.pos}
		day.ID, _ = o.id("id", true)
		var dp Pos
		day.Date, dp = o.date("date")
		if day.Date.IsZero() && o.v != nil && o.get("date") == nil {
			l.errf(o.pos, "", "day %s has no date", quote(day.ID))
		}
		day.Label = o.text("label")
		ph, pp := o.str("phase")
		day.Phase = l.phase(ph, pp, day.Date, dp)
		for _, hv := range o.list("hours") {
			day.Hours = append(day.Hours, l.hours(hv))
		}
		for _, ev := range o.list("events") {
			day.Events = append(day.Events, l.event(ev))
		}
		o.done()
		l.d.Days = append(l.d.Days, day)
	})
}

// phase reads a day's phase, inferring it from the dossier's start and end
// when it is not given.
func (l *loader) phase(s string, p Pos, date time.Time, dp Pos) Phase {
	inferred, canInfer := PhaseTalks, !date.IsZero() && !l.d.Start.IsZero() && !l.d.End.IsZero()
	if canInfer {
		switch {
		case date.Before(l.d.Start):
			inferred = PhaseBefore
		case date.After(l.d.End):
			inferred = PhaseAfter
		}
	}
	if s == "" {
		return inferred
	}
	for i, n := range phaseNames {
		if n == s {
			if canInfer && Phase(i) != inferred {
				l.warnf(p, "", "phase %s does not match the date: the talks run from %s to %s",
					s, l.d.Start.Format(time.DateOnly), l.d.End.Format(time.DateOnly))
			}
			return Phase(i)
		}
	}
	l.errf(p, "phase is one of "+strings.Join(phaseNames[:], ", "), "unknown phase %s", quote(s))
	return inferred
}

// hours reads one report of the length of a day's talks.
func (l *loader) hours(v *yval) HoursReport {
	o := l.object(v, "hours report")
	h := HoursReport{Pos: v.pos}
	hs, hp := o.str("hours")
	if hs != "" {
		n, ok := scalarFloat(hs)
		if !ok || !(n >= 0 && n <= 24) { // NaN compares false with everything
			l.errf(hp, "", "hours must be a number from 0 to 24, not %s", quote(hs))
		} else {
			h.Hours = n
		}
	} else if o.v != nil {
		l.errf(o.pos, "", "hours report has no hours figure")
	}
	h.Text = o.text("text")
	h.Sources = o.refs("sources", "source")
	if len(h.Sources) == 0 && o.v != nil {
		l.errf(o.pos, "say who reports this figure: sources: [id]", "hours report has no source")
	}
	o.done()
	return h
}

// event reads one event of a day.
func (l *loader) event(v *yval) Event {
	o := l.object(v, "event")
	e := Event{Pos: v.pos}
	e.Text, _ = o.req("text")
	e.Account = o.ref("account", "account")
	e.Sources = o.refs("sources", "source")
	if len(e.Sources) == 0 && o.v != nil {
		l.errf(o.pos, "attribute each event: sources: [id]", "event has no source")
	}
	o.done()
	return e
}

// checkDays checks that days are in date order with unique dates, and that
// each day carries what it should.
func (l *loader) checkDays() {
	var prev *Day
	for i := range l.d.Days {
		day := &l.d.Days[i]
		if day.Date.IsZero() {
			continue
		}
		if prev != nil {
			switch {
			case day.Date.Equal(prev.Date):
				l.errf(day.Pos, "", "day %s has the same date as day %s (%s)", quote(day.ID), quote(prev.ID), shortPos(prev.Pos))
			case day.Date.Before(prev.Date):
				l.errf(day.Pos, "list days in date order", "day %s (%s) comes after day %s (%s)",
					quote(day.ID), day.Date.Format(time.DateOnly), quote(prev.ID), prev.Date.Format(time.DateOnly))
			}
		}
		prev = day
		if day.Phase == PhaseTalks && len(day.Hours) == 0 {
			l.warnf(day.Pos, "", "talk day %s has no report of the hours of talks", quote(day.ID))
		}
		if len(day.Events) == 0 {
			l.warnf(day.Pos, "", "day %s has no events", quote(day.ID))
		}
	}
}
