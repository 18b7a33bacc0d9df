package ui

import (
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
	if s := m.statusLine(); s != "" {
		out = append(out, m.c.fit(" "+s, w))
	}
	out = append(out, m.footer())
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
	for i := range out {
		if i < len(lines) {
			out[i] = lines[i]
			if m.c.Method.StringWidth(out[i]) != w {
				out[i] = m.c.fit(out[i], w) // a view got it wrong: keep the frame square
			}
		} else {
			out[i] = m.c.fit("", w)
		}
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
// view and the scrolling mode.
func (m *Model) header() string {
	st := m.c.Styles
	w := m.c.Width
	right, _ := m.headerRight() // tabs.go
	rw := m.c.Method.StringWidth(right)
	left := " " + st.HeaderTitle.Render(render.Clean(m.c.Dossier.Title))
	if v, ok := m.views[m.active]; ok {
		left += st.HeaderDim.Render(" · ") + st.Header.Render(v.Location())
	}
	if rw+20 > w {
		return m.c.fit(m.ellipsis(left, w), w)
	}
	return m.c.fit(m.ellipsis(left, w-rw-1), w-rw) + right
}

// footer is the short help of whatever has the keyboard.
func (m *Model) footer() string {
	bindings := m.c.Keys.ShortHelp()
	if m.overlay != nil {
		bindings = m.overlay.ShortHelp()
	} else if v, ok := m.views[m.active]; ok {
		bindings = v.ShortHelp()
	}
	m.help.SetWidth(m.c.Width - 1)
	return m.c.fit(" "+m.help.ShortHelpView(bindings), m.c.Width)
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
	return ""
}

// ellipsis cuts s to w cells, ending with "…" when it had to cut.
func (m *Model) ellipsis(s string, w int) string {
	if m.c.Method.StringWidth(s) <= w {
		return s
	}
	return render.Slice(s, 0, max(0, w-1), m.c.Method) + "…"
}
