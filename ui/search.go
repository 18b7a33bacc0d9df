package ui

import (
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/search"
)

// maxHits bounds the results a search lists.
const maxHits = 500

// Query is a search the user went to: its text, its matches across the
// dossier, and where n and N are in each view.
type Query struct {
	Text    string
	Hits    []search.Hit
	matcher search.Matcher
	cur     map[ViewID]int
}

// newQuery searches the dossier as loaded.
func newQuery(c *Common, text string) *Query {
	return &Query{Text: text, Hits: c.find(text, maxHits), matcher: matcherFor(text), cur: map[ViewID]int{}}
}

// viewOf returns the view that shows a search hit.
func viewOf(k search.Kind) ViewID {
	switch k {
	case search.KindDay, search.KindEvent:
		return ViewDays
	case search.KindDelegation, search.KindMember:
		return ViewDelegations
	case search.KindDemand:
		return ViewDemands
	case search.KindSource:
		return ViewSources
	case search.KindDiscrepancy:
		return ViewDiscrepancies
	}
	return ViewCompare
}

// visible reports whether the filters let a hit through.
func (c *Common) visible(h search.Hit) bool {
	if len(h.Doc.Sources) == 0 {
		return true
	}
	switch h.Doc.Kind {
	case search.KindClaim, search.KindEvent:
		// shown when the dossier as seen keeps it: as of a day that is
		// more than its citations (a text naming a later source goes)
		return c.keeps(h.Doc)
	}
	return c.Sel.Admits(c.Base, h.Doc.Sources)
}

// keeps reports whether the dossier as seen holds the claim or event a
// search document stands for.
func (c *Common) keeps(doc *search.Doc) bool {
	if c.Sel.IsZero() {
		return true
	}
	if doc.Kind == search.KindEvent {
		base, ok := c.Base.Day(doc.Day)
		seen, ok2 := c.Dossier.Day(doc.Day)
		if !ok || !ok2 || doc.Member < 0 || doc.Member >= len(base.Events) {
			return false
		}
		for _, e := range seen.Events {
			if e.Pos == base.Events[doc.Member].Pos {
				return true
			}
		}
		return false
	}
	t, ok := c.Dossier.Topic(doc.Topic)
	if !ok {
		return false
	}
	if sec, ok := t.Section(doc.Account); ok {
		for _, cl := range sec.Claims {
			if cl.ID == doc.Claim {
				return true
			}
		}
	}
	return false
}

// jumpTo returns the jump that shows a hit.
func (c *Common) jumpTo(h search.Hit) JumpMsg {
	d := h.Doc
	j := JumpMsg{View: viewOf(d.Kind)}
	switch d.Kind {
	case search.KindTopic:
		j.Pos = Position{Topic: d.Topic}
	case search.KindClaim:
		j.Pos = Position{Topic: d.Topic, Anchor: d.Claim, Accounts: c.pairWith(d.Account)}
	case search.KindDay:
		j.Pos = Position{Day: d.Day}
	case search.KindEvent:
		j.Pos = Position{Day: d.Day}
		j.Item = "event/" + strconv.Itoa(d.Member)
	case search.KindDelegation:
		j.Item = d.Party
	case search.KindMember:
		j.Item = d.Party + "/" + strconv.Itoa(d.Member)
	case search.KindDemand:
		j.Item = d.Demand
	case search.KindSource:
		j.Item = d.Source
	case search.KindDiscrepancy:
		j.Item = d.Discrepancy
	}
	return j
}

// where names the place of a hit: "Sanctuaries · Pakistani", "26 Oct", …
func (c *Common) where(h search.Hit) string {
	d, b := h.Doc, c.Base
	topic := func(id string) string {
		if t, ok := b.Topic(id); ok {
			return render.Clean(t.Title)
		}
		return render.Clean(id)
	}
	switch d.Kind {
	case search.KindClaim:
		return topic(d.Topic) + " · " + c.AccountName(d.Account)
	case search.KindDay, search.KindEvent:
		return render.DayTag(b, d.Day)
	case search.KindDelegation, search.KindMember:
		return render.Clean(b.PartyName(d.Party)) + " delegation"
	case search.KindDemand:
		return "demand of " + render.Clean(b.PartyName(d.Party))
	}
	return ""
}

