// Command barelinked is bench/bare with every package of dossier linked in
// and doing nothing: it separates what a start costs because of the
// packages dossier links (their initialisation, the code and data pages
// the loader maps) from what dossier itself does before its first frame.
// Measure it beside the others:
//
//	go build -o /tmp/barelinked ./bench/barelinked
//	go run ./bench/termtime -keys '' -ready 'Pakistani sources say,bare bubbletea' -- /tmp/dossier -- /tmp/barelinked -fps 120 -- /tmp/bare -fps 120
package main

import (
	"github.com/dossier-dev/dossier/bench/internal/bare"
	_ "github.com/dossier-dev/dossier/internal/cli" // every package the dossier binary links
)

func main() { bare.Main() }
