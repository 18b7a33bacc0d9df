// Package textout writes a dossier as text, for pipes and scripts: a topic
// as two columns aligned claim by claim exactly as the reader lays them
// out (the render package's alignment and layout), a day with its events
// and the two accounts' claims about it, and the other views as tables.
// Every line is at most Options.Width cells wide, and nothing from the
// dossier reaches the output but printable text (and, with colour, the
// SGR sequences of its own styling).
package textout

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
)

// Views that Options.View may name: the reader's views after the overview
// and compare (dossier.Views, the one list of view names).
var Views = dossier.Views[2:]

// Options say what to write and how.
type Options struct {
	// Topic is a topic id; Day a day id or a date (YYYY-MM-DD); View one
	// of Views. Topic and Day together write the topic's claims about the
	// day; View goes alone. With none of them every topic is written.
	Topic, Day, View string
	// Pair holds the two accounts side by side; zero means the dossier's
	// default pair.
	Pair [2]string
	// Third is a third account beside the pair ("" for two): topics are
	// then written as three columns aligned on the same rows, the mark of
	// each neighbouring pair between them.
	Third string
	// AlsoNote, when set, ends the output with the accounts left out
	// ("also: Mediators, Independent — use --accounts"), for a reader who
	// did not choose the accounts.
	AlsoNote bool
	// Width is the most cells a line may take (at least MinWidth).
	Width int
	// Color keeps the styling; without it the output is plain text.
	Color bool
	// Cache renders claims; nil makes a private one.
	Cache *render.Cache
}

// MinWidth is the narrowest output Write lays out.
const MinWidth = 30

// writer accumulates lines and enforces the width and the hygiene.
type writer struct {
	d     *dossier.Dossier
	o     Options
	style render.Style
	bold  lipgloss.Style
	faint lipgloss.Style
	out   *bufio.Writer
	err   error
}

// line writes one line, cut to the width, with every control character
// and (without colour) every escape sequence removed.
func (w *writer) line(s string) {
	if w.err != nil {
		return
	}
	s = render.FilterANSI(s)
	if !w.o.Color {
		s = sanitize.Text(ansi.Strip(s))
	}
	if ansi.StringWidth(s) > w.o.Width {
		s = render.Slice(s, 0, w.o.Width, ansi.WcWidth)
	}
	if !w.o.Color {
		s = strings.TrimRight(s, " ")
	}
	_, w.err = w.out.WriteString(s + "\n")
}

// wrap writes text wrapped at the width, each following line indented.
func (w *writer) wrap(s string, indent int) {
	pre := strings.Repeat(" ", indent)
	for i, l := range render.WrapWords(s, w.o.Width-indent, ansi.WcWidth) {
		if i > 0 {
			l = pre + l
		}
		w.line(l)
	}
}

// Write writes what o asks for. Unknown ids are an error naming them.
func Write(out io.Writer, d *dossier.Dossier, o Options) error {
	if d == nil {
		return fmt.Errorf("no dossier")
	}
	o.Width = max(o.Width, MinWidth)
	if o.Cache == nil {
		o.Cache = render.NewCache()
	}
	if o.Pair == ([2]string{}) {
		o.Pair = d.DefaultPair
	}
	for _, a := range o.Pair {
		if _, ok := d.Account(a); !ok {
			return fmt.Errorf("unknown account %q (accounts: %s)", sanitize.Text(a), accountIDs(d))
		}
	}
	if o.Pair[0] == o.Pair[1] {
		return fmt.Errorf("the two accounts must differ")
	}
	if o.Third != "" {
		if _, ok := d.Account(o.Third); !ok {
			return fmt.Errorf("unknown account %q (accounts: %s)", sanitize.Text(o.Third), accountIDs(d))
		}
		if o.Third == o.Pair[0] || o.Third == o.Pair[1] {
			return fmt.Errorf("the three accounts must differ")
		}
	}
	w := &writer{d: d, o: o, style: render.StyleNoTTY, out: bufio.NewWriter(out)}
	if o.Color {
		w.style = render.StyleDark
		w.bold = lipgloss.NewStyle().Bold(true)
		w.faint = lipgloss.NewStyle().Faint(true)
	}
	if o.View != "" && (o.Topic != "" || o.Day != "") {
		return fmt.Errorf("--view writes a whole view: give it without --topic and --day")
	}
	switch {
	case o.Topic != "" && o.Day != "":
		t, ok := d.Topic(o.Topic)
		if !ok {
			return fmt.Errorf("unknown topic %q (topics: %s)", dossier.Sanitize(o.Topic), topicIDs(d))
		}
		day, ok := findDay(d, o.Day)
		if !ok {
			return fmt.Errorf("unknown day %q (days: %s)", dossier.Sanitize(o.Day), dayIDs(d))
		}
		w.topicDay(t, day)
	case o.Topic != "":
		t, ok := d.Topic(o.Topic)
		if !ok {
			return fmt.Errorf("unknown topic %q (topics: %s)", sanitize.Text(o.Topic), topicIDs(d))
		}
		w.topic(t)
	case o.Day != "":
		day, ok := findDay(d, o.Day)
		if !ok {
			return fmt.Errorf("unknown day %q (days: %s)", sanitize.Text(o.Day), dayIDs(d))
		}
		w.day(day)
	case o.View != "":
		if err := w.view(o.View); err != nil {
			return err
		}
	default:
		w.line(w.bold.Render(render.Clean(d.Title)))
		w.line("")
		for i := range d.Topics {
			if i > 0 {
				w.line("")
			}
			w.topic(&d.Topics[i])
		}
	}
	if o.View == "" {
		w.key()
	}
	if o.AlsoNote && (o.View == "" || o.Day != "" || o.Topic != "") {
		if also := w.alsoNote(); also != "" {
			w.line("")
			w.wrap(w.faint.Render(also), 0)
		}
	}
	if w.err != nil {
		return w.err
	}
	return w.out.Flush()
}

