package scaffold

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug turns a name into a dossier id: lower case, accents removed where
// the letter has a plain form ("Türkiye" → "turkiye"), letters of every
// script kept as they are ("Пакистан" → "пакистан"), every run of other
// characters turned into one "-". Combining marks are dropped because an id
// may not hold them (so "भारत" becomes "भरत": still a valid, if plain, id). The result is a valid id (a letter, then
// letters, digits, "-" and "_") or "" when name holds no letter or digit.
// A slug that would start with a digit is prefixed with "n".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.M, r):
			// a combining mark left by the decomposition: drop it
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	s := norm.NFC.String(b.String())
	if s == "" {
		return ""
	}
	if r := []rune(s)[0]; !unicode.IsLetter(r) {
		s = "n" + s
	}
	return s
}

// uniqueIDs returns one id per name: its slug, or fallback-N when the
// slug is empty, with "-2", "-3" … appended to repeats.
func uniqueIDs(names []string, fallback string) []string {
	used := map[string]bool{}
	ids := make([]string, len(names))
	for i, n := range names {
		base := Slug(n)
		if base == "" {
			base = fallback + "-" + strconv.Itoa(i+1)
		}
		id := base
		for k := 2; used[id]; k++ {
			id = base + "-" + strconv.Itoa(k)
		}
		used[id] = true
		ids[i] = id
	}
	return ids
}
