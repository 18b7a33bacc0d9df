package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/notes"
	"github.com/dossier-dev/dossier/render"
)

// Options configure one reader session. The SSH server makes one per
// connection; nothing in them is shared except the dossier and the cache,
// which are safe to share.
type Options struct {
	// Dossier is the loaded dossier to read; nil shows an empty reader.
	Dossier *dossier.Dossier
	// Cache is the render cache; share one between sessions. nil makes a
	// private one.
	Cache *render.Cache
	// Style forces a style; StyleAuto asks the terminal for its background.
	Style render.Style
	// NoColor is set when the user asked for no colour (NO_COLOR); it wins
	// over the background the terminal reports.
	NoColor bool
	// Width and Height are the terminal's size when known (an SSH pty);
	// zero means 80x24 until the first WindowSizeMsg.
	Width, Height int
	// Role and Presence link the session to a presentation; a nil
	// Presence means the reader is alone.
	Role     Role
	Presence Presence
	// Keys replaces the default key bindings (a config file's overrides);
	// nil means DefaultKeyMap.
	Keys *KeyMap
	// NoMouse leaves mouse reporting off, so that the terminal selects
	// text as usual; the wheel and clicks then do nothing.
	NoMouse bool
	// Pair is the pair of account ids to open with; it is used only when
	// the dossier has both accounts, else the dossier's default pair is.
	Pair [2]string
	// Third is a third account to open with beside the pair (--accounts
	// a,b,c); used only when the dossier has it and it is not in the pair.
	Third string
	// Briefing is the id of the briefing a presenter (Role RolePresenter)
	// presents: its stops and notes (presenter.go). "" means the dossier's
	// first briefing; an id the dossier does not have means none.
	Briefing string
	// View is the name of the view to open on (one of dossier.Views); ""
	// means compare. The command line opens a dossier read for the first
	// time on the overview.
	View string
	// FirstRun shows a one-line hint that the legend exists.
	FirstRun bool
	// Notes says where this user's bookmarks, notes and record of what
	// was seen live (package notes); nil turns them off. Now is the clock
	// of "new since"; nil means time.Now.
	Notes *notes.Place
	Now   func() time.Time
}

// Model is the root of the reader: it routes messages to the active view
// and the open overlay, draws the header, status line and footer, and
// talks to the presentation hub. Views own their state.
type Model struct {
	c       *Common
	views   map[ViewID]View
	active  ViewID
	overlay overlay
	help    help.Model

	styleForced bool // --style given: ignore the terminal's background
	noColor     bool
	noMouse     bool   // Options.NoMouse
	status      string // one-off notice, cleared by the next key
	// reloadErr is the banner of a dossier --watch whose latest version
	// on disk has errors; "" when the version shown is the latest.
	reloadErr string
	quitting  bool

	hist    history // back and forward through the places visited: history.go
	pres    presence
	deck    deck    // the briefing and the presenter panel: presenter.go
	initCmd tea.Cmd // the first layout's render, started by Init
	// sized is the body size the views were last given; the status line
	// coming and going changes it.
	sized [2]int

	// headerCache and footerCache hold the last header and footer lines:
	// both change rarely and cost more to draw than the panes.
	headerCache struct {
		key  headerKey
		line string
	}
	footerCache struct {
		key  footerKey
		line string
	}
}

// New returns a reader for one session.
func New(opts Options) *Model {
	d := opts.Dossier
	if d == nil {
		d = &dossier.Dossier{Title: "no dossier"}
	}
	cache := opts.Cache
	if cache == nil {
		cache = render.NewCache()
	}
	st := opts.Style
	if opts.NoColor {
		st = render.StyleNoTTY
	}
	if st == render.StyleAuto {
		st = render.StyleDark
	}
	w, h := clampSize(opts.Width, opts.Height)
	if w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	keys := DefaultKeyMap()
	if opts.Keys != nil {
		keys = *opts.Keys
	}
	pair := defaultPair(d)
	if _, ok := d.Account(opts.Pair[0]); ok && opts.Pair[0] != opts.Pair[1] {
		if _, ok := d.Account(opts.Pair[1]); ok {
			pair = opts.Pair
		}
	}
	c := &Common{
		Dossier: d, Cache: cache, Styles: NewStyles(st), Keys: keys,
		Width: w, Height: h, Style: st, Method: ansi.WcWidth, Pair: pair,
	}
	c.Third = c.validThird(pair, opts.Third)
	c.Keys.Follow.SetEnabled(opts.Presence != nil)
	c.Filters = newFilters(d)
	c.Notes = newNotebook(opts, d) // notes.go
	dk := newDeck(d, opts.Briefing)
	if opts.Role == RolePresenter {
		c.Keys.forPresenter(dk.stops() > 0, opts.Presence != nil)
	}
	m := &Model{
		c: c, views: map[ViewID]View{}, help: newHelp(c),
		styleForced: opts.Style != render.StyleAuto, noColor: opts.NoColor, noMouse: opts.NoMouse,
		pres: presence{hub: opts.Presence, role: opts.Role, stop: -1}, deck: dk,
	}
	m.presenterKeys()
	// the first view exists from the start so that a frame drawn before
	// Init (or before the terminal's size is known) shows it
	first, ok := ParseViewID(opts.View)
	if !ok {
		first = ViewCompare
	}
	m.initCmd = m.show(first)
	if opts.FirstRun {
		m.status = firstRunHint(c)
	}
	m.sized = m.sizeOfBody()
	return m
}

