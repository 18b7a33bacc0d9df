package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ViewID names a view of the reader. Its String is the name a Position
// carries ("compare", "days", …).
type ViewID int

// Views. The first five are reached with the keys 1–5.
const (
	ViewCompare ViewID = iota
	ViewDays
	ViewDelegations
	ViewDemands
	ViewSources
	ViewDiscrepancies
	numViews
)

var viewNames = [...]string{"compare", "days", "delegations", "demands", "sources", "discrepancies"}

// String returns the view's name as used in positions and briefings.
func (v ViewID) String() string {
	if int(v) >= 0 && int(v) < len(viewNames) {
		return viewNames[v]
	}
	return "unknown"
}

// ParseViewID returns the view with the given name.
func ParseViewID(name string) (ViewID, bool) {
	for i, n := range viewNames {
		if n == name {
			return ViewID(i), true
		}
	}
	return 0, false
}

// View is one screen of the reader below the header and above the footer.
// A view owns its state; it reads the shared Common and speaks upward only
// through messages. Adding a view is adding one file: a type implementing
// View and an init function calling RegisterView.
type View interface {
	// KeyMap gives the view's footer (ShortHelp) and its columns of the
	// `?` overlay (FullHelp); the keys every view shares are added by the
	// root.
	help.KeyMap
	// Init is called when the view is first shown.
	Init() tea.Cmd
	// Update receives key presses the root did not handle, mouse messages
	// with coordinates relative to the view's top-left corner, and the
	// view's own messages.
	Update(msg tea.Msg) (View, tea.Cmd)
	// SetSize is called before the first Body and whenever the area
	// changes; it may return a Cmd to re-render off the key path.
	SetSize(width, height int) tea.Cmd
	// Body returns exactly height lines of exactly width cells (as set by
	// SetSize). It must only assemble lines already rendered.
	Body() []string
	// Location is what the header shows after the dossier's title
	// ("Border clashes · topic 3/12 · 25–28 Oct").
	Location() string
	// Position reports where the view is, for a presentation; the root
	// fills in View and Stop.
	Position() Position
	// SetPosition moves the view to a position received from a presenter
	// (only the fields that concern it).
	SetPosition(p Position) tea.Cmd
}

// viewMsg is a message meant for one view whichever view is active: the
// result of a render the view started in a Cmd.
type viewMsg interface{ target() ViewID }

func (LayoutMsg) target() ViewID { return ViewCompare }
func (DayDocMsg) target() ViewID { return ViewDays }

// ViewFactory builds a view for a session.
type ViewFactory func(c *Common) View

// registry maps each view to its factory. It is written only by init
// functions (RegisterView) and read afterwards, so sessions share no
// mutable state through it.
var registry = map[ViewID]ViewFactory{}

// RegisterView makes a view available under its id and digit key. Call it
// from an init function.
func RegisterView(id ViewID, f ViewFactory) { registry[id] = f }

// newView returns the registered view, or a placeholder saying the view is
// coming.
func newView(id ViewID, c *Common) View {
	if f, ok := registry[id]; ok {
		return f(c)
	}
	return &comingView{c: c, id: id}
}

// comingView stands in for a view not yet built.
type comingView struct {
	c    *Common
	id   ViewID
	w, h int
}

func (v *comingView) ShortHelp() []key.Binding {
	return []key.Binding{v.c.Keys.Views, v.c.Keys.Topics, v.c.Keys.Help, v.c.Keys.Quit}
}
func (v *comingView) FullHelp() [][]key.Binding {
	return [][]key.Binding{{v.c.Keys.Views, v.c.Keys.Topics}}
}
func (v *comingView) Init() tea.Cmd                  { return nil }
func (v *comingView) Update(tea.Msg) (View, tea.Cmd) { return v, nil }
func (v *comingView) SetSize(w, h int) tea.Cmd       { v.w, v.h = w, h; return nil }
func (v *comingView) Location() string               { return "the " + v.id.String() + " view" }
func (v *comingView) Position() Position             { return Position{} }
func (v *comingView) SetPosition(Position) tea.Cmd   { return nil }
func (v *comingView) Body() []string {
	lines := blankLines(v.h, v.w)
	name := strings.ToUpper(v.id.String()[:1]) + v.id.String()[1:]
	msg := []string{name, "", "This view is coming soon.", "Press 1 for the compare view."}
	top := max(0, (v.h-len(msg))/2)
	for i, s := range msg {
		if top+i < v.h {
			pad := max(0, (v.w-v.c.Method.StringWidth(s))/2)
			st := v.c.Styles.Faint
			if i == 0 {
				st = v.c.Styles.HeaderTitle
			}
			lines[top+i] = v.c.fit(strings.Repeat(" ", pad)+st.Render(s), v.w)
		}
	}
	return lines
}
