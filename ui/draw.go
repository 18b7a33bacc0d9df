package ui

import (
	"strings"

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
		out = append(out, m.c.fit(" "+s, w))
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
	right, _ := m.headerRight() // tabs.go: the notes and the tabs
	k := headerKey{w: m.c.Width, view: m.active, loc: loc, free: free, right: right, styles: m.c.Styles, method: m.c.Method}
	if m.headerCache.key != k {
		m.headerCache.key, m.headerCache.line = k, m.drawHeader(loc, right)
	}
	return m.headerCache.line
}

type headerKey struct {
	w      int
	view   ViewID
	loc    string
	free   bool
	right  string
	styles *Styles
	method ansi.Method
}

func (m *Model) drawHeader(loc, right string) string {
	st := m.c.Styles
	w, mw := m.c.Width, m.c.Method
	rw := mw.StringWidth(right)
	if rw+30 > w {
		right, rw = "", 0
	}
	avail := w - rw - 2 // a space at the left, one before the right part
	title := render.Clean(m.c.Dossier.Title)
	// where the reader is matters more than the dossier's title: the title
	// gives way first
	if budget := avail - mw.StringWidth(loc) - 3; loc != "" && mw.StringWidth(title) > budget {
		if budget >= 12 {
			title = m.ellipsis(title, budget)
		} else {
			title = ""
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
// bubbles/help from the key bindings. It is drawn again only when its
// bindings, the width or the style change.
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
		m.help.SetWidth(m.c.Width - 1)
		m.footerCache.key, m.footerCache.line = k, m.c.fit(" "+m.help.ShortHelpView(bindings), m.c.Width)
	}
	return m.footerCache.line
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
