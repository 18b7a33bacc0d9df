package dossier

import "strings"

// Leftover reports whether a file of this name, in a dossier folder or one
// of its topic folders, is an editor's doing rather than part of the
// dossier: hidden files (and so editors' swap and lock files, .git),
// backups (name~), Emacs auto-saves (#name#), Vim swap files (.swp, .swx)
// and Vim's probe for a writable folder (4913). The loader skips them
// without a word, and --watch ignores their changes: one rule for both.
func Leftover(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		name == "4913" ||
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")
}