// defaultPair returns the dossier's default pair when both accounts exist,
// else the first two accounts.
func defaultPair(d *dossier.Dossier) [2]string {
	_, ok0 := d.Account(d.DefaultPair[0])
	_, ok1 := d.Account(d.DefaultPair[1])
	if ok0 && ok1 && d.DefaultPair[0] != d.DefaultPair[1] {
		return d.DefaultPair
	}
	var p [2]string
	for i := 0; i < len(d.Accounts) && i < 2; i++ {
		p[i] = d.Accounts[i].ID
	}
	return p
}

func newHelp(c *Common) help.Model {
	h := help.New()
	h.Styles = c.Styles.Help
	h.SetWidth(c.Width)
	return h
}

// Init shows the compare view and, unless a style was forced, asks the
// terminal for its background colour.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.initCmd}
	m.initCmd = nil
	if !m.styleForced && !m.noColor {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// view returns the view for id, building it on first use.
func (m *Model) view(id ViewID) (View, tea.Cmd) {
	if v, ok := m.views[id]; ok {
		return v, nil
	}
	v := newView(id, m.c)
	m.views[id] = v
	w, h := m.bodySize()
	return v, tea.Batch(v.SetSize(w, h), v.Init())
}

// show makes a view the active one. A view built before is given the
// body's size again, so that it re-lays itself out for the size and the
// filters it is shown with, whatever changed while it was hidden.
func (m *Model) show(id ViewID) tea.Cmd {
	_, built := m.views[id]
	v, cmd := m.view(id)
	m.active = id
	if built && m.usable() {
		w, h := m.bodySize()
		cmd = tea.Batch(cmd, v.SetSize(w, h))
	}
	return cmd
}

func (m *Model) sizeOfBody() [2]int {
	w, h := m.bodySize()
	return [2]int{w, h}
}

// bodySize is the area between the header and the footer, less the
// status line and the presenter panel.
func (m *Model) bodySize() (int, int) {
	h := m.c.Height - 2 - m.panelHeight()
	if m.statusLine() != "" {
		h--
	}
	if m.reloadErr != "" {
		h--
	}
	return m.c.Width, max(0, h)
}

// usable reports whether the terminal is big enough to draw the reader.
func (m *Model) usable() bool { return m.c.Width >= minWidth && m.c.Height >= minHeight }

// resize gives every view its new area; rendering for a new width happens
// in the Cmds the views return.
func (m *Model) resize() tea.Cmd {
	m.help.SetWidth(m.c.Width)
	if !m.usable() {
		return nil
	}
	w, h := m.bodySize()
	m.sized = [2]int{w, h}
	var cmds []tea.Cmd
	for _, v := range m.views {
		cmds = append(cmds, v.SetSize(w, h))
	}
	return tea.Batch(cmds...)
}

// restyle switches every style and re-renders for it.
func (m *Model) restyle(st render.Style) tea.Cmd {
	if st == m.c.Style {
		return nil
	}
	m.c.Style = st
	m.c.Styles = NewStyles(st)
	m.help.Styles = m.c.Styles.Help
	return m.resize()
}

// Update routes a message: terminal facts to the root, keys to the open
// overlay, then to the root's global keys, then to the active view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	before := m.position()
	nav := m.navigational(msg)
	cmd, user := m.update(msg)
	if user {
		cmd = tea.Batch(cmd, m.moved(before, nav))
	}
	cmd = tea.Batch(cmd, m.syncNotes())
	if w, h := m.bodySize(); [2]int{w, h} != m.sized {
		cmd = tea.Batch(cmd, m.resize())
	}
	return m, cmd
}

