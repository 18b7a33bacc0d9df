package server

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
)

// nameKey is the form in which two user names are the same name to a
// reader's eye: compatibility-normalised (NFKC: full-width and styled
// letters become plain ones), without white space, invisible or control
// characters, in lower case, with look-alike letters of other scripts
// replaced by the Latin letter they imitate (dossier.Skeleton). Under
// --open a login whose nameKey is a presenter's must use the presenter's
// key: "alice ", "аlice" (Cyrillic а) and "alice" with a zero-width space
// are all "alice".
func nameKey(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || dossier.Invisible(r) || sanitize.Unsafe(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return dossier.Skeleton(s)
}

// displayName is a client's login name as other sessions see it: NFC,
// without invisible characters, trimmed, on one line, cut (clean).
func displayName(s string) string {
	s = strings.Map(func(r rune) rune {
		if dossier.Invisible(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
	return clean(strings.TrimSpace(s))
}
