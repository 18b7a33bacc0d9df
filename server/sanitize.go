package server

import (
	"strings"
	"unicode/utf8"

	"charm.land/ssh"
)

// maxNameRunes bounds a client-supplied string (user name, TERM) before it
// is logged or shown to other sessions.
const maxNameRunes = 64

// clean makes a client-supplied string safe for logs and terminals: it drops
// ESC and every other C0 control (tab and newline too, since the result is
// one field on one line), DEL and the C1 controls U+0080–U+009F, replaces
// invalid UTF-8 with U+FFFD, and cuts the result to maxNameRunes runes.
func clean(s string) string {
	var b strings.Builder
	n := 0
	for len(s) > 0 && n < maxNameRunes {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r == utf8.RuneError && size <= 1:
			r = utf8.RuneError
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			continue
		}
		b.WriteRune(r)
		n++
	}
	if len(s) > 0 {
		b.WriteString("…")
	}
	return b.String()
}

// userOf returns the user name a client gave, "" before it gave one
// (ssh.Context.User panics then).
func userOf(ctx interface{ Value(any) any }) string {
	u, _ := ctx.Value(ssh.ContextKeyUser).(string)
	return u
}