// walk goes to the next (dir 1) or previous (-1) match of the search that
// the current view shows.
func (m *Model) walk(dir int) tea.Cmd {
	q := m.c.Query
	if q == nil {
		m.status = "no search yet: press / to search"
		return nil
	}
	var mine []search.Hit
	for _, h := range q.Hits {
		if viewOf(h.Doc.Kind) == m.active && m.c.visible(h) {
			if h.Doc.Kind == search.KindClaim && h.Doc.Account != m.c.Pair[0] && h.Doc.Account != m.c.Pair[1] {
				continue // walking does not change the accounts
			}
			mine = append(mine, h)
		}
	}
	if len(mine) == 0 {
		m.status = "no match for “" + q.Text + "” in this view"
		return nil
	}
	// in the compare view, in reading order: topic by topic, each topic's
	// title before its claims
	topicOf := func(h search.Hit) int {
		i, _ := m.c.Base.TopicIndex(h.Doc.Topic)
		return i
	}
	sort.SliceStable(mine, func(i, j int) bool {
		ti, tj := topicOf(mine[i]), topicOf(mine[j])
		if ti != tj {
			return ti < tj
		}
		return mine[i].Doc.Kind < mine[j].Doc.Kind
	})
	i, ok := q.cur[m.active]
	switch {
	case !ok && dir < 0:
		i = len(mine) - 1
	case !ok:
		i = 0
	default:
		i = (i + dir + len(mine)) % len(mine)
	}
	q.cur[m.active] = i
	m.status = "match " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(mine)) + " in this view"
	return m.jump(m.c.jumpTo(mine[i]))
}

// highlight marks the matches of the search in the body's lines, keeping
// every line's width.
func (m *Model) highlight(lines []string) []string {
	q := m.c.Query
	if q == nil || q.matcher.Empty() {
		return lines
	}
	st := m.c.Styles.Selected
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l
		plain := ansi.Strip(l)
		spans := q.matcher.Spans(plain)
		if len(spans) == 0 {
			continue
		}
		w := m.c.Method.StringWidth(l)
		var b strings.Builder
		col := 0
		for _, s := range spans {
			from := m.c.Method.StringWidth(plain[:s[0]])
			to := from + m.c.Method.StringWidth(plain[s[0]:s[1]])
			b.WriteString(render.Slice(l, col, from, m.c.Method))
			b.WriteString(st.Render(plain[s[0]:s[1]]))
			col = to
		}
		b.WriteString(render.Slice(l, col, w, m.c.Method))
		out[i] = b.String()
	}
	return out
}

// searchBox is the search overlay: a text field and the matches across
// the dossier, listed with their context as the user types.
type searchBox struct {
	c     *Common
	keys  listKeys
	input textinput.Model
	hits  []search.Hit
	sel   int
	page  int
	// recall is the index in Common.Recent of the search ↑ put in the
	// field, -1 when the field holds what the user typed.
	recall int
}

func newSearchBox(c *Common) *searchBox {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search topics, days, claims, delegations, demands, sources"
	s := in.Styles()
	s.Cursor.Blink = false
	in.SetStyles(s)
	in.CharLimit = 200
	in.Focus()
	// each search starts empty; the last one is ↑ away
	b := &searchBox{c: c, keys: newListKeys(false), input: in, page: 10, recall: -1}
	if n := len(c.Recent); n > 0 {
		b.input.Placeholder = "↑ recalls “" + c.Recent[n-1] + "”"
	}
	return b
}

// refresh searches for what is in the field.
func (b *searchBox) refresh() {
	b.hits = b.hits[:0]
	for _, h := range b.c.find(b.input.Value(), maxHits) {
		if b.c.visible(h) {
			b.hits = append(b.hits, h)
		}
	}
	b.hits = append(b.c.noteHits(b.input.Value()), b.hits...) // notes.go: your notes first
	b.sel = 0
}

func (b *searchBox) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	if b.recallKey(msg) {
		return b, nil
	}
	if sel, ok := b.keys.move(msg, b.sel, len(b.hits), b.page); ok {
		b.sel = sel
		return b, nil
	}
	switch {
	case key.Matches(msg, b.keys.Close):
		return nil, nil
	case key.Matches(msg, b.keys.Choose):
		if len(b.hits) == 0 {
			return b, nil
		}
		q := newQuery(b.c, b.input.Value())
		b.c.Query = q
		b.c.rememberSearch(q.Text)
		h := b.hits[b.sel]
		for i, x := range q.Hits { // n continues from the chosen match
			if x.Doc == h.Doc {
				n := 0
				for _, y := range q.Hits[:i] {
					if viewOf(y.Doc.Kind) == viewOf(h.Doc.Kind) && b.c.visible(y) {
						n++
					}
				}
				q.cur[viewOf(h.Doc.Kind)] = n
			}
		}
		return nil, JumpCmd(b.c.jumpTo(h))
	}
	before := b.input.Value()
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	if b.input.Value() != before {
		b.recall = -1
		b.refresh()
	}
	return b, cmd
}

// recallKey puts an earlier search in the field: ↑ when the field is
// empty or holds a recalled search goes one further back, ↓ forward.
func (b *searchBox) recallKey(msg tea.KeyPressMsg) bool {
	r := b.c.Recent
	switch {
	case len(r) == 0:
		return false
	case key.Matches(msg, b.keys.Up) && (b.input.Value() == "" || b.recall >= 0 && b.sel == 0):
		if b.recall < 0 {
			b.recall = len(r)
		}
		b.recall = max(0, b.recall-1)
	case key.Matches(msg, b.keys.Down) && b.recall >= 0 && b.sel == 0 && len(b.hits) <= 1:
		if b.recall++; b.recall >= len(r) {
			b.recall = -1
			b.input.SetValue("")
			b.refresh()
			return true
		}
	default:
		return false
	}
	b.input.SetValue(r[b.recall])
	b.input.CursorEnd()
	b.refresh()
	return true
}

