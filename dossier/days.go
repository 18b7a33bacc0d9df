package dossier

import (
	"slices"
	"strconv"
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
		day.Status = l.dayStatus(o)
		for _, rv := range o.list("versions") {
			day.Readings = append(day.Readings, l.reading(rv))
		}
		day.Phase = l.phase(ph, pp, day.Date, dp, &day)
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

// readingNames are the values of a reading's "as": what a source makes of
// a disputed day.
var readingNames = []string{"talks", "rest", "before", "after"}

// dayStatus reads a day's status: "rest", "disputed", or absent.
func (l *loader) dayStatus(o *obj) DayStatus {
	s, p := o.str("status")
	if s == "" {
		return DayPlain
	}
	for i, n := range dayStatusNames {
		if n != "" && n == s {
			return DayStatus(i)
		}
	}
	l.errf(p, "status is rest (no talks that day) or disputed (sources disagree; list them under versions)",
		"unknown day status %s", quote(s))
	return DayPlain
}

// reading reads one version of a disputed day.
func (l *loader) reading(v *yval) DayReading {
	o := l.object(v, "day version")
	r := DayReading{Pos: v.pos}
	as, ap := o.req("as")
	if as != "" {
		ok := false
		for _, n := range readingNames {
			ok = ok || n == as
		}
		if !ok {
			l.errf(ap, "as is one of "+strings.Join(readingNames, ", "), "unknown reading %s of a day", quote(as))
			as = ""
		}
	}
	r.As = as
	r.Text = o.text("text")
	r.Sources = o.refs("sources", "source")
	if len(r.Sources) == 0 && o.v != nil {
		l.errf(o.pos, "say who reads the day so: sources: [id]", "day version has no source")
	}
	o.done()
	return r
}

// readingPhase is the phase a reading puts a day in.
func readingPhase(as string) (Phase, bool) {
	switch as {
	case "talks", "rest":
		return PhaseTalks, true
	case "before":
		return PhaseBefore, true
	case "after":
		return PhaseAfter, true
	}
	return 0, false
}

// Kind says in a few words what the day was: its phase ("talks",
// "before", "after"), "rest day", or, for a disputed day, the readings
// joined by "or" ("in dispute: talks or after").
func (d *Day) Kind() string {
	switch d.Status {
	case DayRest:
		return "rest day"
	case DayDisputed:
		var as []string
		for _, r := range d.Readings {
			if r.As != "" && !slices.Contains(as, r.As) {
				as = append(as, r.As)
			}
		}
		if len(as) == 0 {
			return "in dispute"
		}
		return "in dispute: " + strings.Join(as, " or ")
	}
	return d.Phase.String()
}

// DayDiscrepancies returns the ids of the discrepancies about a day, each
// once: those its hours reports name, then its events', then those whose
// day field names it. nil when there is none or no such day.
func (d *Dossier) DayDiscrepancies(dayID string) []string {
	day, ok := d.Day(dayID)
	if !ok {
		return nil
	}
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	for _, h := range day.Hours {
		add(h.Discrepancies)
	}
	for _, e := range day.Events {
		add(e.Discrepancies)
	}
	for _, x := range d.Discrepancies {
		if x.Day == dayID {
			add([]string{x.ID})
		}
	}
	return out
}

// HeldTalks reports whether talks are known to have been held on the day:
// a talk-phase day that is neither a rest day nor disputed.
func (d *Day) HeldTalks() bool { return d.Phase == PhaseTalks && d.Status == DayPlain }

// distinctReadings counts the different readings of a day.
func distinctReadings(rs []DayReading) int {
	var as []string
	for _, r := range rs {
		if r.As != "" && !slices.Contains(as, r.As) {
			as = append(as, r.As)
		}
	}
	return len(as)
}

// phase reads a day's phase, inferring it from the dossier's start and end
// when it is not given. A phase that contradicts the dates is warned about,
// unless the day is disputed and one of its readings gives that phase.
func (l *loader) phase(s string, p Pos, date time.Time, dp Pos, day *Day) Phase {
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
			if canInfer && Phase(i) != inferred && !readsAs(day, Phase(i)) {
				l.warnf(p, "", "phase %s does not match the date: the talks run from %s to %s",
					s, l.d.Start.Format(time.DateOnly), l.d.End.Format(time.DateOnly))
			}
			return Phase(i)
		}
	}
	l.errf(p, "phase is one of "+strings.Join(phaseNames[:], ", "), "unknown phase %s", quote(s))
	return inferred
}

// readsAs reports whether a disputed day has a reading that puts it in
// phase ph.
func readsAs(day *Day, ph Phase) bool {
	if day.Status != DayDisputed {
		return false
	}
	for _, r := range day.Readings {
		if rp, ok := readingPhase(r.As); ok && rp == ph {
			return true
		}
	}
	return false
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
	h.Discrepancies = o.refs("disc", "discrepancy")
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
	e.Discrepancies = o.refs("disc", "discrepancy")
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
		if day.HeldTalks() && len(day.Hours) == 0 {
			l.warnf(day.Pos, "status: rest for a day without talks, status: disputed when sources disagree",
				"talk day %s has no report of the hours of talks", quote(day.ID))
		}
		l.checkDayStatus(day)
		if len(day.Events) == 0 {
			l.warnf(day.Pos, "", "day %s has no events", quote(day.ID))
		}
	}
}

// checkDayStatus checks a day's status against its phase, hours and
// readings: a rest day lies inside the talks and reports no hours of talks;
// a disputed day has at least two different readings; readings belong to a
// disputed day only.
func (l *loader) checkDayStatus(day *Day) {
	switch day.Status {
	case DayRest:
		if day.Phase != PhaseTalks {
			l.warnf(day.Pos, "a rest day is a day inside the talks without talks; leave status out for a day "+day.Phase.String()+" the talks",
				"rest day %s is not in the talks (phase %s)", quote(day.ID), day.Phase)
		}
		for _, h := range day.Hours {
			if h.Hours > 0 {
				l.warnf(h.Pos, "if sources disagree whether talks were held, use status: disputed",
					"rest day %s has a report of %s hours of talks", quote(day.ID), strconv.FormatFloat(h.Hours, 'f', -1, 64))
				break
			}
		}
	case DayDisputed:
		if distinctReadings(day.Readings) < 2 {
			l.errf(day.Pos, "list each reading with its sources: versions: [{as: talks, sources: [a]}, {as: after, sources: [b]}]",
				"disputed day %s needs at least two different versions", quote(day.ID))
		}
	}
	if day.Status != DayDisputed && len(day.Readings) > 0 {
		l.errf(day.Readings[0].Pos, "add status: disputed", "day %s has versions but its status is not disputed", quote(day.ID))
	}
}
