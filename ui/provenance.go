package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// gradeMeaning explains the Admiralty reliability grades of sources.
var gradeMeaning = map[string]string{
	"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
	"D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}

// credMeaning explains the Admiralty credibility grades of claims.
var credMeaning = [...]string{"", "confirmed by other sources", "probably true", "possibly true",
	"doubtful", "improbable", "truth cannot be judged"}

// provenance shows where a claim comes from: its sources with outlet,
// date, origin, grade and basis, and the discrepancies it touches.
type provenance struct {
	c       *Common
	keys    listKeys
	claim   *dossier.Claim
	account string
	off     int
	// lines is the content wrapped for width; kept so scrolling does not
	// re-wrap.
	lines []string
	width int
	// scrolls says the content is taller than the box, so the footer
	// offers the scrolling keys.
	scrolls bool
}

func newProvenance(c *Common, msg ProvenanceMsg) *provenance {
	return &provenance{c: c, keys: newListKeys(true), claim: msg.Claim, account: msg.Account}
}

func (p *provenance) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.Close), key.Matches(msg, p.c.Keys.Provenance):
		return nil, nil
	case key.Matches(msg, p.c.Keys.Discrepancies) && len(p.claim.Discrepancies) > 0:
		return nil, JumpCmd(JumpMsg{View: ViewDiscrepancies, Item: p.claim.Discrepancies[0]})
	case key.Matches(msg, p.keys.Up, p.c.Keys.Up):
		p.off--
	case key.Matches(msg, p.keys.Down, p.c.Keys.Down):
		p.off++
	case key.Matches(msg, p.keys.PageDown, p.c.Keys.PageDown):
		p.off += 10
	case key.Matches(msg, p.keys.PageUp, p.c.Keys.PageUp):
		p.off -= 10
	}
	p.off = clamp(p.off, 0, max(0, len(p.lines)-1))
	return p, nil
}

// build writes the provenance as plain styled lines wrapped at w cells.
func (p *provenance) build(w int) {
	d, st, cl := p.c.Dossier, p.c.Styles, p.claim
	var out []string
	add := func(s string, indent int) {
		pre := strings.Repeat(" ", indent)
		for _, l := range strings.Split(p.c.Method.Wrap(s, max(1, w-indent), ""), "\n") {
			out = append(out, pre+l)
		}
	}
	field := func(name, val string) {
		if val != "" {
			add(st.Label.Render(name+": ")+render.Clean(val), 4)
		}
	}
	add(st.OverlayTitle.Render(p.c.AccountName(p.account))+st.Faint.Render(" · claim "+render.Clean(cl.ID)), 0)
	// the whole claim, rendered as the panes render it (badges, Markdown);
	// the overlay scrolls
	out = append(out, p.c.Cache.Claim(d, cl, max(1, w), p.c.Style)...)
	out = append(out, "")
	if line := p.counterpart(w); line != "" {
		add(line, 0)
	}
	if cl.Cred > 0 && cl.Cred < len(credMeaning) {
		add(st.Label.Render("credibility: ")+strconv.Itoa(cl.Cred)+" — "+credMeaning[cl.Cred], 0)
	}
	if len(cl.Days) > 0 {
		var tags []string
		for _, id := range cl.Days {
			tags = append(tags, render.DayTag(d, id))
		}
		add(st.Label.Render("about: ")+strings.Join(tags, ", "), 0)
	}
	out = append(out, "", st.OverlayTitle.Render("Sources"))
	for _, id := range cl.Sources {
		s, ok := d.Source(id)
		if !ok {
			add("• "+render.Clean(id)+st.Faint.Render(" (unknown source)"), 0)
			continue
		}
		head := "• " + render.Badge(d, id, cl.Cred) + "  " + render.Clean(s.Outlet)
		if !s.Date.IsZero() {
			head += st.Faint.Render(" · " + s.Date.Format("2 Jan 2006"))
		}
		add(head, 0)
		if s.Title != "" {
			add("“"+render.Clean(s.Title)+"”", 4)
		}
		field("origin", s.Origin)
		if s.Reliability != "" {
			field("grade", s.Reliability+" — "+gradeMeaning[s.Reliability])
		}
		field("basis", s.Basis)
		if s.Via != "" {
			via := s.Via
			if v, ok := d.Source(s.Via); ok {
				via = v.Outlet
			}
			field("known via", via)
		}
		field("url", s.URL)
	}
	if len(cl.Discrepancies) > 0 {
		out = append(out, "", st.OverlayTitle.Render("Discrepancies")+st.Faint.Render(" · d opens them"))
		for _, id := range cl.Discrepancies {
			disc, ok := d.Discrepancy(id)
			if !ok {
				add("⚑ "+render.Clean(id), 0)
				continue
			}
			add("⚑ "+render.Clean(disc.Fact), 0)
			for _, v := range disc.Versions {
				var who []string
				for _, sid := range v.Sources {
					who = append(who, render.Badge(d, sid, 0))
				}
				line := "– " + render.Clean(v.Value) + st.Faint.Render(" ("+strings.Join(who, ", ")+")")
				if v.Note != "" {
					line += st.Faint.Render(" — " + render.Clean(v.Note))
				}
				add(line, 2)
			}
		}
	}
	for _, l := range p.c.provenanceLines(cl.ID) { // notes.go: the user's note
		if l == "" {
			out = append(out, "")
		} else {
			add(l, 0)
		}
	}
	p.lines, p.width = out, w
}

