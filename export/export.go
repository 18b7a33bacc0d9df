// Package export writes a briefing of a dossier as a handout for people
// without a terminal: one self-contained HTML file (inline CSS, no
// script, nothing loaded from elsewhere, readable on a phone and on paper)
// or the same as Markdown. Each stop shows what it shows in the reader;
// compare stops put the two accounts side by side with aligned claims,
// source badges, day tags and relation marks. Every piece of dossier text
// is sanitised, and its Markdown is rendered without raw HTML.
package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
)

// Format is the kind of file Write produces.
type Format int

// Formats.
const (
	HTML Format = iota
	Markdown
)

var formatNames = [...]string{"html", "md"}

// String returns "html" or "md".
func (f Format) String() string {
	if int(f) >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// ParseFormat reads a format name as given to --format ("markdown" is
// accepted for "md").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "html", "htm":
		return HTML, nil
	case "md", "markdown":
		return Markdown, nil
	}
	return 0, fmt.Errorf("unknown format %q (use html or md)", s)
}

// Options say what to export.
type Options struct {
	// Briefing is the id of the briefing; "" means the dossier's first.
	Briefing string
	Format   Format
	// Notes includes the presenter notes, which are left out by default:
	// a handout is for the audience.
	Notes bool
	// Memo is the reader's own bookmarks and notes as Markdown (from
	// notes.Memo, its "# " title dropped), added after the discrepancies
	// under "Your notes"; "" adds nothing.
	Memo string
}

// Write writes the handout of a briefing of d to w.
func Write(w io.Writer, d *dossier.Dossier, opts Options) error {
	b, err := pick(d, opts.Briefing)
	if err != nil {
		return err
	}
	h := build(d, b, opts.Notes)
	h.MemoMD = mdText(opts.Memo)
	switch opts.Format {
	case HTML:
		return writeHTML(w, h)
	case Markdown:
		return writeMarkdown(w, h)
	}
	return fmt.Errorf("unknown format %d", opts.Format)
}

// pick finds the briefing to export.
func pick(d *dossier.Dossier, id string) (*dossier.Briefing, error) {
	if d == nil {
		return nil, fmt.Errorf("no dossier")
	}
	if len(d.Briefings) == 0 {
		return nil, fmt.Errorf("the dossier has no briefing; add one under briefings/")
	}
	if id == "" {
		return &d.Briefings[0], nil
	}
	if b, ok := d.Briefing(id); ok {
		return b, nil
	}
	var ids []string
	for _, b := range d.Briefings {
		ids = append(ids, b.ID)
	}
	return nil, fmt.Errorf("no briefing %q; the briefings are %s", sanitize.Text(id), strings.Join(ids, ", "))
}

//go:embed assets/handout.html.tmpl
var handoutTmpl string

//go:embed assets/handout.css
var handoutCSS string

// sourceList is what the "sources" template is given: the sources and
// whether they carry the anchors badges link to (only one list may).
type sourceList struct {
	Anchors bool
	Items   []source
}

// page is the handout's template, parsed on first use: parsing it at
// package initialisation cost every start of the program (the reader
// included) ~1 ms and 0.1 MB before main.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("handout").Funcs(template.FuncMap{
		"md":     blockHTML,
		"inline": inlineHTML,
		"css":    func() template.CSS { return template.CSS(handoutCSS) }, //nolint:gosec // our own file
		"sourceList": func(anchors bool, items []source) sourceList {
			return sourceList{Anchors: anchors, Items: items}
		},
	}).Parse(handoutTmpl))
})

func writeHTML(w io.Writer, h *handout) error {
	var b strings.Builder
	if err := page().Execute(&b, h); err != nil {
		return err
	}
	_, err := io.WriteString(w, sanitize.Text(b.String()))
	return err
}
