// Package search finds text anywhere in a dossier: topics, days and their
// events, claims, delegations and their members, demands, sources and
// discrepancies. An Index is built once per dossier, is immutable, and is
// safe to share between any number of sessions; a query scans one folded
// string and takes microseconds.
//
// Matching is case-insensitive and ignores diacritics: text and query are
// both folded (Fold), so "kalin" finds "Kalın", "turkiye" finds
// "Türkiye" and "1800" finds "1,800".
package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special folds letters that compatibility decomposition leaves alone:
// Turkish dotless i, letters with strokes, ligatures written as one
// letter, and typographic quotes and dashes.
var special = map[rune]string{
	'ı': "i", 'ß': "ss", 'ẞ': "ss", 'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d",
	'Ð': "d", 'þ': "th", 'Þ': "th", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t",
	'ς': "σ",
	'‘': "'", '’': "'", '‛': "'", 'ʼ': "'", '“': `"`, '”': `"`, '„': `"`,
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-", '―': "-", '−': "-",
}

// Fold returns s as it is matched: compatibility-decomposed (NFKD), with
// combining marks removed, lower-cased, and with the letters of special
// folded to their base letters. Fold is idempotent.
func Fold(s string) string {
	b, _ := fold(nil, nil, s, 0)
	return string(b)
}

// fold appends the folding of s to b and, when offs is not nil, for each
// byte appended the byte offset in s (plus base) of the rune it came from.
// A thousands separator between two digits (1,800, 1 800, 1'800) is
// dropped, so that "1800" finds "1,800" and the other way round.
func fold(b []byte, offs []int32, s string, base int) ([]byte, []int32) {
	prevDigit := false
	for i, r := range s {
		if prevDigit && groupSep(r) {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); '0' <= next && next <= '9' {
				continue
			}
		}
		prevDigit = '0' <= r && r <= '9'
		n := len(b)
		b = foldRune(b, r)
		if offs != nil {
			for range len(b) - n {
				offs = append(offs, int32(base+i))
			}
		}
	}
	return b, offs
}

// groupSep reports whether r may separate groups of digits.
func groupSep(r rune) bool {
	switch r {
	case ',', '\'', '’', '\u00a0', '\u2009', '\u202f':
		return true
	}
	return false
}

// foldRune appends the folding of one rune.
func foldRune(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if s, ok := special[r]; ok {
		return append(b, s...)
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if norm.NFKD.IsNormal(buf[:n]) && !unicode.Is(unicode.Mn, r) {
		return utf8.AppendRune(b, unicode.ToLower(r))
	}
	for _, d := range norm.NFKD.String(string(buf[:n])) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case special[d] != "":
			b = append(b, special[d]...)
		default:
			b = utf8.AppendRune(b, unicode.ToLower(d))
		}
	}
	return b
}
