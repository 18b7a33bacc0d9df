// Package docs ships the reference of the dossier format in the binary, so
// that `dossier help format` works where the source tree is not at hand.
package docs

import _ "embed"

// Format is docs/format.md, the reference of the dossier format.
//
//go:embed format.md
var Format string
