package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
)

// textBox is an overlay of wrapped lines that scrolls: the legend, and the
// presenter notes when the terminal is too short for their panel. build
// writes the lines for a width; close lists the keys that close it.
type textBox struct {
	c     *Common
	keys  listKeys
	title string
	build func(w int) []string
	close []key.Binding
	off   int
	lines []string
	width int
	rows  int
}

func (b *textBox) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	k := b.c.Keys
	page := max(1, b.rows-1)
	switch {
	case key.Matches(msg, b.keys.Close) || key.Matches(msg, b.close...):
		return nil, nil
	case key.Matches(msg, b.keys.Up, k.Up, k.NotesUp):
		b.off--
	case key.Matches(msg, b.keys.Down, k.Down, k.NotesDown):
		b.off++
	case key.Matches(msg, b.keys.PageDown, k.PageDown):
		b.off += page
	case key.Matches(msg, b.keys.PageUp, k.PageUp):
		b.off -= page
	case key.Matches(msg, k.Top):
		b.off = 0
	case key.Matches(msg, k.Bottom):
		b.off = len(b.lines)
	}
	b.off = clamp(b.off, 0, max(0, len(b.lines)-b.rows))
	return b, nil
}

func (b *textBox) Box(maxW, maxH int) []string {
	inner := min(maxW-2, 84)
	if inner < 8 || maxH < 3 {
		return nil
	}
	if b.width != inner-2 || b.lines == nil {
		b.lines, b.width = b.build(inner-2), inner-2
	}
	b.rows = min(len(b.lines), maxH-2)
	b.off = clamp(b.off, 0, max(0, len(b.lines)-b.rows))
	lines := make([]string, 0, b.rows)
	for i := b.off; i < len(b.lines) && len(lines) < b.rows; i++ {
		lines = append(lines, " "+b.lines[i])
	}
	if more := len(b.lines) - b.off - b.rows; more > 0 && len(lines) > 0 {
		lines[len(lines)-1] = " " + b.c.Styles.Faint.Render("… "+plural(more+1, "more line", "more lines")+": ↓ or pgdn")
	}
	return b.c.frameBox(b.title, lines, inner)
}

func (b *textBox) ShortHelp() []key.Binding {
	out := []key.Binding{}
	if len(b.lines) > b.rows {
		out = append(out, b.c.Keys.Down, b.c.Keys.Up, b.c.Keys.PageDown)
	}
	closeKeys := append(b.close, b.keys.Close)
	keys := []string{}
	for _, c := range closeKeys {
		keys = append(keys, c.Help().Key)
	}
	return append(out, key.NewBinding(key.WithKeys("esc"), key.WithHelp(strings.Join(keys, "/"), "close")))
}

func (b *textBox) FullHelp() [][]key.Binding { return [][]key.Binding{b.ShortHelp()} }

// newLegend returns the legend overlay: what the badges, grades, marks and
// tags mean, with examples from the dossier.
func newLegend(c *Common) *textBox {
	return &textBox{c: c, keys: newListKeys(true), title: "Legend", build: c.legend,
		close: []key.Binding{c.Keys.Legend}}
}

