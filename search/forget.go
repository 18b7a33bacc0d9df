package search

import "github.com/dossier-dev/dossier/dossier"

// Forget drops the index For built for d, once no reader shows d any more
// (a dossier loaded again by dossier --watch is a new *Dossier with an
// index of its own). A later For(d) builds it again.
func Forget(d *dossier.Dossier) {
	memoMu.Lock()
	delete(memo, d)
	memoMu.Unlock()
}