// update does the work of Update; user reports whether the message came
// from the user (a key, the mouse, a picker) so a position change it
// causes is the user's own navigation.
func (m *Model) update(msg tea.Msg) (cmd tea.Cmd, user bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = clampSize(msg.Width, msg.Height)
		return m.resize(), false
	case tea.BackgroundColorMsg:
		if m.styleForced || m.noColor {
			return nil, false
		}
		if msg.IsDark() {
			return m.restyle(render.StyleDark), false
		}
		return m.restyle(render.StyleLight), false
	case tea.EnvMsg:
		if msg.Getenv("NO_COLOR") != "" && !m.styleForced {
			m.noColor = true
			return m.restyle(render.StyleNoTTY), false
		}
		return nil, false
	case tea.ColorProfileMsg:
		// A terminal that shows no colour (TERM=dumb, or one that cannot
		// say) gets the no-colour style, whose badges and tags are
		// bracketed, as with NO_COLOR: colour alone would tell them apart.
		if (msg.Profile == colorprofile.NoTTY || msg.Profile == colorprofile.Ascii) && !m.styleForced && !m.noColor {
			m.noColor = true
			return m.restyle(render.StyleNoTTY), false
		}
		return nil, false
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeUnicodeCore && (msg.Value == ansi.ModeSet ||
			msg.Value == ansi.ModeReset || msg.Value == ansi.ModePermanentlySet) &&
			m.c.Method != ansi.GraphemeWidth {
			m.c.Method = ansi.GraphemeWidth
			return m.resize(), false
		}
		return nil, false
	case tea.KeyPressMsg:
		return m.key(msg), true
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		return m.mouse(msg.(tea.MouseMsg)), true
	case FollowMsg:
		return m.follow(msg), false
	case PresenceMsg:
		return m.presenceChanged(msg), false
	case NotesMsg:
		return m.notesArrived(msg), false
	case TopicChosenMsg:
		m.remember()
		cmd := m.show(ViewCompare)
		v, _ := m.view(ViewCompare)
		return tea.Batch(cmd, m.route(v, msg)), true
	case PairChosenMsg:
		return m.setAccounts(msg.Pair, msg.Third), true
	case ProvenanceMsg:
		m.overlay = newProvenance(m.c, msg)
		return nil, false
	case JumpMsg:
		m.remember()
		return m.jump(msg), true
	case DayMsg:
		if msg.Relative {
			msg.Index += m.c.Day
		}
		return m.selectDay(msg.Index), true
	case SourceFilterMsg:
		return m.filterSource(msg.Source), true
	case noteSaveMsg, noteSavedMsg:
		return m.notesUpdate(msg), false // notes_keys.go
	case StatusMsg:
		m.status = msg.Text
		return nil, false
	case ReloadMsg:
		return m.reload(msg.Dossier), false
	case ReloadFailedMsg:
		m.reloadFailed(msg)
		return nil, false
	case viewMsg:
		// a layout rendered off the key path goes to the view that asked
		// for it, shown or not: dropped, it would leave that view waiting
		// ("rendering…") for a result that never comes
		if v, ok := m.views[msg.target()]; ok {
			return m.route(v, msg), false
		}
		return nil, false
	}
	if v, ok := m.views[m.active]; ok {
		return m.route(v, msg), false
	}
	return nil, false
}

// route gives a message to one view and keeps the view it returns.
func (m *Model) route(v View, msg tea.Msg) tea.Cmd {
	for id, have := range m.views {
		if have == v {
			nv, cmd := v.Update(msg)
			m.views[id] = nv
			return cmd
		}
	}
	return nil
}

// navigational reports whether a message is the user moving through the
// dossier (scrolling, changing topic, view or accounts), which detaches a
// follower even when the position it reports does not change.
func (m *Model) navigational(msg tea.Msg) bool {
	k := m.c.Keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.overlay != nil {
			return false
		}
		return ActionFor(k, msg).Kind != ActNone && !key.Matches(msg, k.Focus, k.Sync) ||
			key.Matches(msg, k.Swap, k.Views, k.NextStop, k.PrevStop)
	case tea.MouseWheelMsg, TopicChosenMsg, PairChosenMsg:
		return true
	}
	return false
}

