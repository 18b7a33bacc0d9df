package render

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"github.com/dossier-dev/dossier/session"
)

// Style is the colour scheme content is rendered in (session.Style: the
// settings file and the reader name it without importing this package).
type Style = session.Style

// Styles. StyleAuto is resolved by the reader (from the terminal's
// background colour) before anything is rendered; the cache only ever sees
// the other three.
const (
	StyleAuto  = session.StyleAuto  // decide from the terminal's background
	StyleDark  = session.StyleDark  // light text on a dark background
	StyleLight = session.StyleLight // dark text on a light background
	StyleNoTTY = session.StyleNoTTY // no colour at all (NO_COLOR, pipes)
)

// ParseStyle reads a style name as given to --style (session.ParseStyle).
var ParseStyle = session.ParseStyle

// Theme holds the styles of the parts of a claim the render package draws
// itself (badges, day tags, placeholders, gutter marks). lipgloss styles
// are values read concurrently without change, so one Theme serves every
// session of its Style.
type Theme struct {
	Style Style
	// Badge styles a source badge by the source's reliability grade.
	BadgeA, BadgeB, BadgeC, BadgeD, BadgeF lipgloss.Style
	// Day styles a day tag.
	Day lipgloss.Style
	// Faint styles "no counterpart" and other quiet text.
	Faint lipgloss.Style
	// Agree, Contradict and OneSided style the gutter marks.
	Agree, Contradict, OneSided, Unmarked lipgloss.Style
	// Brackets wraps badges and tags in [ ] and ( ) when colour cannot tell
	// them from the text.
	Brackets bool
}

// NewTheme returns the theme of a style.
func NewTheme(s Style) *Theme {
	s = s.Concrete()
	t := &Theme{Style: s}
	if s == StyleNoTTY {
		plain := lipgloss.NewStyle()
		t.BadgeA, t.BadgeB, t.BadgeC, t.BadgeD, t.BadgeF = plain, plain, plain, plain, plain
		t.Day, t.Faint = plain, plain
		t.Agree, t.Contradict, t.OneSided, t.Unmarked = plain, plain, plain, plain
		t.Brackets = true
		return t
	}
	ld := lipgloss.LightDark(s == StyleDark)
	badge := func(bgLight, bgDark string) lipgloss.Style {
		return lipgloss.NewStyle().
			Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000"))).
			Background(ld(lipgloss.Color(bgLight), lipgloss.Color(bgDark)))
	}
	t.BadgeA = badge("#1B7F3B", "#5FD787")
	t.BadgeB = badge("#2E6DA4", "#87AFFF")
	t.BadgeC = badge("#8A6D00", "#FFD75F")
	t.BadgeD = badge("#B03A2E", "#FF8787")
	t.BadgeF = badge("#5F5F5F", "#A8A8A8")
	t.Day = lipgloss.NewStyle().Italic(true).Foreground(ld(lipgloss.Color("#8E44AD"), lipgloss.Color("#D7AFFF")))
	t.Faint = lipgloss.NewStyle().Faint(true).Italic(true).Foreground(grey(ld))
	t.Agree = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#5FD787")))
	t.Contradict = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#C0392B"), lipgloss.Color("#FF5F5F")))
	t.OneSided = lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#8A6D00"), lipgloss.Color("#FFD75F")))
	t.Unmarked = lipgloss.NewStyle().Foreground(grey(ld))
	return t
}

func grey(ld lipgloss.LightDarkFunc) color.Color {
	return ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
}

// badgeStyle returns the badge style for a reliability grade.
func (t *Theme) badgeStyle(grade string) lipgloss.Style {
	switch grade {
	case "A":
		return t.BadgeA
	case "B":
		return t.BadgeB
	case "C":
		return t.BadgeC
	case "D", "E":
		return t.BadgeD
	default:
		return t.BadgeF
	}
}
