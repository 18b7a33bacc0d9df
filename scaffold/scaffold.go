// Package scaffold writes a new dossier: a folder holding every file of the
// format, each with comments that show its syntax, filled in with the
// title and parties the author gave so that it passes `dossier check` at
// once. Templates are embedded in the binary.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

//go:embed all:templates
var templates embed.FS

// Options say what the new dossier is about.
type Options struct {
	// Title is the negotiation's title, e.g. "The Geneva water talks".
	Title string
	// Parties are the names of the sides, at least two. Each becomes a
	// party and an account; ids are derived from the names.
	Parties []string
	// Date is the first day of the talks; the zero time means today.
	Date time.Time
}

// Party is one side as the templates see it.
type Party struct {
	ID   string
	Name string
	// Heading is what the topic's "## " line says for this party's
	// account: its name, or its id when the name would not read back as
	// this account.
	Heading string
}

// data is what the templates are executed with.
type data struct {
	ID, Title string
	Parties   []Party
	First     Party // the first two parties: the default pair
	Second    Party
	RunUp     string // YYYY-MM-DD, the day before the talks
	Start     string // YYYY-MM-DD, the first day of the talks
}

// Files returns the scaffold as a map from slash-separated path to
// content. It does not touch the disk.
func Files(opts Options) (map[string][]byte, error) {
	d, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	err = fs.WalkDir(templates, "templates", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		src, err := fs.ReadFile(templates, p)
		if err != nil {
			return err
		}
		t, err := template.New(path.Base(p)).Funcs(funcs).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return fmt.Errorf("template %s: %w", p, err)
		}
		var b bytes.Buffer
		if err := t.Execute(&b, d); err != nil {
			return fmt.Errorf("template %s: %w", p, err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(p, "templates/"), ".tmpl")
		out[name] = b.Bytes()
		return nil
	})
	return out, err
}

// Write creates the scaffold in dir, which must not exist or be an empty
// folder; it returns the paths written, relative to dir, in name order.
// It never overwrites a file.
func Write(dir string, opts Options) ([]string, error) {
	files, err := Files(opts)
	if err != nil {
		return nil, err
	}
	if err := emptyDir(dir); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		_, werr := f.Write(files[n])
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return nil, werr
		}
	}
	return names, nil
}

// emptyDir makes sure dir exists and is empty, creating it when missing.
func emptyDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case !fi.IsDir():
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty (it holds %s); choose a new or empty folder", dir, entries[0].Name())
	}
	return nil
}

// prepare checks the options and derives ids and dates.
func prepare(opts Options) (*data, error) {
	title := clean(opts.Title)
	if title == "" {
		return nil, errors.New("the dossier needs a title")
	}
	var names []string
	for _, p := range opts.Parties {
		n := clean(p)
		if n == "" {
			continue
		}
		for _, m := range names {
			if strings.EqualFold(m, n) {
				return nil, fmt.Errorf("party %q is given twice", n)
			}
		}
		names = append(names, n)
	}
	if len(names) < 2 {
		return nil, fmt.Errorf("a negotiation needs at least two parties (got %d)", len(names))
	}
	ids := uniqueIDs(names, "party")
	d := &data{Title: title, ID: Slug(title)}
	if d.ID == "" {
		d.ID = "dossier"
	}
	for i, n := range names {
		d.Parties = append(d.Parties, Party{ID: ids[i], Name: n})
	}
	for i := range d.Parties {
		h, err := headingFor(d.Parties, i)
		if err != nil {
			return nil, err
		}
		d.Parties[i].Heading = h
	}
	d.First, d.Second = d.Parties[0], d.Parties[1]
	start := opts.Date
	if start.IsZero() {
		start = time.Now()
	}
	start = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	d.Start = start.Format(time.DateOnly)
	d.RunUp = start.AddDate(0, 0, -1).Format(time.DateOnly)
	return d, nil
}

// clean makes a name from the command line fit for one line of a file:
// control characters removed, every run of white space (line breaks
// included) made one space, and the ends trimmed.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(sanitize.Text(s), unicode.IsSpace), " ")
}
