package export

import (
	"html"
	"strings"
)

// blockedSchemes are the link schemes the HTML handout blanks (goldmark's
// IsDangerousURL): the Markdown handout applies the same rule.
var blockedSchemes = []string{"javascript:", "vbscript:", "data:", "file:"}

// dangerousDest reports whether a link destination, as a Markdown renderer
// will decode it (character references, backslash escapes) and a browser
// read it (ASCII white space and controls dropped, any case), has a blocked
// scheme.
func dangerousDest(dest string) bool {
	d := html.UnescapeString(strings.ReplaceAll(dest, `\`, ""))
	d = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, d)
	d = strings.ToLower(d)
	for _, s := range blockedSchemes {
		if strings.HasPrefix(d, s) {
			return true
		}
	}
	return false
}

// safeLinks replaces the destination of every link and link reference
// definition whose scheme is blocked (see dangerousDest) with "#", so that
// whatever renders the Markdown handout gets a harmless link; the link's
// text stays.
func safeLinks(s string) string {
	if !strings.Contains(s, ":") && !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		// an inline link's destination follows "](", a definition's
		// "]:" at the start of a line
		j := strings.Index(s[i:], "]")
		if j < 0 {
			break
		}
		j += i + 1
		start := -1
		switch {
		case j < len(s) && s[j] == '(':
			start = j + 1
		case j < len(s) && s[j] == ':' && definitionLine(s, j):
			start = j + 1
		}
		if start < 0 {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		k := start
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') {
			k++
		}
		end := destEnd(s, k)
		b.WriteString(s[i:k])
		if dangerousDest(s[k:end]) {
			b.WriteString("#")
		} else {
			b.WriteString(s[k:end])
		}
		i = end
	}
	b.WriteString(s[i:])
	return b.String()
}

// destEnd returns where the destination starting at k ends: at white space,
// or at a ")" that closes no "(" of its own.
func destEnd(s string, k int) int {
	depth := 0
	for ; k < len(s); k++ {
		switch c := s[k]; {
		case c == '\\' && k+1 < len(s):
			k++
		case c == '(':
			depth++
		case c == ')':
			if depth == 0 {
				return k
			}
			depth--
		case c <= ' ':
			return k
		}
	}
	return k
}

// definitionLine reports whether the "]" before s[colon] closes a "[label]"
// at the start of a line (up to three spaces in): a link reference
// definition.
func definitionLine(s string, colon int) bool {
	ls := strings.LastIndexByte(s[:colon], '\n') + 1
	t := strings.TrimLeft(s[ls:colon], " ")
	return len(s[ls:colon])-len(t) <= 3 && strings.HasPrefix(t, "[")
}
