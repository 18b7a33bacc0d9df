package session

import "github.com/dossier-dev/dossier/dossier"

// ReloadMsg tells the reader that its dossier was loaded again from disk
// (dossier --watch). The reader shows the new version where it was: the
// same view, topic, day and accounts, the same claim at the top of the
// panes, each kept by id when it still exists and clamped otherwise. It
// clears the error banner of an earlier ReloadFailedMsg.
type ReloadMsg struct {
	Dossier *dossier.Dossier
}

// ReloadFailedMsg tells the reader that the dossier on disk has errors. The
// reader keeps showing the version it has, under a banner naming the first
// error (file:line:col: message, the file as the problem gives it), until a
// ReloadMsg brings a good version.
type ReloadFailedMsg struct {
	// Problems are every problem of the version on disk; the banner shows
	// the first error and counts the rest.
	Problems dossier.Problems
}