func (b *searchBox) Box(maxW, maxH int) []string {
	st := b.c.Styles
	inner := min(maxW-2, 100)
	if inner < 10 || maxH < 5 {
		return nil
	}
	b.input.SetWidth(inner - 5)
	lines := []string{b.input.View(), ""}
	rows := max(1, maxH-2-len(lines)-1)
	b.page = rows
	switch {
	case strings.TrimSpace(b.input.Value()) == "":
		lines = append(lines, st.Faint.Render(" type to search (your notes too); enter goes to the match, "+
			b.c.Keys.NextMatch.Help().Key+" walk the others"),
			st.Faint.Render(" narrow with source:dawn day:26 account:afghan (alone, they list everything they let through)"))
	case len(b.hits) == 0:
		lines = append(lines, st.Faint.Render(" no match"))
	default:
		lines[1] = st.Faint.Render(" " + plural(len(b.hits), "match", "matches"))
	}
	top := window(b.sel, len(b.hits), rows)
	m := matcherFor(b.input.Value())
	for i := top; i < len(b.hits) && i < top+rows; i++ {
		lines = append(lines, b.row(b.hits[i], m, i == b.sel, inner-1))
	}
	return b.c.frameBox("Search", lines, inner)
}

// row is one match: a cursor, its kind and place, and the text around it
// with the match highlighted, w cells wide.
func (b *searchBox) row(h search.Hit, m search.Matcher, sel bool, w int) string {
	st := b.c.Styles
	mark := "  "
	if sel {
		mark = st.Selected.Render("›") + " "
	}
	// what it is, the view it is shown in, and where there
	head := h.Doc.Kind.String() + " in " + hitView(h)
	if where := b.c.where(h); where != "" {
		head += " · " + where
	}
	if h.Doc.Kind == search.KindClaim {
		// whose claim comes first: a cut head must still say it
		// ("Pakistani claim in compare · Militant sanctuar…")
		head = b.c.AccountName(h.Doc.Account) + " claim in " + hitView(h) + " · " + render.Clean(h.Doc.Topic)
		if t, ok := b.c.Base.Topic(h.Doc.Topic); ok {
			head = b.c.AccountName(h.Doc.Account) + " claim in " + hitView(h) + " · " + render.Clean(t.Title)
		}
	}
	if h.Doc.Kind == search.KindClaim {
		// how the claim stands with its counterpart, as in the compare
		// view it jumps to (dossier.Relate)
		if mark := b.c.claimMark(h.Doc.Topic, h.Doc.Claim, h.Doc.Account); mark != "" {
			head = mark + " " + head
		}
	}
	if lim := max(10, w*2/5); b.c.Method.StringWidth(head) > lim {
		head = strings.TrimRight(render.Slice(head, 0, lim-1, b.c.Method), " ") + "…"
	}
	rest := w - 2 - b.c.Method.StringWidth(head) - 2
	return mark + st.Label.Render(head) + "  " + snippet(b.c, h, m, rest)
}

// snippet returns the text around a hit, w cells wide at most, with the
// matches underlined.
func snippet(c *Common, h search.Hit, m search.Matcher, w int) string {
	if w <= 0 {
		return ""
	}
	text := render.Clean(h.Doc.Text)
	start := min(h.Start, len(text))
	pre := text[:start]
	lead := min(w/3, c.Method.StringWidth(pre))
	if pw := c.Method.StringWidth(pre); pw > lead {
		pre = "…" + render.Slice(pre, pw-lead+1, pw, c.Method)
	}
	s := pre + text[start:]
	if c.Method.StringWidth(s) > w {
		s = render.Slice(s, 0, w-1, c.Method) + "…"
	}
	s = strings.TrimRight(s, " ")
	var out strings.Builder
	at := 0
	for _, sp := range m.Spans(s) {
		out.WriteString(s[at:sp[0]])
		out.WriteString(c.Styles.Selected.Render(s[sp[0]:sp[1]])) // lipgloss splits underlined text by rune, parting combining marks from their letters
		at = sp[1]
	}
	out.WriteString(s[at:])
	return out.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (b *searchBox) ShortHelp() []key.Binding {
	return []key.Binding{b.keys.Up, b.keys.Down, b.keys.Choose, b.keys.Close}
}
func (b *searchBox) FullHelp() [][]key.Binding { return [][]key.Binding{b.ShortHelp()} }

// claimMark returns the gutter mark of a claim against its counterpart in
// the pair a jump to it shows ("=", "≠", "◂", "▸", "·"), "" when the claim
// is not in the topic.
func (c *Common) claimMark(topic, claim, account string) string {
	pair := c.pairWith(account)
	al := c.Dossier.Relate(topic, pair[:], "")
	i, _ := al.Find(claim)
	if i < 0 {
		return ""
	}
	return render.MarkText(al.Rows[i], 0)
}
