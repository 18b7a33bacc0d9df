package dossier

import (
	"fmt"
	"strings"
	"unicode"
)

// ValidID reports whether s has the form of an id: a letter, then letters,
// digits, '-' and '_'. It is the one rule for ids; the config file's
// account ids use it too. An id holding an invisible character is not
// valid (see Invisible).
func ValidID(s string) bool {
	for i, r := range s {
		switch {
		case Invisible(r):
			return false
		case unicode.IsLetter(r):
		case i > 0 && (unicode.IsDigit(r) || r == '-' || r == '_'):
		default:
			return false
		}
	}
	return s != ""
}

// validID is ValidID, under the name the loader has always used.
func validID(s string) bool { return ValidID(s) }

// invisibleNames names the invisible characters people paste into ids
// without knowing: zero-width characters, joiners, bidi controls.
var invisibleNames = map[rune]string{
	0x00AD: "SOFT HYPHEN",
	0x034F: "COMBINING GRAPHEME JOINER",
	0x061C: "ARABIC LETTER MARK",
	0x115F: "HANGUL CHOSEONG FILLER",
	0x1160: "HANGUL JUNGSEONG FILLER",
	0x180E: "MONGOLIAN VOWEL SEPARATOR",
	0x200B: "ZERO WIDTH SPACE",
	0x200C: "ZERO WIDTH NON-JOINER",
	0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK",
	0x200F: "RIGHT-TO-LEFT MARK",
	0x202A: "LEFT-TO-RIGHT EMBEDDING",
	0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING",
	0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE",
	0x2060: "WORD JOINER",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
	0x3164: "HANGUL FILLER",
	0xFEFF: "ZERO WIDTH NO-BREAK SPACE",
	0xFFA0: "HALFWIDTH HANGUL FILLER",
}

// Invisible reports whether r draws nothing: a format character (zero-width
// spaces and joiners, bidi controls), a variation selector, or one of the
// fillers that count as letters.
func Invisible(r rune) bool {
	if _, ok := invisibleNames[r]; ok {
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// EscapeInvisible writes each invisible character of s as \uXXXX, so that
// a message shows what the eye cannot: "rumour\u200b-blog".
func EscapeInvisible(s string) string {
	if strings.IndexFunc(s, Invisible) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if Invisible(r) {
			if r > 0xFFFF {
				fmt.Fprintf(&b, `\U%08x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisibleIn names the first invisible character of s ("U+200B ZERO
// WIDTH SPACE"), or "" when there is none.
func invisibleIn(s string) string {
	i := strings.IndexFunc(s, Invisible)
	if i < 0 {
		return ""
	}
	r := []rune(s[i:])[0]
	name := invisibleNames[r]
	if name == "" {
		name = "an invisible format character"
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

// confusable maps letters of other scripts that look like a Latin letter to
// that letter (Cyrillic and Greek; the cases that fool a reader).
var confusable = map[rune]rune{
	// Cyrillic
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's',
	'і': 'i', 'ј': 'j', 'ԁ': 'd', 'һ': 'h', 'ӏ': 'l', 'ԛ': 'q', 'ԝ': 'w', 'ү': 'y',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P',
	'С': 'C', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԛ': 'Q', 'Ԝ': 'W',
	// Greek
	'ο': 'o', 'ν': 'v', 'ρ': 'p', 'ι': 'i', 'κ': 'k', 'υ': 'u', 'α': 'a',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M',
	'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
}

// skeleton is s with every look-alike letter replaced by the Latin letter
// it imitates: two ids with the same skeleton look the same.
func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		if l, ok := confusable[r]; ok {
			return l
		}
		return r
	}, s)
}

// scriptOf names the script of a letter, for messages.
func scriptOf(r rune) string {
	for _, s := range []struct {
		name string
		tab  *unicode.RangeTable
	}{{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Greek", unicode.Greek}} {
		if unicode.Is(s.tab, r) {
			return s.name
		}
	}
	return fmt.Sprintf("U+%04X", r)
}

// lookAlike explains how a differs from b when both have the same
// skeleton: "'dаwn' has Cyrillic 'а' (U+0430) where 'dawn' has Latin 'a'".
// It returns "" when they do not look alike or are equal.
func lookAlike(a, b string) string {
	if a == b || skeleton(a) != skeleton(b) {
		return ""
	}
	ra, rb := []rune(a), []rune(b)
	for i := range ra {
		if i < len(rb) && ra[i] != rb[i] {
			return fmt.Sprintf("%s has %s '%c' (U+%04X) where %s has %s '%c'",
				quote(a), scriptOf(ra[i]), ra[i], ra[i], quote(b), scriptOf(rb[i]), rb[i])
		}
	}
	return ""
}

// checkLookAlikes warns about ids of one kind that look the same but
// differ (a Latin and a Cyrillic 'a'): a reference meant for one resolves
// silently to the other. ids and their positions are in file order.
func (l *loader) checkLookAlikes(what string, ids []string, pos []Pos) {
	seen := map[string]int{}
	for i, id := range ids {
		if id == "" {
			continue
		}
		sk := skeleton(id)
		j, ok := seen[sk]
		if !ok {
			seen[sk] = i
			continue
		}
		if why := lookAlike(id, ids[j]); why != "" {
			l.warnf(pos[i], why, "%s id %s looks the same as %s (%s) but differs", what, quote(id), quote(ids[j]), shortPos(pos[j]))
		}
	}
}
