package server

import (
	"path/filepath"
	"strings"

	"github.com/dossier-dev/dossier/notes"
)

// DefaultNotesLimit is the most bytes one user's notes and seen record of
// the served dossier may take on the server.
const DefaultNotesLimit = 1 << 20

// notesPlace returns where a session's user keeps their bookmarks, notes
// and record of what they have seen: a folder of their own, named by their
// key's fingerprint, under the server's state directory. Nothing is kept
// for anonymous users (--open without a known key), with --no-notes, or
// when there is no state directory.
func (s *Server) notesPlace(id identity) *notes.Place {
	if s.cfg.NoNotes || !id.known || id.fingerprint == "" {
		return nil
	}
	dir := s.cfg.NotesDir
	if dir == "" {
		d, err := notes.StateDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(d, "serve")
	}
	limit := s.cfg.NotesLimit
	if limit <= 0 {
		limit = DefaultNotesLimit
	}
	return &notes.Place{Dir: filepath.Join(dir, "users", userDir(id.fingerprint)), Limit: limit}
}

// userDir names a user's folder after their key's fingerprint
// ("SHA256:<base64>"), in URL-safe base64 so that two keys never share one.
func userDir(fingerprint string) string {
	fp := strings.TrimPrefix(fingerprint, "SHA256:")
	return notes.SafeName(strings.NewReplacer("+", "-", "/", "_").Replace(fp))
}
