package render

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Day is a day laid out for the days view, beside the compare layout it is
// made of: the day's events, then each topic with claims about the day, the
// two accounts aligned as in the compare view (CompareDay). Every line is
// exactly the width asked for (by the method asked for).
type Day struct {
	Lines  []string
	Blocks []DayBlock
	// Events is the number of events shown, Claims the claims of each
	// side.
	Events int
	Claims [2]int
	// EventAt holds the first line of each event shown, by its position
	// in the dossier (the same in the dossier as loaded and as filtered).
	EventAt map[dossier.Pos]int
}

// DayBlock is one topic in a day's layout.
type DayBlock struct {
	Topic string // topic id
	First string // id of the first claim, to open the compare view on
	// Account is the first claim's account.
	Account string
	Start   int // line of the block's title
	Height  int
}

// DayRequest is what a day is laid out for.
type DayRequest struct {
	Day   string    // day id
	Pair  [2]string // the accounts, left and right
	Names [2]string // their names as the header shows them
	Width int
	// Wide lays the two accounts side by side; else one at a time after
	// the gutter mark, Side (0 or 1) the one shown, under tabs.
	Wide  bool
	Side  int
	Style Style
	// Method measures widths.
	Method ansi.Method
}

// DayChrome holds the reader's styles for what a day's layout draws
// around the claims: headings, faint notes and labels. They are the
// session's and are passed in, so that the cache holds no session's style.
type DayChrome struct {
	Heading, Faint, Label lipgloss.Style
}

// DayPaneWidth is the width each account's column of a day is laid out
// at: side by side "left ≠ right", or one at a time after a gutter mark.
func DayPaneWidth(w int, wide bool) int {
	if wide {
		return max(1, (w-3)/2)
	}
	return max(1, w-2)
}

// Day lays a day of d out. It renders through the cache (events and claims
// by what they show, CompareDay for each topic) and may take a while the
// first time; readers call it from a tea.Cmd. An unknown day gives an
// empty layout.
func (c *Cache) Day(d *dossier.Dossier, r DayRequest, ch DayChrome) *Day {
	out := &Day{EventAt: map[dossier.Pos]int{}}
	w, m := r.Width, r.Method
	day, ok := d.Day(r.Day)
	if !ok {
		return out
	}
	add := func(s string) { out.Lines = append(out.Lines, Fit(s, w, m)) }
	add(ch.Heading.Render("Events"))
	if len(day.Events) == 0 {
		msg := "  no event reported"
		if base, ok := d.Base().Day(r.Day); ok && len(base.Events) > 0 {
			// the filters hide them: say which ("no event reported by 27
			// Oct", "no event from Dawn"); FilterWords brings its own verb
			msg = "  no event " + FilterWords(d)
		}
		for i, l := range WrapWords(msg, w-2, m) {
			if i > 0 {
				l = "  " + l
			}
			add(ch.Faint.Render(l))
		}
	}
	for i := range day.Events {
		ev := &day.Events[i]
		lines := c.Event(d, ev, max(1, w-2), r.Style)
		out.EventAt[ev.Pos] = len(out.Lines)
		for j, l := range lines {
			pre := "  "
			if j == 0 {
				pre = "• "
				if ev.Account != "" {
					l += ch.Faint.Render("  " + AccountName(d, ev.Account) + " version")
				}
				if len(ev.Discrepancies) > 0 {
					l += ch.Faint.Render("  ⚑ disputed (d)")
				}
			}
			add(pre + l)
		}
		out.Events++
	}
	add("")
	// the claims, topic by topic
	add(ch.Heading.Render("What the accounts say about " + DayTag(d, day.ID)))
	pw := DayPaneWidth(w, r.Wide)
	if r.Wide {
		add(ch.Label.Render(Fit(r.Names[0], pw, m)) + "   " + ch.Label.Render(r.Names[1]))
	} else {
		add(dayTabs(r.Names, r.Side, ch))
	}
	for ti := range d.Topics {
		t := &d.Topics[ti]
		// the claims about the day, with their counterparts named where
		// they are about another day (dossier.Relate, as everywhere)
		lay := c.CompareDay(d, t, day.ID, r.Pair, pw, r.Style, m)
		if len(lay.Rows) == 0 {
			continue
		}
		b := DayBlock{Topic: t.ID}
		for _, row := range lay.Rows {
			for side, id := range row.IDs {
				if id == "" {
					continue
				}
				out.Claims[side]++
				if b.First == "" {
					b.First, b.Account = id, r.Pair[side]
				}
			}
		}
		add("")
		b.Start = len(out.Lines)
		add("  " + ch.Heading.Render(Clean(t.Title)) + ch.Faint.Render("  · enter opens it in the compare view"))
		for y := 0; y < lay.Len(); y++ {
			if r.Wide {
				add(lay.Lines[0][y] + " " + lay.Marks[y] + " " + lay.Lines[1][y])
			} else {
				add(lay.Marks[y] + " " + lay.Lines[r.Side][y])
			}
		}
		b.Height = len(out.Lines) - b.Start
		out.Blocks = append(out.Blocks, b)
	}
	if len(out.Blocks) == 0 {
		msg := "  Neither account has a claim about this day."
		if !d.Selection().IsZero() {
			for ti := range d.Topics {
				if len(d.Base().Relate(d.Topics[ti].ID, r.Pair[:], day.ID).Rows) > 0 {
					msg = "  Neither account has a claim about this day " + FilterWords(d) + "."
					break
				}
			}
		}
		for i, l := range WrapWords(msg, w-2, m) {
			if i > 0 {
				l = "  " + l // under the first line's indent
			}
			add(ch.Faint.Render(l))
		}
	}
	return out
}

// dayTabs names the two accounts as tabs, the shown one in brackets.
func dayTabs(names [2]string, side int, ch DayChrome) string {
	var tabs [2]string
	for s := range tabs {
		if s == side {
			tabs[s] = ch.Label.Render("[" + names[s] + "]")
		} else {
			tabs[s] = ch.Faint.Render(" " + names[s] + " ")
		}
	}
	return tabs[0] + "│" + tabs[1] + ch.Faint.Render("  tab: the other account")
}
