// Command bare is the framework's floor for the terminal-level benchmark: a
// Bubble Tea v2 program that shows one line of text and changes it on every
// key. bench/termtime measures it beside dossier in the same run, so the cost
// of Bubble Tea itself is known.
package main

import "github.com/dossier-dev/dossier/bench/internal/bare"

func main() { bare.Main() }
