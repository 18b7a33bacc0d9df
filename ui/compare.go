package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// wheelLines is how far one notch of the mouse wheel scrolls.
const wheelLines = 3

// compareView shows two accounts of one topic side by side, aligned on the
// claim. It keeps the current layout (rendered by the render package and
// shared through the cache) and only slices it in Body.
type compareView struct {
	c   *Common
	nav Nav
	// lay is the layout on screen; while a layout for a new width renders
	// it may be stale (for another width or style) and is then cut to fit.
	lay *render.Compare
	// want is the layout being rendered in the background; a LayoutMsg
	// for anything else is late and dropped.
	want layoutReq
	// pending holds the claims to put back at the top of each pane once
	// the wanted layout arrives.
	pending [2]anchor
	w, h    int
	full    int     // the body's height; h is less the topic's summary line
	chrome  *chrome // the frame around the panes, redrawn only on change
	// acct is the account focused when three are shown (0 left, 1 the
	// pair's right one, 2 the third): side by side it is the pane with the
	// focus; narrower than threeWidth, 2 also puts the third account in
	// the right pane (a tab) until 1 is focused again.
	acct      int
	showThird bool
}

// threeWidth is the width from which three accounts sit side by side.
const threeWidth = 150

// layoutReq is what a layout is computed for.
type layoutReq struct {
	d      *dossier.Dossier // the filters change Common.Dossier
	topic  string
	pair   [2]string
	third  string // the third pane's account, "" for two panes
	width  int
	style  render.Style
	method ansi.Method
}

// anchor is a claim to keep at the top of a pane across re-layouts: by id,
// or by alignment key when the id is gone (the accounts changed).
type anchor struct {
	id, key string
	// within is how many lines into its row the pane's top line was, so
	// that a pane scrolled into the middle of a long claim stays there.
	within int
}

// LayoutMsg carries a topic layout rendered off the key path, tagged with
// what it was rendered for.
type LayoutMsg struct {
	req    layoutReq
	layout *render.Compare
}

// ProvenanceMsg asks the root to open the provenance of a claim.
type ProvenanceMsg struct {
	Claim   *dossier.Claim
	Account string
}

func newCompareView(c *Common) View {
	return &compareView{c: c, nav: Nav{Sync: true}}
}

// topic returns the current topic, nil when the dossier has none.
func (v *compareView) topic() *dossier.Topic {
	ts := v.c.Dossier.Topics
	if len(ts) == 0 {
		return nil
	}
	return &ts[clamp(v.nav.Topic, 0, len(ts)-1)]
}

// wide reports whether the panes sit side by side (else they are tabs).
func (v *compareView) wide() bool { return v.w >= wideWidth }

// three reports whether three panes sit side by side.
func (v *compareView) three() bool { return v.c != nil && v.c.Third != "" && v.w >= threeWidth }

// pair is the two accounts of the left and right panes: Common.Pair, or
// with the third account in the right pane when it is the tab shown.
func (v *compareView) pair() [2]string {
	if v.c.Third != "" && !v.three() && v.showThird {
		return [2]string{v.c.Pair[0], v.c.Third}
	}
	return v.c.Pair
}

// focusNext moves the focus on when three accounts are shown: left, the
// pair's right one, the third, and round again.
func (v *compareView) focusNext() {
	v.acct = (v.acct + 1) % 3
	switch v.acct {
	case 0:
		v.nav.Focus = FocusLeft
	case 1:
		v.nav.Focus, v.showThird = FocusRight, false
	case 2:
		v.nav.Focus, v.showThird = FocusRight, true
	}
}

// textWidth is the width claims are rendered at. Side by side each pane is
// "│ text │" and a one-cell gutter sits between them; as tabs a gutter
// sits left of one pane.
func (v *compareView) textWidth() int {
	if v.three() {
		return max(1, (v.w-14)/3)
	}
	if v.wide() {
		return max(1, (v.w-9)/2)
	}
	return max(1, v.w-5)
}

// paneHeight is the number of content lines of a pane.
func (v *compareView) paneHeight() int { return max(0, v.h-2) }

