package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
)

// ViewID names a view of the reader; it is also the digit that shows it.
// Its String is the name a Position carries ("compare", "days", …), from
// dossier.Views, the one list of view names.
type ViewID int

// Views, in the order of their keys 0–6 (dossier.Views).
const (
	ViewOverview ViewID = iota
	ViewCompare
	ViewDays
	ViewDelegations
	ViewDemands
	ViewSources
	ViewDiscrepancies
	numViews
)

// String returns the view's name as used in positions and briefings.
func (v ViewID) String() string {
	if int(v) >= 0 && int(v) < len(dossier.Views) {
		return dossier.Views[v]
	}
	return "unknown"
}

// ParseViewID returns the view with the given name.
func ParseViewID(name string) (ViewID, bool) {
	for i, n := range dossier.Views {
		if n == name {
			return ViewID(i), true
		}
	}
	return 0, false
}

// View is one screen of the reader below the header and above the footer.
// A view owns its state; it reads the shared Common and speaks upward only
// through messages. Adding a view is adding one file with a type
// implementing View, and a case in newView.
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

// newView builds a view for a session. Adding a view is a file with its
// type and a case here.
func newView(id ViewID, c *Common) View {
	switch id {
	case ViewOverview:
		return newOverviewView(c)
	case ViewDays:
		return newDaysView(c)
	case ViewDelegations:
		return newDelegationsView(c)
	case ViewDemands:
		return newDemandsView(c)
	case ViewSources:
		return newSourcesView(c)
	case ViewDiscrepancies:
		return newDiscrepanciesView(c)
	}
	return newCompareView(c)
}