// alsoNote names the accounts the output leaves out: "also: Mediators,
// Independent — use --accounts a,b,c"; "" when every account is shown.
func (w *writer) alsoNote() string {
	var left []string
	for _, a := range w.d.Accounts {
		if a.ID != w.o.Pair[0] && a.ID != w.o.Pair[1] && a.ID != w.o.Third {
			left = append(left, render.Clean(a.Name)+" ("+render.Clean(a.ID)+")")
		}
	}
	if len(left) == 0 {
		return ""
	}
	return "also: " + strings.Join(left, ", ") + " — use --accounts a,b or a,b,c"
}

// key ends a topic or a day with what its marks mean, as the reader's
// legend and the handout's "How to read it" do: the text is read away
// from the reader, where i is no help. An item is never split across
// lines unless it is wider than a line.
func (w *writer) key() {
	items := []string{"= the accounts agree", "≠ they contradict each other",
		"◂ ▸ only the left or the right account speaks to it",
		"[Outlet B2] a source, its reliability A–F and the claim's credibility 1–6",
		"(25 Oct) the day a claim speaks of",
		"⚑ disputed: the claim touches a fact the sources disagree on (print --view discrepancies lists them)"}
	w.line("")
	cur, sep := "Marks:", " "
	for _, it := range items {
		if ansi.StringWidth(cur+sep+it) <= w.o.Width {
			cur, sep = cur+sep+it, " · "
			continue
		}
		w.line(w.faint.Render(cur))
		ls := render.WrapWords(it, w.o.Width-2, ansi.WcWidth)
		for _, l := range ls[:len(ls)-1] {
			w.line(w.faint.Render("  " + l))
		}
		cur, sep = "  "+ls[len(ls)-1], " · "
	}
	w.line(w.faint.Render(cur))
}

// findDay finds a day by id or by date.
func findDay(d *dossier.Dossier, s string) (*dossier.Day, bool) {
	if day, ok := d.Day(s); ok {
		return day, true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		for i := range d.Days {
			if d.Days[i].Date.Equal(t) {
				return &d.Days[i], true
			}
		}
	}
	return nil, false
}

// colWidth is the width of each column: "left m right", or with a third
// account "left m middle m right".
func (w *writer) colWidth() int {
	if w.o.Third != "" {
		return max(1, (w.o.Width-6)/3)
	}
	return max(1, (w.o.Width-3)/2)
}

// heading writes a topic's or a day's heading, underlined.
func (w *writer) heading(s string) {
	s = render.Clean(s)
	w.line(w.bold.Render(s))
	w.line(strings.Repeat("─", min(w.o.Width, ansi.StringWidth(s))))
}