func (v *compareView) req() layoutReq {
	t := v.topic()
	if t == nil {
		return layoutReq{}
	}
	r := layoutReq{d: v.c.Dossier, topic: t.ID, pair: v.pair(), width: v.textWidth(), style: v.c.Style, method: v.c.Method}
	if v.three() {
		r.third = v.c.Third
	}
	return r
}

func (v *compareView) fresh() bool {
	return v.lay != nil && v.req() == reqOf(v.lay)
}

func reqOf(l *render.Compare) layoutReq {
	return layoutReq{d: l.Dossier, topic: l.Topic, pair: l.Pair, third: l.Third, width: l.Width, style: l.Style, method: l.Method}
}

func (v *compareView) bounds() Bounds {
	v.fitSummary()
	b := Bounds{Topics: len(v.c.Dossier.Topics), Height: v.paneHeight()}
	if v.lay != nil && v.lay.Topic == v.req().topic {
		b.Lines = v.lay.Len()
		b.RowStarts = make([]int, len(v.lay.Rows))
		for i, r := range v.lay.Rows {
			b.RowStarts[i] = r.Start
		}
	}
	return b
}

func (v *compareView) Init() tea.Cmd { return v.relayout() }

func (v *compareView) SetSize(w, h int) tea.Cmd {
	v.w, v.h, v.full = w, h, h
	v.fitSummary() // topicsummary.go
	return v.relayout()
}

// relayout makes sure the layout for the current topic, accounts, width
// and style is on screen or on its way: from the cache at once when it is
// there, else rendered in a Cmd. Claims at the top of the panes stay there.
func (v *compareView) relayout() tea.Cmd {
	want := v.req()
	if want.topic == "" || v.w <= 0 || v.h <= 0 {
		return nil
	}
	if v.fresh() {
		v.want = layoutReq{}
		return nil
	}
	if v.want == want {
		return nil // already on its way
	}
	anchors := v.pending
	if v.lay != nil && v.lay.Topic == want.topic && v.want == (layoutReq{}) {
		anchors = [2]anchor{v.anchorAt(v.nav.Offset[0]), v.anchorAt(v.nav.Offset[1])}
	}
	t := v.topic()
	d, cache := v.c.Dossier, v.c.Cache
	if lay, ok := cachedLayout(cache, d, t, want); ok {
		v.setLayout(lay, anchors)
		return v.prefetch()
	}
	v.want, v.pending = want, anchors
	return func() tea.Msg {
		return LayoutMsg{req: want, layout: layoutFor(cache, d, t, want)}
	}
}

// cachedLayout returns the layout a request asks for (two panes, or a
// synopsis of three) when it is in the cache.
func cachedLayout(cache *render.Cache, d *dossier.Dossier, t *dossier.Topic, r layoutReq) (*render.Compare, bool) {
	if r.third != "" {
		return cache.CachedSynopsis(d, t, [3]string{r.pair[0], r.pair[1], r.third}, r.width, r.style, r.method)
	}
	return cache.CachedCompare(d, t, r.pair, r.width, r.style, r.method)
}

// layoutFor renders the layout a request asks for; it may take a while.
func layoutFor(cache *render.Cache, d *dossier.Dossier, t *dossier.Topic, r layoutReq) *render.Compare {
	if r.third != "" {
		return cache.Synopsis(d, t, [3]string{r.pair[0], r.pair[1], r.third}, r.width, r.style, r.method)
	}
	return cache.Compare(d, t, r.pair, r.width, r.style, r.method)
}

// setLayout puts a layout on screen and the anchored claims back on top.
func (v *compareView) setLayout(l *render.Compare, anchors [2]anchor) {
	v.lay, v.want, v.pending = l, layoutReq{}, [2]anchor{}
	b := v.bounds()
	for side, a := range anchors {
		if a == (anchor{}) {
			continue
		}
		if i := v.rowOf(a); i >= 0 {
			v.nav.Offset[side] = l.Rows[i].Start + clamp(a.within, 0, l.Rows[i].Height)
		}
	}
	if v.nav.Sync {
		v.nav.Offset[1-v.nav.Focus] = v.nav.Offset[v.nav.Focus]
	}
	for side := range v.nav.Offset {
		v.nav.Offset[side] = clamp(v.nav.Offset[side], 0, maxOffset(b))
	}
	v.nav.Row = rowAt(v.nav.Offset[v.nav.Focus], b.RowStarts)
	if a := anchors[v.nav.Focus]; a != (anchor{}) {
		if i := v.rowOf(a); i >= 0 {
			v.nav.Row = i // at the end of the topic the anchored row may sit below the top
		}
	}
}

