package scaffold

import (
	"fmt"
	"strings"
	"text/template"
	"unicode"
)

// funcs are the template functions. Every value from the author passes
// through one of them on its way into a file, so that no name can break
// the YAML or the Markdown around it.
var funcs = template.FuncMap{
	"yaml": yamlQuote,
	"md":   mdEscape,
}

// yamlQuote returns s as a YAML double-quoted scalar. s has been through
// clean, so it holds no control character or line break; only the
// backslash and the double quote need escaping.
func yamlQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// headingFor returns the text of a topic's account heading for party i:
// its name when the name is plain text that the loader resolves to this
// account, else its id when that resolves to it.
func headingFor(ps []Party, i int) (string, error) {
	cands := []string{ps[i].ID}
	if plain(ps[i].Name) {
		cands = []string{ps[i].Name, ps[i].ID}
	}
	for _, c := range cands {
		if resolve(ps, c) == i {
			return c, nil
		}
	}
	return "", fmt.Errorf("party %q is too like another party's name or id; rename one", ps[i].Name)
}

// plain reports whether a name can stand as heading text as it is.
func plain(name string) bool {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) && !strings.ContainsRune(" -.,'’()&/", r) {
			return false
		}
	}
	return true
}

// resolve mirrors how the loader reads a section heading: the first
// account whose id or name matches, case aside. It returns -1 for none.
func resolve(ps []Party, h string) int {
	for i, p := range ps {
		if p.ID == h || strings.EqualFold(p.Name, h) || strings.EqualFold(p.ID, h) {
			return i
		}
	}
	return -1
}

// mdEscape escapes the ASCII punctuation Markdown (and the dossier's own
// citation and attribute syntax) could read as markup, so that a name is
// shown as written.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune("\\`*_{}[]()#+-.!<>|~&@=:\"'", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