// counterpart says how the claim relates to its counterpart in the other
// account shown, from dossier.Relate as every view: "= agrees with the
// Afghan account's claim …", or where the counterpart is when the filters
// hide it.
func (p *provenance) counterpart(w int) string {
	cl, st := p.claim, p.c.Styles
	topic, _, ok := strings.Cut(cl.ID, "/")
	if !ok {
		return ""
	}
	pair := p.c.Pair
	if pair[0] != p.account && pair[1] != p.account {
		pair = [2]string{p.account, pair[1]}
		if pair[1] == p.account {
			pair[1] = p.c.Pair[0]
		}
	}
	al := p.c.Dossier.Relate(topic, pair[:], "")
	parts := al.Partners(cl.ID)
	if len(parts) == 0 {
		return ""
	}
	pt := parts[0]
	name := p.c.AccountName(pt.Account)
	label := st.Label.Render("counterpart: ")
	if !pt.Cell.Shown() {
		c := pt.Cell
		switch {
		case c.Claim == nil && c.Elsewhere:
			return label + "out of order in the " + name + " account"
		case c.Claim == nil:
			return label + "none in the " + name + " account"
		case c.Hide == dossier.HiddenAsOf:
			// as the compare view's placeholder says it: "not reported by 27 Oct"
			return label + render.Placeholder(p.c.Dossier, c) + " (the " + name + " account)"
		default:
			return label + "hidden by the filter (" + render.SourceName(p.c.Base, p.c.Sel.Source) + " only)"
		}
	}
	verb := map[dossier.Relation]string{dossier.RelAgree: "= agrees with", dossier.RelContradict: "≠ contradicts",
		dossier.RelNone: "· stands beside"}[pt.Rel]
	if verb == "" {
		verb = "· stands beside"
	}
	text := inline(pt.Cell.Claim.Text)
	if n := 2 * w; p.c.Method.StringWidth(text) > n {
		text = render.Slice(text, 0, n-1, p.c.Method) + "…"
	}
	return label + verb + " the " + name + " account: “" + text + "”"
}

func (p *provenance) Box(maxW, maxH int) []string {
	inner := min(maxW-2, 76)
	if inner < 1 || maxH < 3 {
		return nil
	}
	if p.width != inner-2 {
		p.build(inner - 2)
	}
	rows := maxH - 2
	p.scrolls = len(p.lines) > rows
	p.off = clamp(p.off, 0, max(0, len(p.lines)-rows))
	var lines []string
	for i := p.off; i < len(p.lines) && len(lines) < rows; i++ {
		lines = append(lines, " "+p.lines[i])
	}
	return p.c.frameBox("Provenance", lines, inner)
}

