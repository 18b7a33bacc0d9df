package dossier

import (
	"slices"
	"strings"
	"unicode"
)

// NameForms returns every written form of a name: the name and each alias,
// each also split at parentheses ("Abdul Khabir Majrooh (Jawad Sargar)"
// gives the name, the part outside and the part inside), and CJK forms
// also without their spaces ("佐藤 花子" gives "佐藤花子"). Forms are
// trimmed, in order, without repeats.
func NameForms(name string, aliases []string) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, f := range append([]string{name}, aliases...) {
		add(f)
		if open := strings.IndexByte(f, '('); open >= 0 {
			if end := strings.IndexByte(f[open:], ')'); end > 0 {
				add(f[:open] + f[open+end+1:])
				add(f[open+1 : open+end])
			}
		}
		if strings.IndexFunc(f, isCJK) >= 0 {
			add(strings.ReplaceAll(f, " ", ""))
		}
	}
	return out
}

// NameTerms returns the strings that, found in a text, name the member:
// every form of the name (NameForms), and then either the family name,
// when it is given (with the word in the same place of each alias), or else the first and the last word of each form that
// are telling on their own (four letters or more, or two CJK characters or
// more) — so a family name written first ("Sato Hanako") is found as well
// as one written last. An unnamed member has none.
func (m *Member) NameTerms() []string {
	if m.Name == "" {
		return nil
	}
	forms := NameForms(m.Name, m.Aliases)
	out := append([]string(nil), forms...)
	add := func(s string) {
		s = strings.Trim(s, ".,;:()")
		if s != "" && telling(s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if fam := strings.TrimSpace(m.Family); fam != "" {
		add(fam)
		// where the family name stands in the name (first or last word),
		// it stands in each alias too: "佐藤 花子" gives "佐藤"
		words := strings.Fields(m.Name)
		first, last := len(words) > 1 && words[0] == fam, len(words) > 1 && words[len(words)-1] == fam
		for _, f := range forms {
			if ws := strings.Fields(f); len(ws) >= 2 {
				switch {
				case first:
					add(ws[0])
				case last:
					add(ws[len(ws)-1])
				}
			}
		}
		return out
	}
	for _, f := range forms {
		if words := strings.Fields(f); len(words) >= 2 {
			add(words[0])
			add(words[len(words)-1])
		}
	}
	return out
}

// telling reports whether a single word names someone on its own: four
// letters or more, or two or more CJK characters (family names in Chinese,
// Japanese and Korean are short).
func telling(w string) bool {
	n := len([]rune(w))
	if n >= 2 && strings.IndexFunc(w, isCJK) >= 0 {
		return true
	}
	return n >= 4
}

// isCJK reports whether r is a Han, Hiragana, Katakana or Hangul letter.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Forms returns every written form of the party's name (NameForms).
func (p *Party) Forms() []string { return NameForms(p.Name, p.Aliases) }

// Forms returns every written form of the account's name (NameForms).
func (a *Account) Forms() []string { return NameForms(a.Name, a.Aliases) }