// key handles a key press.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	m.status = ""
	if msg.String() == "ctrl+c" && !m.guardNote() { // notes_keys.go: an unsaved note asks first
		m.quitting = true
		return m.quit()
	}
	if m.overlay != nil {
		var cmd tea.Cmd
		m.overlay, cmd = m.overlay.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		m.quitting = true
		return m.quit()
	case key.Matches(msg, k.Help):
		m.overlay = &helpOverlay{c: m.c, groups: m.fullHelp()}
	case key.Matches(msg, k.Topics):
		if len(m.c.Dossier.Topics) == 0 {
			m.status = "this dossier has no topics"
			return nil
		}
		cur := 0
		if v, ok := m.views[ViewCompare].(*compareView); ok {
			cur = v.nav.Topic
		}
		m.overlay = newTopicPicker(m.c, cur)
	case key.Matches(msg, k.Accounts):
		if len(m.c.Dossier.Accounts) < 2 {
			m.status = "this dossier has fewer than two accounts"
			return nil
		}
		m.overlay = newAccountPicker(m.c)
	case key.Matches(msg, k.Swap):
		return m.setPair([2]string{m.c.Pair[1], m.c.Pair[0]})
	case key.Matches(msg, k.Views):
		return m.goView(ViewID(msg.String()[0] - '0'))
	case key.Matches(msg, k.Follow):
		return m.followAgain()
	default:
		if cmd, ok := m.goKey(msg); ok { // history.go
			return cmd
		}
		if cmd, ok := m.presenterKey(msg); ok {
			return cmd
		}
		if cmd, ok := m.notesKey(msg); ok { // notes_keys.go
			return cmd
		}
		if cmd, ok := m.viewKeys(msg); ok {
			return cmd
		}
		if v, ok := m.views[m.active]; ok {
			return m.route(v, msg)
		}
	}
	return nil
}

// mouse gives wheel and click events over the body to the active view,
// with coordinates relative to the body.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.overlay != nil || !m.usable() {
		return nil
	}
	v, ok := m.views[m.active]
	if !ok {
		return nil
	}
	_, bh := m.bodySize()
	switch e := msg.(type) {
	case tea.MouseWheelMsg:
		e.Y--
		if e.Y < 0 || e.Y >= bh {
			return nil
		}
		return m.route(v, e)
	case tea.MouseClickMsg:
		if e.Y == 0 && e.Button == tea.MouseLeft {
			return m.clickHeader(e.X)
		}
		e.Y--
		if e.Y < 0 || e.Y >= bh {
			return nil
		}
		return m.route(v, e)
	}
	return nil
}

// setPair puts two accounts side by side and tells the views; a third
// account shown stays unless the pair now holds it.
func (m *Model) setPair(p [2]string) tea.Cmd {
	return m.setAccounts(p, m.c.Third)
}

// setAccounts shows a pair and a third account ("" for none) and tells
// the views.
func (m *Model) setAccounts(p [2]string, third string) tea.Cmd {
	third = m.c.validThird(p, third)
	if p == m.c.Pair && third == m.c.Third {
		return nil
	}
	m.c.Pair, m.c.Third = p, third
	var cmds []tea.Cmd
	for _, v := range m.views {
		cmds = append(cmds, m.route(v, PairChangedMsg{}))
	}
	return tea.Batch(cmds...)
}

// fullHelp is the `?` overlay's columns: the active view's, then the keys
// every view shares.
func (m *Model) fullHelp() [][]key.Binding {
	var groups [][]key.Binding
	if v, ok := m.views[m.active]; ok {
		groups = append(groups, v.FullHelp()...)
	}
	if g := m.presenterGroup(); len(g) > 0 {
		groups = append(groups, g)
	}
	// a key the view lists with its own meaning (d "discrepancy of the
	// day") is not listed again with the shared one
	shown := map[string]bool{}
	for _, g := range groups {
		for _, b := range g {
			shown[b.Help().Key] = true
		}
	}
	var shared []key.Binding
	for _, b := range append(m.c.Keys.globalGroup(), m.c.Keys.notesGroup()...) { // noteskeys.go
		if !shown[b.Help().Key] {
			shared = append(shared, b)
		}
	}
	return append(groups, shared)
}

// position is where the reader is, for a presentation.
func (m *Model) position() Position {
	p := Position{Stop: m.pres.stop}
	if v, ok := m.views[m.active]; ok {
		p = v.Position()
		p.Stop = m.pres.stop
	}
	p.View = m.active.String()
	p.Accounts, p.Third = m.c.Pair, m.c.Third
	return p
}

// View draws the frame: header, body (with any overlay on top), status
// line and footer, every line exactly the terminal's width.
func (m *Model) View() tea.View {
	v := tea.NewView(strings.Join(m.frame(), "\n"))
	v.AltScreen = true
	if !m.noMouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "dossier · " + render.Clean(m.c.Dossier.Title)
	return v
}