func (p *provenance) ShortHelp() []key.Binding {
	var ks []key.Binding
	if p.scrolls {
		ks = append(ks, p.c.Keys.Down, p.c.Keys.Up)
	}
	if len(p.claim.Discrepancies) > 0 {
		ks = append(ks, p.c.Keys.Discrepancies)
	}
	return append(ks, p.keys.Close)
}
func (p *provenance) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// helpOverlay lists every key, drawn by bubbles/help from the key map.
// When the columns do not fit side by side they are stacked, and the
// box scrolls: on a narrow terminal every key is still listed.
type helpOverlay struct {
	c      *Common
	groups [][]key.Binding
	off    int // first line shown
	rows   int // lines shown, for paging
	total  int // lines in all
}

func (h *helpOverlay) Update(msg tea.KeyPressMsg) (overlay, tea.Cmd) {
	k := h.c.Keys
	switch {
	case key.Matches(msg, k.Back, k.Help):
		return nil, nil
	case key.Matches(msg, k.Down):
		h.off++
	case key.Matches(msg, k.Up):
		h.off--
	case key.Matches(msg, k.PageDown):
		h.off += max(1, h.rows-1)
	case key.Matches(msg, k.PageUp):
		h.off -= max(1, h.rows-1)
	}
	h.off = clamp(h.off, 0, max(0, h.total-h.rows))
	return h, nil
}

// body writes the key columns at most w cells wide: as many groups side
// by side as fit, the rest below.
func (h *helpOverlay) body(w int) []string {
	hm := newHelp(h.c)
	hm.SetWidth(0) // measure the columns whole; body decides what fits
	view := func(gs [][]key.Binding) []string { return strings.Split(hm.FullHelpView(gs), "\n") }
	wide := func(ls []string) int {
		n := 0
		for _, l := range ls {
			n = max(n, h.c.Method.StringWidth(l))
		}
		return n
	}
	var out []string
	var chunk [][]key.Binding
	for _, g := range h.groups {
		try := append(slices.Clone(chunk), g)
		if len(chunk) > 0 && wide(view(try)) > w {
			out = append(append(out, view(chunk)...), "")
			try = [][]key.Binding{g}
		}
		chunk = try
	}
	if len(chunk) > 0 {
		out = append(out, view(chunk)...)
	}
	return out
}

func (h *helpOverlay) Box(maxW, maxH int) []string {
	if maxW < 12 || maxH < 3 {
		return nil
	}
	body := h.body(maxW - 4)
	inner := 0
	for _, l := range body {
		inner = max(inner, h.c.Method.StringWidth(l)+2)
	}
	inner = min(inner, maxW-2)
	lines := make([]string, 0, len(body)+4)
	for _, l := range body {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "")
	for _, l := range h.c.helpNotes() { // legend.go
		lines = append(lines, h.c.cut(l, inner))
	}
	lines = append(lines, h.c.Styles.Faint.Render(" esc or ? to close"))
	h.total, h.rows = len(lines), min(len(lines), maxH-2)
	h.off = clamp(h.off, 0, max(0, h.total-h.rows))
	shown := slices.Clone(lines[h.off : h.off+h.rows])
	if more := h.total - h.off - h.rows; more > 0 {
		shown[len(shown)-1] = h.c.Styles.Faint.Render(" … " + plural(more+1, "more line", "more lines") + ": ↓ or pgdn")
	}
	return h.c.frameBox("Keys", shown, inner)
}

func (h *helpOverlay) ShortHelp() []key.Binding {
	if h.total > h.rows {
		return []key.Binding{h.c.Keys.Down, h.c.Keys.Up, h.c.Keys.PageDown, h.c.Keys.Back}
	}
	return []key.Binding{h.c.Keys.Back}
}
func (h *helpOverlay) FullHelp() [][]key.Binding { return nil }
