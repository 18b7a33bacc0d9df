package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/dossier-dev/dossier/render"
)

// Styles holds every style of the reader's chrome (header, borders,
// footer, overlays); claim content is styled by the render package. One
// Styles belongs to one session: its colours follow that session's
// background.
type Styles struct {
	Style render.Style

	Header, HeaderTitle, HeaderDim lipgloss.Style
	Status, StatusAlert            lipgloss.Style

	Border, BorderFocused lipgloss.Style // pane frames
	PaneTitle             lipgloss.Style
	PaneTitleFocused      lipgloss.Style
	TabInactive           lipgloss.Style
	Cursor                lipgloss.Style // the mark beside the current claim
	Faint                 lipgloss.Style

	Overlay      lipgloss.Style // overlay frame
	OverlayTitle lipgloss.Style
	Selected     lipgloss.Style // picker row under the cursor
	Match        lipgloss.Style // fuzzy-matched characters
	Label        lipgloss.Style // field names in the provenance

	Help help.Styles
}

// NewStyles returns the styles for a concrete render style.
func NewStyles(st render.Style) *Styles {
	s := &Styles{Style: st}
	if st == render.StyleNoTTY {
		plain := lipgloss.NewStyle()
		s.Header, s.HeaderTitle, s.HeaderDim = plain, plain.Bold(true), plain
		s.Status, s.StatusAlert = plain, plain.Bold(true)
		s.Border, s.BorderFocused = plain, plain.Bold(true)
		s.PaneTitle, s.PaneTitleFocused, s.TabInactive = plain, plain.Bold(true), plain
		s.Cursor, s.Faint = plain.Bold(true), plain
		s.Overlay, s.OverlayTitle = plain, plain.Bold(true)
		s.Selected, s.Match, s.Label = plain.Reverse(true), plain.Underline(true), plain.Bold(true)
		s.Help = help.Styles{
			Ellipsis: plain, ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
		}
		return s
	}
	dark := st != render.StyleLight
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A3FD6"), lipgloss.Color("#AF87FF"))
	dim := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6C6C6C"))
	text := ld(lipgloss.Color("#262626"), lipgloss.Color("#D0D0D0"))

	s.Header = lipgloss.NewStyle().Foreground(text)
	s.HeaderTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.HeaderDim = lipgloss.NewStyle().Foreground(dim)
	s.Status = lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#00708A"), lipgloss.Color("#5FD7FF")))
	s.StatusAlert = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#A34700"), lipgloss.Color("#FFAF5F")))
	s.Border = lipgloss.NewStyle().Foreground(dim)
	s.BorderFocused = lipgloss.NewStyle().Foreground(accent)
	s.PaneTitle = lipgloss.NewStyle().Foreground(text)
	s.PaneTitleFocused = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.TabInactive = lipgloss.NewStyle().Foreground(dim)
	s.Cursor = lipgloss.NewStyle().Foreground(accent)
	s.Faint = lipgloss.NewStyle().Foreground(dim)
	s.Overlay = lipgloss.NewStyle().Foreground(accent)
	s.OverlayTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000"))).Background(accent)
	s.Match = lipgloss.NewStyle().Underline(true)
	s.Label = lipgloss.NewStyle().Foreground(dim)
	s.Help = help.DefaultStyles(dark)
	if !dark {
		// bubbles' light greys (#B2B2B2 words, #DADADA dots) are about 2:1
		// on white; these are 5:1 and more, the dots 3.4:1
		s.Help.ShortKey = s.Help.ShortKey.Foreground(lipgloss.Color("#3A3A3A"))
		s.Help.ShortDesc = s.Help.ShortDesc.Foreground(lipgloss.Color("#5F5F5F"))
		s.Help.ShortSeparator = s.Help.ShortSeparator.Foreground(lipgloss.Color("#8A8A8A"))
		s.Help.FullKey, s.Help.FullDesc, s.Help.FullSeparator = s.Help.ShortKey, s.Help.ShortDesc, s.Help.ShortSeparator
		s.Help.Ellipsis = s.Help.ShortSeparator
	}
	return s
}