func (v *compareView) rowOf(a anchor) int {
	if i := v.lay.RowOf(a.id); i >= 0 || a.key == "" {
		return i
	}
	for i, r := range v.lay.Rows {
		if r.Key == a.key {
			return i
		}
	}
	return -1
}

// anchorAt returns the claim of the row at line y (the focused side's claim
// when it has one).
func (v *compareView) anchorAt(y int) anchor {
	if v.lay == nil {
		return anchor{}
	}
	i := v.lay.RowAt(y)
	if i < 0 {
		return anchor{}
	}
	a := v.anchorOf(i)
	a.within = y - v.lay.Rows[i].Start
	return a
}

// anchorOf returns the anchor of row i: the focused side's claim when it
// has one.
func (v *compareView) anchorOf(i int) anchor {
	r := v.lay.Rows[i]
	if v.thirdFocused() && r.ThirdID != "" {
		return anchor{id: r.ThirdID, key: r.Key} // m, n and y act on the third pane's claim
	}
	id := r.IDs[v.nav.Focus]
	if id == "" {
		id = r.IDs[1-v.nav.Focus]
	}
	return anchor{id: id, key: r.Key}
}

// prefetch renders the neighbouring topics into the shared cache so that
// `]` and `[` find them ready. Its result is no message.
func (v *compareView) prefetch() tea.Cmd {
	ts := v.c.Dossier.Topics
	r := v.req()
	d, cache := v.c.Dossier, v.c.Cache
	var next []*dossier.Topic
	for _, i := range []int{v.nav.Topic + 1, v.nav.Topic - 1} {
		if i >= 0 && i < len(ts) {
			if _, ok := cachedLayout(cache, d, &ts[i], r); !ok {
				next = append(next, &ts[i])
			}
		}
	}
	if len(next) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, t := range next {
			layoutFor(cache, d, t, r)
		}
		return nil
	}
}

func (v *compareView) Update(msg tea.Msg) (View, tea.Cmd) {
	switch msg := msg.(type) {
	case LayoutMsg:
		if msg.req != v.want || msg.req != v.req() {
			return v, nil // late: rendered for a width, topic or style no longer wanted
		}
		v.setLayout(msg.layout, v.pending)
		return v, v.prefetch()
	case TopicChosenMsg:
		if msg.Index != v.nav.Topic {
			v.nav.Topic = msg.Index
			v.nav.Offset = [2]int{}
			v.pending = [2]anchor{}
		}
		return v, v.relayout()
	case PairChangedMsg, FilterChangedMsg:
		if v.c.Third == "" {
			v.acct, v.showThird = int(v.nav.Focus), false
		}
		return v, v.relayout()
	case tea.KeyPressMsg:
		if key.Matches(msg, v.c.Keys.Provenance) {
			return v, v.provenance()
		}
		if key.Matches(msg, v.c.Keys.Focus) && v.c.Third != "" {
			v.focusNext()
			return v, v.relayout()
		}
		before := v.nav.Topic
		if next, ok := Navigate(v.nav, v.c.Keys, msg, v.bounds()); ok {
			v.nav = next
			if v.nav.Topic != before {
				v.pending = [2]anchor{}
				return v, v.relayout()
			}
		}
	case tea.MouseWheelMsg:
		m := msg.Mouse()
		if !v.nav.Sync && v.wide() {
			v.nav = Step(v.nav, Action{Kind: ActFocus, N: v.sideAt(m.X)}, v.bounds())
		}
		switch m.Button {
		case tea.MouseWheelDown:
			v.nav = Step(v.nav, Action{Kind: ActScroll, N: wheelLines}, v.bounds())
		case tea.MouseWheelUp:
			v.nav = Step(v.nav, Action{Kind: ActScroll, N: -wheelLines}, v.bounds())
		}
	case tea.MouseClickMsg:
		m := msg.Mouse()
		m.Y -= v.full - v.h // below the topic's summary
		if m.Button == tea.MouseLeft && m.Y >= 0 && m.Y < v.h {
			b := v.bounds()
			v.nav = Step(v.nav, Action{Kind: ActFocus, N: v.sideAt(m.X)}, b)
			if m.Y >= 1 && m.Y <= v.paneHeight() {
				line := v.nav.Offset[v.nav.Focus] + m.Y - 1
				v.nav = Step(v.nav, Action{Kind: ActSelectLine, N: line}, b)
			}
		}
	}
	return v, nil
}