// columns writes the names of the two accounts over their columns.
func (w *writer) columns() {
	cw := w.colWidth()
	left := render.Fit(w.bold.Render(accountName(w.d, w.o.Pair[0])), cw, ansi.WcWidth)
	if w.o.Third != "" {
		mid := render.Fit(w.bold.Render(accountName(w.d, w.o.Pair[1])), cw, ansi.WcWidth)
		w.line(left + "   " + mid + "   " + w.bold.Render(accountName(w.d, w.o.Third)))
		return
	}
	w.line(left + "   " + w.bold.Render(accountName(w.d, w.o.Pair[1])))
}

// aligned writes a topic as two columns laid out by the render package,
// the relation mark between them.
func (w *writer) aligned(t *dossier.Topic) {
	if w.o.Third != "" {
		trio := [3]string{w.o.Pair[0], w.o.Pair[1], w.o.Third}
		w.layout(w.o.Cache.Synopsis(w.d, t, trio, w.colWidth(), w.style, ansi.WcWidth))
		return
	}
	w.layout(w.o.Cache.Compare(w.d, t, w.o.Pair, w.colWidth(), w.style, ansi.WcWidth))
}

// layout writes a compare layout as two columns (three for a synopsis),
// the mark of each neighbouring pair between them.
func (w *writer) layout(lay *render.Compare) {
	for y := 0; y < lay.Len(); y++ {
		s := lay.Lines[0][y] + " " + lay.Marks[y] + " " + lay.Lines[1][y]
		if lay.Third != "" {
			s += " " + lay.ThirdMarks[y] + " " + lay.ThirdLines[y]
		}
		w.line(s)
	}
}

// topic writes a topic: its title, summary, and the two accounts aligned.
func (w *writer) topic(t *dossier.Topic) {
	w.heading(t.Title)
	if t.Summary != "" {
		w.wrap(inline(t.Summary), 0)
	}
	w.line("")
	w.columns()
	w.aligned(t)
}

// topicDay writes a topic's claims about one day, each with its
// counterpart named (or shown dimmed) when that is about another day.
func (w *writer) topicDay(t *dossier.Topic, day *dossier.Day) {
	w.heading(render.Clean(t.Title) + " · " + render.DayTag(w.d, day.ID))
	lay := w.o.Cache.CompareDay(w.d, t, day.ID, w.o.Pair, w.colWidth(), w.style, ansi.WcWidth)
	if len(lay.Rows) == 0 {
		w.line("  Neither account has a claim about " + render.DayTag(w.d, day.ID) + " on this topic.")
		return
	}
	w.line("")
	w.columns()
	w.layout(lay)
}

// day writes a day: its title, the hours as each source gives them, its
// events, and the claims of the two accounts about it, topic by topic.
func (w *writer) day(day *dossier.Day) {
	d := w.d
	title := day.ID
	if !day.Date.IsZero() {
		title = day.Date.Format("Mon 2 Jan 2006")
	}
	if day.Label != "" {
		title += " · " + day.Label
	}
	w.heading(title + " · " + day.Kind())
	for _, r := range day.Readings {
		s := "as " + r.As
		if r.Text != "" {
			s += ": " + inline(r.Text)
		}
		w.wrap("in dispute: "+s+" ["+badges(d, r.Sources)+"]", 2)
	}
	if len(day.Hours) > 0 {
		w.wrap("hours: "+hours(d, day.Hours), 2)
	}
	w.line("")
	w.line(w.bold.Render("Events"))
	if len(day.Events) == 0 {
		w.line("  none reported")
	}
	for _, e := range day.Events {
		s := "• " + inline(e.Text) + " [" + badges(d, e.Sources) + "]"
		if e.Account != "" {
			s += " (" + accountName(d, e.Account) + " version)"
		}
		if len(e.Discrepancies) > 0 {
			s += " ⚑ disputed: " + strings.Join(e.Discrepancies, ", ")
		}
		w.wrap(s, 2)
	}
	w.line("")
	w.line(w.bold.Render("What the accounts say about " + render.DayTag(d, day.ID)))
	any := false
	for i := range d.Topics {
		t := &d.Topics[i]
		lay := w.o.Cache.CompareDay(d, t, day.ID, w.o.Pair, w.colWidth(), w.style, ansi.WcWidth)
		if len(lay.Rows) == 0 {
			continue
		}
		if !any {
			w.columns()
		}
		any = true
		w.line("")
		w.line("── " + w.bold.Render(render.Clean(t.Title)) + " ──")
		w.layout(lay)
	}
	if !any {
		w.line("  Neither account has a claim about this day.")
	}
}
