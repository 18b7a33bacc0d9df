package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/render"
)

// frame returns the whole screen as lines, each exactly the terminal's
// width, as many as the terminal is tall. It only assembles: the views'
// bodies come from cached layouts.
func (m *Model) frame() []string {
	w, h := m.c.Width, m.c.Height
	if w <= 0 || h <= 0 {
		return []string{""}
	}
	if !m.usable() {
		return m.c.tooSmall(w, h)
	}
	out := make([]string, 0, h)
	out = append(out, m.header())
	bw, bh := m.bodySize()
	body := m.body(bw, bh)
	out = append(out, body...)
	out = append(out, m.panel(w, m.panelHeight())...) // presenter.go
	if s := m.banner(); s != "" {
		out = append(out, m.c.fit(" "+s, w)) // reload.go
	}
	if s := m.statusLine(); s != "" {
		out = append(out, m.c.fit(" "+m.c.cut(s, w-1), w)) // a cut notice ends with …
	}
	out = append(out, m.footer())
	// A title or a name may hold a line break (YAML allows one); inside a
	// frame line it would push every line below it down. Found by FuzzFrame.
	for i, l := range out {
		if strings.ContainsAny(l, "\r\n") {
			out[i] = m.c.fit(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(l), w)
		}
	}
	return out
}

// body returns the active view's lines, forced to the body's size, with
// the overlay laid over them.
func (m *Model) body(w, h int) []string {
	var lines []string
	if v, ok := m.views[m.active]; ok {
		lines = m.highlight(v.Body()) // search.go
	}
	out := make([]string, h)
	copy(out, lines) // views promise exactly w cells a line; the tests check every frame
	for i := len(lines); i < h; i++ {
		out[i] = m.c.fit("", w)
	}
	if m.overlay != nil {
		box := m.overlay.Box(w-2, h)
		if len(box) > 0 {
			bw := m.c.Method.StringWidth(box[0])
			m.c.splice(out, box, max(0, (w-bw)/2), max(0, (h-len(box))/3), w)
		}
	}
	return out
}

// header is the dossier's title and where the reader is; at its right the
// view and the scrolling mode. It is drawn again only when it changes.
func (m *Model) header() string {
	loc := ""
	if v, ok := m.views[m.active]; ok {
		loc = v.Location()
	}
	loc = m.notesLocation(loc) // notes_keys.go
	free := false
	if cv, ok := m.views[ViewCompare].(*compareView); ok && m.active == ViewCompare {
		free = !cv.nav.Sync
	}
	// The key holds what the right part is made of (the note and the
	// tabs follow from it), so that an unchanged header costs no styling:
	// drawing the tabs on every frame was most of a scroll step's work.
	k := headerKey{w: m.c.Width, view: m.active, loc: loc, free: free, note: m.headerNote(), styles: m.c.Styles, method: m.c.Method}
	if m.headerCache.key != k {
		right, _ := m.headerRight(loc) // tabs.go: the notes and the tabs
		m.headerCache.key, m.headerCache.line = k, m.drawHeader(loc, right)
	}
	return m.headerCache.line
}

type headerKey struct {
	w      int
	view   ViewID
	loc    string
	free   bool
	note   string // headerNote: free scroll, filters, search
	styles *Styles
	method ansi.Method
}

func (m *Model) drawHeader(loc, right string) string {
	st := m.c.Styles
	w, mw := m.c.Width, m.c.Method
	rw := mw.StringWidth(right)
	if rw+12 > w {
		right, rw = m.c.cut(right, w-1), w-1
		return right + m.c.fit("", w-mw.StringWidth(right))
	}
	avail := w - rw - 3 // a space at the left, two before the right part
	title := render.Clean(m.c.Dossier.Title)
	// from titleWholeWidth the title stays whole while it can: the
	// location gives way first, down to a few cells, then the title;
	// narrower, the title gives way first
	tw, lw := mw.StringWidth(title), mw.StringWidth(loc)
	if loc != "" && tw+3+lw > avail {
		keep := max(headerMinLoc, avail-tw-3)
		if w < titleWholeWidth {
			keep = max(headerMinLoc, avail-min(tw, max(24, avail/3))-3)
		}
		if keep < lw {
			loc = m.ellipsis(loc, keep)
			lw = mw.StringWidth(loc)
		}
		if budget := avail - lw - 3; tw > budget {
			if budget >= 12 {
				title = m.ellipsis(title, budget)
			} else {
				title = ""
			}
		}
	}
	left := ""
	if title != "" {
		left = st.HeaderTitle.Render(title)
		if loc != "" {
			left += st.HeaderDim.Render(" · ")
		}
	}
	if loc != "" {
		left += st.Header.Render(loc)
	}
	return m.c.fit(" "+m.ellipsis(left, avail), w-rw) + right
}

// footer is the short help of whatever has the keyboard, drawn by
// bubbles/help from the key bindings. When they do not all fit, hints
// are dropped from the right, but never `? help` and `q quit`. It is
// drawn again only when its bindings, the width or the style change.
func (m *Model) footer() string {
	bindings := m.c.Keys.ShortHelp()
	if m.overlay != nil {
		bindings = m.overlay.ShortHelp()
	} else if v, ok := m.views[m.active]; ok {
		bindings = append(m.presenterHelp(), v.ShortHelp()...)
	}
	var b strings.Builder
	for _, k := range bindings {
		if k.Enabled() {
			h := k.Help()
			b.WriteString(h.Key + "\x00" + h.Desc + "\x00")
		}
	}
	k := footerKey{w: m.c.Width, help: b.String(), styles: m.c.Styles, method: m.c.Method}
	if m.footerCache.key != k {
		m.help.SetWidth(0) // we fit it ourselves, keeping help and quit
		m.footerCache.key, m.footerCache.line = k, m.c.fit(" "+m.fitFooter(bindings, m.c.Width-1), m.c.Width)
	}
	return m.footerCache.line
}

// fitFooter draws the bindings in w cells, dropping from the right the
// ones that do not fit, except help and quit.
func (m *Model) fitFooter(bindings []key.Binding, w int) string {
	var keep, must []key.Binding
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		if h := b.Help(); h == m.c.Keys.Help.Help() || h == m.c.Keys.Quit.Help() {
			must = append(must, b)
		} else {
			keep = append(keep, b)
		}
	}
	for {
		s := m.help.ShortHelpView(append(slices.Clone(keep), must...))
		if m.c.Method.StringWidth(s) <= w || len(keep) == 0 {
			return s
		}
		keep = keep[:len(keep)-1]
	}
}

type footerKey struct {
	w      int
	help   string
	styles *Styles
	method ansi.Method
}

// statusLine is the one-off notice, else the presentation's state; empty
// when there is nothing to say.
func (m *Model) statusLine() string {
	st := m.c.Styles
	if m.status != "" {
		return st.StatusAlert.Render(m.status)
	}
	if s := m.pres.line(); s != "" {
		return st.Status.Render(s)
	}
	if s := m.c.Notes.statusNote(); s != "" {
		return st.StatusAlert.Render(s)
	}
	return ""
}

// ellipsis cuts s to w cells, ending with "…" when it had to cut.
func (m *Model) ellipsis(s string, w int) string {
	if m.c.Method.StringWidth(s) <= w {
		return s
	}
	return render.Slice(s, 0, max(0, w-1), m.c.Method) + "…"
}
