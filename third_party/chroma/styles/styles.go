// Package styles is the stand-in for chroma's style registry: empty until
// a style is registered.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry holds the registered styles by name.
var Registry = map[string]*chroma.Style{}

// Register adds a style to the registry and returns it.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}
