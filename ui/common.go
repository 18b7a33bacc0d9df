package ui

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// Common is what every view of one session shares: the dossier, the render
// cache, the styles, the key map, the terminal's size and the pair of
// accounts side by side. The root model owns it and hands every view the
// same pointer; views read it and never replace it.
type Common struct {
	Dossier *dossier.Dossier
	Cache   *render.Cache
	Styles  *Styles
	Keys    KeyMap

	// Width and Height are the terminal's size.
	Width, Height int
	// Style is the concrete style content is rendered in (never
	// StyleAuto).
	Style render.Style
	// Method is how the terminal measures cell widths; layouts pad lines
	// by it so that what we count is what the terminal draws.
	Method ansi.Method
	// Pair holds the ids of the accounts shown left and right.
	Pair [2]string
	// Third is a third account shown beside the pair, "" for two: at
	// threeWidth columns and wider the compare view lays the three side by
	// side; narrower, the right pane is a tab between Pair[1] and Third.
	Third string

	// Recent holds the searches gone to, oldest first, for ↑ in the
	// search box (searchfields.go).
	Recent []string

	Filters // selected day, as of, source filter, search: filter.go

	// Notes is the user's bookmarks, notes and what is new (notes.go);
	// nil when the session keeps none.
	Notes *notebook
}

// validThird returns third when it is an account of the dossier not in
// pair, else "".
func (c *Common) validThird(pair [2]string, third string) string {
	if third == "" || third == pair[0] || third == pair[1] {
		return ""
	}
	if _, ok := c.Dossier.Account(third); !ok {
		return ""
	}
	return third
}

// AccountName returns the display name of an account id, sanitised.
func (c *Common) AccountName(id string) string {
	if a, ok := c.Dossier.Account(id); ok && a.Name != "" {
		return render.Clean(a.Name)
	}
	return render.Clean(id)
}
