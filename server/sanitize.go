package server

import (
	"charm.land/ssh"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// maxNameRunes bounds a client-supplied name (user name, TERM, key comment)
// before it is logged or shown to other sessions.
const maxNameRunes = 64

// maxReasonRunes bounds a reason (an error from the SSH library, a refused
// command) in the log: long enough to read whole, short enough that a
// client cannot fill the log with one line.
const maxReasonRunes = 512

// clean makes a client-supplied name safe for logs and terminals, on one
// line (the one sanitiser, sanitize.Line), cut to maxNameRunes runes.
func clean(s string) string { return sanitize.Cut(s, maxNameRunes) }

// cleanReason is clean for a reason, cut to maxReasonRunes runes.
func cleanReason(s string) string { return sanitize.Cut(s, maxReasonRunes) }

// userOf returns the user name a client gave, "" before it gave one
// (ssh.Context.User panics then).
func userOf(ctx interface{ Value(any) any }) string {
	u, _ := ctx.Value(ssh.ContextKeyUser).(string)
	return u
}
