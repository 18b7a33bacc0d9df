package notes

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// The notes file is Markdown that reads well as it is and that a person may
// edit by hand. Its structure is small:
//
//	# Notes · <dossier title>            (free preamble, kept verbatim)
//
//	## claim <claim id> @<fingerprint>   (one heading per thing)
//	> <the claim's text when the note was made>
//	bookmark: yes
//	added: 2026-11-03
//
//	<the note: any Markdown, up to the next "## " heading>
//
// A heading is "## <kind> <id>", kind one of claim, day, demand,
// discrepancy; a claim's heading adds "@" and the fingerprint of its text
// (Fingerprint). Right after the heading come, in any order and all
// optional, "> " quote lines and the fields "bookmark: yes|no" and
// "added: YYYY-MM-DD"; then the note. A note line that would read as a
// heading (or, first in the note, as a quote or a field) is written with a
// backslash before it, which Markdown does not show.
//
// Everything before the first heading is the preamble. Anything else that
// does not fit (an unknown kind, a second heading for the same thing, a
// field with a bad value, bytes that are not UTF-8) is a *ParseError
// naming its line.

// Header is the preamble of a new file: a title and the format in a
// comment that Markdown viewers hide.
func Header(title string) string {
	return "# Notes · " + oneLine(title) + "\n\n" +
		"<!-- dossier notes, format 1. One \"## <kind> <id>\" heading per thing\n" +
		"     (kind: claim, day, demand or discrepancy; a claim adds @<fingerprint>),\n" +
		"     then optional \"> quote\" lines, \"bookmark: yes\" and \"added: YYYY-MM-DD\",\n" +
		"     then the note in Markdown up to the next \"## \". Edit freely. -->\n"
}