// sideAt returns the pane (0 left, 1 right) under column x. As tabs the
// title's left half is the left tab. With three panes the third counts as
// the right one (they scroll together).
func (v *compareView) sideAt(x int) int {
	if v.three() {
		if x >= v.w/3 {
			return 1
		}
		return 0
	}
	if x >= v.w/2 {
		return 1
	}
	return 0
}

// current returns the row whose claims Enter explains: the row at the top
// of the focused pane.
func (v *compareView) current() int {
	if v.lay == nil || v.lay.Topic != v.req().topic {
		return -1
	}
	if len(v.lay.Rows) == 0 {
		return -1
	}
	return clamp(v.nav.Row, 0, len(v.lay.Rows)-1)
}

// provenance asks the root to open the provenance of the marked claim
// (markedSide): the claim the cursor ▌ is drawn on.
func (v *compareView) provenance() tea.Cmd {
	i := v.current()
	if i < 0 {
		return nil
	}
	if v.thirdFocused() {
		cell := v.lay.Rows[i].Cells[2]
		if !cell.Shown() {
			return statusCmd("no " + v.c.AccountName(v.c.Third) + " claim here (tab shows the next account)")
		}
		msg := ProvenanceMsg{Claim: cell.Claim, Account: v.lay.Third}
		return func() tea.Msg { return msg }
	}
	side, ok := v.markedSide(i)
	if !ok {
		return statusCmd("no " + v.c.AccountName(v.pair()[v.nav.Focus]) + " claim here (tab shows the other account)")
	}
	cell := v.lay.Rows[i].Cells[side]
	msg := ProvenanceMsg{Claim: cell.Claim, Account: v.lay.Pair[side]}
	return func() tea.Msg { return msg }
}

// thirdFocused reports whether the third pane of three side by side has
// the focus.
func (v *compareView) thirdFocused() bool {
	return v.three() && v.acct == 2 && v.lay != nil && v.lay.Third != ""
}

// markedSide returns the side whose claim row i marks with the cursor:
// the focused side when it shows a claim there, else (side by side) the
// other one; false when no claim of the row can be marked.
func (v *compareView) markedSide(i int) (Focus, bool) {
	r := v.lay.Rows[i]
	side := v.nav.Focus
	if r.Cells[side].Shown() {
		return side, true
	}
	if v.wide() && r.Cells[side.Other()].Shown() {
		return side.Other(), true
	}
	return side, false
}

func (v *compareView) Position() Position {
	p := Position{Accounts: v.c.Pair, Stop: -1}
	if t := v.topic(); t != nil {
		p.Topic = t.ID
	}
	if i := v.current(); i >= 0 {
		p.Anchor = v.anchorOf(i).id
	}
	return p
}

func (v *compareView) SetPosition(p Position) tea.Cmd {
	if i, ok := v.c.Dossier.TopicIndex(p.Topic); ok && i != v.nav.Topic {
		v.nav.Topic = i
		v.nav.Offset = [2]int{}
	}
	a := anchor{id: p.Anchor}
	if p.Anchor == "" {
		a = anchor{}
	}
	// the pane that holds the claim takes the focus: below 80 columns the
	// panes are tabs, and a jump must not leave its claim behind the other
	if _, rest, ok := strings.Cut(p.Anchor, "/"); ok {
		acct, _, _ := strings.Cut(rest, "/")
		for side, id := range v.c.Pair {
			if id == acct {
				v.nav.Focus = Focus(side)
			}
		}
	}
	v.pending = [2]anchor{a, a}
	if v.fresh() {
		v.setLayout(v.lay, v.pending)
		return nil
	}
	return v.relayout()
}

func (v *compareView) ShortHelp() []key.Binding { return v.c.Keys.ShortHelp() }

func (v *compareView) FullHelp() [][]key.Binding { return v.c.Keys.FullHelp()[:3] }
