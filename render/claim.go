package render

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// shown is what a block of badges, tags and Markdown shows: a claim's, or
// an event's (which has sources but no grade, days or disputes of its own).
type shown struct {
	text     string
	sources  []string
	cred     int
	days     []string
	disputed bool
}

func claimShown(cl *dossier.Claim) shown {
	return shown{cl.Text, cl.Sources, cl.Cred, cl.Days, len(cl.Discrepancies) > 0}
}

// Claim returns the lines of one rendered claim at the given width and
// style: a line (or more) of source badges and day tags, then the claim's
// Markdown. Lines carry no trailing padding; each is at most width cells
// wide as measured by ansi.StringWidth. The result is cached by what it
// shows (ClaimKey) and shared, so callers must not modify it.
func (c *Cache) Claim(d *dossier.Dossier, cl *dossier.Claim, width int, st Style) []string {
	return c.claim(d, cl, width, st, "")
}

// Event returns the lines of one event of a day, as Claim does for a
// claim: its source badges, then its Markdown; cached and shared alike.
func (c *Cache) Event(d *dossier.Dossier, ev *dossier.Event, width int, st Style) []string {
	return c.block(d, shown{text: ev.Text, sources: ev.Sources}, width, st, "")
}

// claim does the work of Claim. A non-empty plain note renders the claim as
// plain text under that note (Compare passes one for a topic over its
// budget); such renders are cached apart from the formatted ones.
func (c *Cache) claim(d *dossier.Dossier, cl *dossier.Claim, width int, st Style, plain string) []string {
	return c.block(d, claimShown(cl), width, st, plain)
}

// block renders what a claim or an event shows, through the cache.
func (c *Cache) block(d *dossier.Dossier, sh shown, width int, st Style, plain string) []string {
	k := blockKey(d, sh, width, st, plain)
	if v, ok := c.get(k); ok {
		c.count(func(s *Stats) { s.ClaimHits++ })
		return v.([]string)
	}
	l := c.layout(width, st)
	l.renderMu.Lock()
	defer l.renderMu.Unlock()
	if v, ok := c.get(k); ok { // rendered while we waited
		c.count(func(s *Stats) { s.ClaimHits++ })
		return v.([]string)
	}
	c.count(func(s *Stats) { s.ClaimMisses++ })
	if plain == "" && c.cost(sh.text) > claimBudget {
		plain = noteClaimTooComplex
	}
	lines := l.renderBlock(d, sh, plain)
	c.put(k, lines, linesSize(lines))
	return lines
}

// renderBlock renders a block, as plain text under the note plain when it
// is not ""; the caller holds l.renderMu.
func (l *layout) renderBlock(d *dossier.Dossier, sh shown, plain string) []string {
	width := l.key.width
	lines := wrapTokens(l.theme.tokens(d, sh), width)
	src := Clean(sh.text)
	var body []string
	if plain != "" {
		body = l.plainBlock(src, plain)
	} else {
		body = l.markdown(src)
	}
	for _, line := range body {
		if ansi.StringWidth(line) > width {
			line = Slice(line, 0, width, ansi.GraphemeWidth)
		}
		lines = append(lines, line)
	}
	return lines
}

// Badge returns the plain text of a source badge: the source's short name,
// its reliability grade and the claim's credibility grade ("Dawn B2"). An
// unknown source id is shown as the id with a "?" grade.
func Badge(d *dossier.Dossier, sourceID string, cred int) string {
	name, grade := sourceID, "?"
	if s, ok := d.Source(sourceID); ok {
		name = s.Short
		if name == "" {
			name = s.Outlet
		}
		if s.Reliability != "" {
			grade = s.Reliability
		}
	}
	label := Clean(name) + " " + Clean(grade)
	if cred > 0 {
		label += strconv.Itoa(cred)
	}
	return strings.ReplaceAll(label, "\n", " ")
}

// DayTag returns the short label of a day ("27 Oct"), or the id when the
// day is unknown or undated.
func DayTag(d *dossier.Dossier, dayID string) string {
	if day, ok := d.Day(dayID); ok && !day.Date.IsZero() {
		return day.Date.Format("2 Jan")
	}
	return Clean(dayID)
}

// tokens returns the styled badges and tags of a block.
func (t *Theme) tokens(d *dossier.Dossier, sh shown) []string {
	var toks []string
	for _, id := range sh.sources {
		label := Badge(d, id, sh.cred)
		grade := ""
		if s, ok := d.Source(id); ok {
			grade = s.Reliability
		}
		if t.Brackets {
			label = "[" + label + "]"
		} else {
			label = " " + label + " "
		}
		toks = append(toks, t.badgeStyle(grade).Render(label))
	}
	for _, id := range sh.days {
		tag := DayTag(d, id)
		if t.Brackets {
			tag = "(" + tag + ")"
		}
		toks = append(toks, t.Day.Render(tag))
	}
	if sh.disputed {
		toks = append(toks, t.Contradict.Render("⚑ disputed"))
	}
	return toks
}

// wrapTokens lays tokens out on lines of at most width cells, one space
// apart; a token wider than a line is cut.
func wrapTokens(toks []string, width int) []string {
	var (
		lines []string
		cur   strings.Builder
		w     int
	)
	for _, tok := range toks {
		tw := ansi.StringWidth(tok)
		if tw > width {
			tok, tw = Slice(tok, 0, width, ansi.GraphemeWidth), width
		}
		if w > 0 && w+1+tw > width {
			lines = append(lines, cur.String())
			cur.Reset()
			w = 0
		}
		if w > 0 {
			cur.WriteByte(' ')
			w++
		}
		cur.WriteString(tok)
		w += tw
	}
	if w > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