// legend writes the legend wrapped at w cells.
func (c *Common) legend(w int) []string {
	st := c.Styles
	var out []string
	head := func(s string) {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, st.OverlayTitle.Render(s))
	}
	// item writes a term and what it means, the meaning wrapped under the
	// term's column
	const col = 12
	item := func(term, meaning string) {
		tw := c.Method.StringWidth(term)
		if tw > col-1 {
			out = append(out, st.Label.Render(term))
			term, tw = "", 0
		}
		for i, l := range c.wrap(meaning, w-col, 0) {
			if i == 0 {
				out = append(out, st.Label.Render(term)+strings.Repeat(" ", col-tw)+l)
			} else {
				out = append(out, strings.Repeat(" ", col)+l)
			}
		}
	}
	badge, outlet := c.exampleBadge()
	head("Source badges")
	item(badge, "a claim's source: "+outlet+"the source's reliability (a letter) and how credible the claim is (a digit). "+
		"A claim shows one badge per source; an event's or an hours figure's badge has no digit, nor, as of a day, a claim whose grade weighed later sources.")
	for _, g := range []string{"A", "B", "C", "D", "E", "F"} {
		item("  "+g, "reliability: "+gradeMeaning[g])
	}
	for i := 1; i < len(credMeaning); i++ {
		item("  "+strconv.Itoa(i), "credibility: "+credMeaning[i])
	}
	item("names", c.exampleNames()+" a report, not an outlet: "+
		c.Keys.Provenance.Help().Key+" on a claim (provenance) gives each source's outlet, origin, date, grade and "+
		"why; view 5 lists every source.")
	item("●", "in view 5: the source the filter shows only ("+c.Keys.ClearFilter.Help().Key+" clears it)") // sources.go
	head("Marks between the panes")
	item("=", "the two accounts agree")
	item("≠", "they contradict each other")
	item("◂  ▸", "only the left (◂) or the right (▸) account speaks to this")
	item("·", "a pair not marked either way")
	item("⚑ disputed", "the claim touches a disputed fact: "+c.Keys.Discrepancies.Help().Key+" shows it, view 6 lists them all")
	item("▌", "the current claim: the one "+c.Keys.Provenance.Help().Key+" explains")
	head("Your marks") // notes_keys.go
	item("★", "you bookmarked it ("+c.Keys.Bookmark.Help().Key+"; "+c.Keys.Bookmarks.Help().Key+" lists your bookmarks and notes)")
	item("✎", "you wrote a note on it ("+c.Keys.Note.Help().Key+"; the provenance shows it in full)")
	item("changed", "its text was edited since your note")
	item("orphaned", "in your bookmarks: what the note was on is gone from the dossier; the note is kept")
	item("new", "new or changed since you last read the dossier ("+c.Keys.OnlyNew.Help().Key+" shows only those)")
	head("Days")
	item(c.exampleDay(), "a day tag: the day a claim speaks of")
	item("before", "days before the talks; “talks” are the days of the talks, “after” the days after")
	item("9≠11h", "on the days strip: sources disagree on how long the talks ran")
	// the strip's other marks (timeline.go)
	item(c.exampleDay()+"⚑", "on the days strip: a disputed fact is about that day ("+c.Keys.Discrepancies.Help().Key+" shows it)")
	item("talks?", "on the days strip: a day in dispute, the sources disagree on what it was (“?” alone: "+
		"no reading is known yet); rules set it apart from both sides")
	item("rest", "a day inside the talks on which no talks were held")
	item("┊", "on the days strip: the rule between before, talks and after")
	item("‹  ›", "the strip goes on past that edge")
	head("Views and going back")
	item("0–6", "overview, compare, days, delegations, demands, sources, discrepancies")
	item(c.Keys.HistoryBack.Help().Key, "back to where the last jump started (ctrl+] goes forward again)")
	out = append(out, "", st.Faint.Render("Without colour, badges are ["+badge+"] and day tags ("+c.exampleDay()+")."))
	return out
}

// exampleBadge returns a badge of the dossier with a credibility digit
// ("Dawn B2") and "Dawn (Dawn), " naming its outlet, or a made-up one.
func (c *Common) exampleBadge() (badge, outlet string) {
	for _, t := range c.Base.Topics {
		for _, s := range t.Sections {
			for _, cl := range s.Claims {
				for _, id := range cl.Sources {
					if src, ok := c.Base.Source(id); ok && cl.Cred > 0 && src.Reliability != "" {
						name := render.Clean(src.Short)
						if name == "" {
							name = render.Clean(src.Outlet)
						}
						return render.Badge(c.Base, id, cl.Cred), "its name (" + name + "), "
					}
				}
			}
		}
	}
	return "Dawn B2", "its name (Dawn), "
}

// exampleNames names this dossier's sources whose short name is not
// in their outlet's name, with the verb ("a name such as “PK sources” or “AF-side
// report” is"), or its first source's ("… may be"); the legend once named
// the embedded dossier's in every dossier.
func (c *Common) exampleNames() string {
	var names []string
	for _, src := range c.Base.Sources {
		if short := render.Clean(src.Short); short != "" && !strings.Contains(render.Clean(src.Outlet), short) && len(names) < 2 {
			names = append(names, "“"+short+"”")
		}
	}
	if len(names) == 0 {
		for _, src := range c.Base.Sources {
			if short := render.Clean(src.Short); short != "" {
				return "a name such as “" + short + "” may be"
			}
		}
		return "a source's name may be"
	}
	return "a name such as " + strings.Join(names, " or ") + " is"
}

// exampleDay returns the tag of the dossier's first day.
func (c *Common) exampleDay() string {
	if len(c.Base.Days) > 0 {
		return render.DayTag(c.Base, c.Base.Days[0].ID)
	}
	return "25 Oct"
}

// helpNotes are the lines the `?` overlay adds under the keys.
func (c *Common) helpNotes() []string {
	st := c.Styles
	badge, _ := c.exampleBadge()
	return []string{
		st.Faint.Render(" " + c.Keys.Legend.Help().Key + ": what " + badge + ", = ≠ ◂ ▸ ⚑ ▌ ★ ✎ and day tags mean"),
		st.Faint.Render(" shift+drag selects text (or start with --mouse=false)"),
	}
}
