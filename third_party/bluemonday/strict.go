// Package bluemonday is a stand-in for github.com/microcosm-cc/bluemonday
// with the one policy glamour uses: StrictPolicy, which strips every HTML
// tag and keeps the text, escaped. glamour builds a strict policy for each
// render and uses it on raw HTML in Markdown; the real package also
// compiles dozens of regular expressions and CSS tables at initialisation
// (~1.6 ms and 1 MB on every start of dossier, before main), which no
// other part of dossier uses.
//
// The go.work at the root of the repository replaces the real module with
// this one; `go install` of the module by its path ignores go.work and
// builds with the real bluemonday. Both give the same text: Sanitize below
// follows bluemonday v1.0.27's sanitize loop for a policy that allows no
// element (policy.go, sanitize.go), and render's tests check the result
// on raw HTML in claims.
package bluemonday

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Policy is a strict policy: no element, no attribute, no comment.
type Policy struct{}

// StrictPolicy returns the policy that strips every tag.
func StrictPolicy() *Policy { return &Policy{} }

// skipContent are the elements whose content is dropped with them, as in
// bluemonday's default policy.
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true,
}

// Sanitize returns s without its tags, comments and doctype, and without
// the content of script, style and the elements in skipContent; text is
// HTML-escaped. A blank s is returned as it is; input the tokenizer
// rejects gives "".
func (p *Policy) Sanitize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var b strings.Builder
	if err := strict(strings.NewReader(s), &b); err != nil {
		return ""
	}
	return b.String()
}

func strict(r io.Reader, w *strings.Builder) error {
	var (
		skip     bool   // inside an element whose content is dropped
		skipping int64  // how many of those are open
		recent   string // the most recently started element
	)
	z := html.NewTokenizer(r)
	for {
		if z.Next() == html.ErrorToken {
			if err := z.Err(); err != io.EOF {
				return err
			}
			return nil
		}
		t := z.Token()
		switch t.Type {
		case html.StartTagToken:
			name := normalise(t.Data)
			recent = name
			if name == "script" || name == "style" {
				continue
			}
			if skipContent[t.Data] {
				skip = true
				skipping++
			}
		case html.EndTagToken:
			name := normalise(t.Data)
			if recent == name {
				recent = ""
			}
			if name == "script" || name == "style" {
				continue
			}
			if skipContent[t.Data] {
				skipping--
				if skipping == 0 {
					skip = false
				}
			}
		case html.TextToken:
			if !skip && recent != "script" && recent != "style" {
				w.WriteString(t.String())
			}
		}
		// doctype, comments and self-closing tags are dropped
	}
}

// normalise is bluemonday's normaliseElementName.
func normalise(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strconv.QuoteToASCII(s)), `"`), `"`)
}