// ParseError is a line of a notes file that does not fit the format.
type ParseError struct {
	File string // set by the Store that read it
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

var (
	fpRe    = regexp.MustCompile(`^[0-9a-f]{4,64}$`)
	idRe    = regexp.MustCompile(`^[^\s@\p{C}]+$`)
	escRe   = regexp.MustCompile(`^\\*(##|>|bookmark:|added:)`) // first line of a note
	escAny  = regexp.MustCompile(`^\\*##`)                      // any line of a note
	fieldRe = regexp.MustCompile(`^(bookmark|added):\s*(.*?)\s*$`)
)

// Parse reads a notes file. It never drops a byte silently: what it cannot
// place is an error, and Format(Parse(x)) keeps every note, bookmark and
// the preamble of x.
func Parse(data []byte) (*Book, error) {
	b := &Book{}
	text := string(data)
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var pre strings.Builder
	seen := map[Anchor]int{}
	var cur *Entry
	var body []string
	inHead := false
	flush := func() {
		if cur == nil {
			return
		}
		for len(body) > 0 && strings.TrimSpace(body[len(body)-1]) == "" {
			body = body[:len(body)-1]
		}
		for i, l := range body {
			if r, ok := strings.CutPrefix(l, "\\"); ok && (escAny.MatchString(r) || i == 0 && escRe.MatchString(r)) {
				body[i] = r
			}
		}
		cur.Text = strings.Join(body, "\n")
		b.Entries = append(b.Entries, *cur)
		cur, body = nil, nil
	}
	for i, raw := range lines {
		n := i + 1
		if !utf8.ValidString(raw) {
			return nil, &ParseError{Line: n, Msg: "bytes that are not UTF-8"}
		}
		if strings.ContainsRune(raw, 0) {
			return nil, &ParseError{Line: n, Msg: "a NUL byte"}
		}
		l := strings.TrimRight(raw, "\r\n")
		if strings.HasPrefix(l, "## ") || l == "##" {
			flush()
			a, err := parseHeading(l)
			if err != "" {
				return nil, &ParseError{Line: n, Msg: err}
			}
			k := Anchor{Kind: a.Kind, ID: a.ID}
			if first, dup := seen[k]; dup {
				return nil, &ParseError{Line: n, Msg: fmt.Sprintf("a second entry for %s %s (the first is on line %d)", a.Kind, a.ID, first)}
			}
			seen[k] = n
			cur, inHead = &Entry{Anchor: a, Line: n}, true
			continue
		}
		if cur == nil {
			pre.WriteString(raw)
			continue
		}
		if inHead {
			if q, ok := strings.CutPrefix(l, ">"); ok {
				q = strings.TrimPrefix(q, " ")
				if cur.Quote != "" {
					cur.Quote += " "
				}
				cur.Quote += q
				continue
			}
			if m := fieldRe.FindStringSubmatch(l); m != nil {
				if err := setField(cur, m[1], m[2]); err != "" {
					return nil, &ParseError{Line: n, Msg: err}
				}
				continue
			}
			inHead = false
			if strings.TrimSpace(l) == "" && len(body) == 0 {
				continue // the blank line between the fields and the note
			}
		}
		if len(body) == 0 && strings.TrimSpace(l) == "" {
			continue
		}
		body = append(body, l)
	}
	flush()
	b.Preamble = pre.String()
	if len(b.Entries) > 0 {
		// the blank lines before the first heading are the separator
		// Format writes again
		b.Preamble = strings.TrimRight(b.Preamble, "\n")
		if b.Preamble != "" {
			b.Preamble += "\n"
		}
	}
	return b, nil
}

// parseHeading reads "## kind id [@fp]"; it returns a message on error.
func parseHeading(l string) (Anchor, string) {
	f := strings.Fields(strings.TrimPrefix(l, "##"))
	if len(f) == 0 {
		return Anchor{}, `a heading with nothing after "##": write "## claim <id> @<fingerprint>", "## day <id>", "## demand <id>" or "## discrepancy <id>"`
	}
	k := Kind(f[0])
	if !k.Valid() {
		return Anchor{}, fmt.Sprintf("unknown kind %q after \"##\" (want claim, day, demand or discrepancy)", f[0])
	}
	if len(f) < 2 || !idRe.MatchString(f[1]) {
		return Anchor{}, fmt.Sprintf("%q: an id must follow the kind", l)
	}
	a := Anchor{Kind: k, ID: f[1]}
	rest := f[2:]
	if len(rest) > 0 && strings.HasPrefix(rest[0], "@") {
		fp := strings.ToLower(rest[0][1:])
		if !fpRe.MatchString(fp) {
			return Anchor{}, fmt.Sprintf("%q is not a fingerprint (hex digits after @)", rest[0])
		}
		if k != KindClaim {
			return Anchor{}, "only a claim has a fingerprint"
		}
		a.FP, rest = fp, rest[1:]
	}
	if len(rest) > 0 {
		return Anchor{}, fmt.Sprintf("unexpected %q after the id", strings.Join(rest, " "))
	}
	return a, ""
}

// setField applies one "name: value" line; it returns a message on error.
func setField(e *Entry, name, value string) string {
	switch name {
	case "bookmark":
		switch strings.ToLower(value) {
		case "yes", "true":
			e.Bookmark = true
		case "no", "false", "":
			e.Bookmark = false
		default:
			return fmt.Sprintf("bookmark: %q (want yes or no)", value)
		}
	case "added":
		if value == "" {
			return ""
		}
		t, err := time.Parse(time.DateOnly, value)
		if err != nil {
			return fmt.Sprintf("added: %q is not a date (want YYYY-MM-DD)", value)
		}
		e.Added = t
	}
	return ""
}

// Format writes a book in the file format. The preamble is written as it
// was read; an empty one gets nothing (callers give new files a Header).
func Format(b *Book) []byte {
	var s strings.Builder
	s.WriteString(b.Preamble)
	if b.Preamble != "" && !strings.HasSuffix(b.Preamble, "\n") {
		s.WriteString("\n")
	}
	for _, e := range b.Entries {
		if s.Len() > 0 && !strings.HasSuffix(s.String(), "\n\n") {
			s.WriteString("\n")
		}
		s.WriteString("## " + string(e.Kind) + " " + e.ID)
		if e.FP != "" {
			s.WriteString(" @" + e.FP)
		}
		s.WriteString("\n")
		if e.Quote != "" {
			s.WriteString("> " + oneLine(e.Quote) + "\n")
		}
		if e.Bookmark {
			s.WriteString("bookmark: yes\n")
		}
		if !e.Added.IsZero() {
			s.WriteString("added: " + e.Added.Format(time.DateOnly) + "\n")
		}
		if e.Text != "" {
			s.WriteString("\n")
			for i, l := range strings.Split(strings.TrimRight(e.Text, "\n"), "\n") {
				if escAny.MatchString(l) || i == 0 && escRe.MatchString(l) {
					l = "\\" + l
				}
				s.WriteString(l + "\n")
			}
		}
	}
	return []byte(s.String())
}

// oneLine folds text onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
