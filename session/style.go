package session

import "fmt"

// Style is the colour scheme a session renders in.
type Style int

// Styles. StyleAuto is resolved by the reader (from the terminal's
// background colour) before anything is rendered; the render cache only
// ever sees the other three.
const (
	StyleAuto  Style = iota // decide from the terminal's background
	StyleDark               // light text on a dark background
	StyleLight              // dark text on a light background
	StyleNoTTY              // no colour at all (NO_COLOR, pipes)
)

var styleNames = [...]string{"auto", "dark", "light", "notty"}

// String returns "auto", "dark", "light" or "notty".
func (s Style) String() string {
	if int(s) >= 0 && int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "unknown"
}

// ParseStyle reads a style name as given to --style or in the settings
// file.
func ParseStyle(name string) (Style, error) {
	for i, n := range styleNames {
		if n == name {
			return Style(i), nil
		}
	}
	return StyleAuto, fmt.Errorf("unknown style %q (want auto, dark, light or notty)", name)
}

// Concrete returns s with StyleAuto (or any unknown value) read as
// StyleDark, the safer guess.
func (s Style) Concrete() Style {
	if s < StyleDark || s > StyleNoTTY {
		return StyleDark
	}
	return s
}
