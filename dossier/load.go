package dossier

import (
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

// Load reads the dossier rooted at fsys, resolves every reference and
// validates it. It returns every problem found (errors and warnings, sorted
// by file, line and column). When any problem is an error the *Dossier is
// nil; otherwise it is complete, immutable and safe to share. Load never
// panics, whatever fsys holds.
//
// The same code path serves the embedded dossier (content.Default()) and a
// folder on disk (LoadDir).
func Load(fsys fs.FS) (d *Dossier, probs Problems) {
	l := &loader{fsys: fsys, d: &Dossier{}, partyKind: map[string]string{}, broken: map[string]bool{}}
	defer func() {
		if r := recover(); r != nil {
			// A bug in this package must not take the program down; report
			// it like any other problem.
			l.errf(Pos{File: l.current}, "", "internal error while loading (please report): %v", r)
			d, probs = nil, sortProblems(l.probs)
		}
	}()
	files := l.readFiles()
	l.parseAll(files)
	if !l.dossierFile {
		l.broken["account"], l.broken["party"], l.broken["anyparty"] = true, true, true
	}
	l.derive()
	probs = sortProblems(l.probs)
	if l.dropped > 0 {
		sev := SeverityWarning
		if l.droppedErr {
			sev = SeverityError
		}
		// No position, so it sorts first, where it is seen.
		probs = append(Problems{{Severity: sev, Msg: fmt.Sprintf("%d more problems not listed below the first %d", l.dropped, maxProblems),
			Omitted: &Omitted{Errors: l.droppedErrs, Warnings: l.dropped - l.droppedErrs}}}, probs...)
	}
	if probs.HasErrors() {
		return nil, probs
	}
	return l.d, probs
}

// derive builds what the model holds beyond what the files say (the index,
// the derived fields that validation sets) and checks it: everything Load
// does after parsing. DecodeSnapshot runs it too.
func (l *loader) derive() {
	l.buildIndex()
	l.validate()
	l.d.support = &supportCache{}
}

// LoadDir loads the dossier in the folder at path. The folder is opened
// with os.OpenRoot, so no file outside it can be read, whatever links it
// holds. The error is non-nil only when the folder itself cannot be opened;
// problems in the dossier are returned as Problems.
func LoadDir(path string) (*Dossier, Problems, error) {
	root, err := os.OpenRoot(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open dossier folder: %w", err)
	}
	defer root.Close()
	d, probs := Load(root.FS())
	return d, probs, nil
}

// loader holds the state of one Load.
type loader struct {
	fsys    fs.FS
	d       *Dossier
	probs   Problems
	current string // file being parsed, for internal-error reports

	// refs are every reference met while parsing, resolved by validate.
	refs []ref
	// partyKind maps a party or mediator id to "party" or "mediator".
	partyKind map[string]string
	// claims holds what validation needs to know about each claim beyond
	// the model: where its key and relation mark were written.
	claims []claimMeta
	// dropped counts the problems past maxProblems, droppedErrs the
	// errors among them; droppedErr says whether there was one.
	dropped     int
	droppedErrs int
	droppedErr  bool
	// broken holds the reference kinds whose defining file could not be
	// read, so that references to them are not reported one by one.
	broken map[string]bool
	// dossierFile is set when dossier.md's front matter was read, so that
	// checks that need it stay quiet when it is missing or unreadable.
	dossierFile bool
}

// ref is one reference to an element by id, kept with its position.
type ref struct {
	kind string // index kind: "source", "account", "day", … or "party"/"anyparty"
	id   string
	pos  Pos
}

// maxProblems bounds the problems kept from one load, so that a huge broken
// dossier cannot exhaust memory; the rest are counted.
const maxProblems = 1000

func (l *loader) errf(p Pos, hint, format string, args ...any) {
	l.add(Problem{Severity: SeverityError, Pos: p, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (l *loader) warnf(p Pos, hint, format string, args ...any) {
	l.add(Problem{Severity: SeverityWarning, Pos: p, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (l *loader) add(ps ...Problem) {
	for _, p := range ps {
		if len(l.probs) >= maxProblems {
			l.dropped++
			if p.Severity == SeverityError {
				l.droppedErr = true
				l.droppedErrs++
			}
			continue
		}
		l.probs = append(l.probs, p)
	}
}

// fileKinds are the kinds of element each file defines.
var fileKinds = map[string][]string{
	"dossier.md":       {"account", "party", "anyparty"},
	"sources.md":       {"source"},
	"days.md":          {"day"},
	"demands.md":       {"demand"},
	"discrepancies.md": {"discrepancy"},
	"topics":           {"topic"},
	"briefings":        {"briefing"},
}

// markBroken records that file could not be read or parsed as a whole, so
// that references to what it defines are not reported as unknown.
func (l *loader) markBroken(file string) {
	dir, _, nested := strings.Cut(file, "/")
	if nested {
		file = dir
	}
	for _, k := range fileKinds[file] {
		l.broken[k] = true
	}
}

// addRef records a reference to resolve once everything is read.
func (l *loader) addRef(kind, id string, p Pos) {
	if inv := invisibleIn(id); inv != "" {
		l.errf(p, "delete it: it draws nothing, so the id looks right but matches nothing",
			"%s id %s holds an invisible character (%s)", kindWords[kind], quote(id), inv)
		return
	}
	l.refs = append(l.refs, ref{kind: kind, id: id, pos: p})
}

// parseAll parses every file read, in a fixed order.
func (l *loader) parseAll(files map[string]*srcFile) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if f, ok := files["dossier.md"]; ok {
		l.parseMeta(f)
		f.done()
	} else if !l.hasProblemFor("dossier.md") {
		l.errf(Pos{File: "dossier.md"}, "every dossier starts with a dossier.md holding id, title and accounts",
			"dossier.md is missing")
	}
	parsers := map[string]func(*srcFile){
		"sources.md":       l.parseSources,
		"delegations.md":   l.parseDelegations,
		"demands.md":       l.parseDemands,
		"days.md":          l.parseDays,
		"discrepancies.md": l.parseDiscrepancies,
	}
	for _, name := range topFiles[1:] {
		if f, ok := files[name]; ok {
			l.current = name
			parsers[name](f)
			f.done()
		}
	}
	for _, n := range names {
		l.current = n
		switch {
		case strings.HasPrefix(n, "topics/"):
			l.parseTopic(files[n])
		case strings.HasPrefix(n, "briefings/"):
			l.parseBriefing(files[n])
		}
		files[n].done()
	}
	l.current = ""
}

func (l *loader) hasProblemFor(file string) bool {
	for _, p := range l.probs {
		if p.Pos.File == file {
			return true
		}
	}
	return false
}

// indexedKinds are the kinds of element found by id through d.index, in
// the order their problems are reported.
var indexedKinds = []string{"account", "source", "day", "topic", "discrepancy", "demand", "briefing"}

// idsOf returns the id and the position of every element of a kind, in
// the order of its slice; "party" is the parties then the mediators. It is
// the one list that buildIndex, posOf and the look-alike check walk.
func (d *Dossier) idsOf(kind string) (ids []string, pos []Pos) {
	add := func(id string, p Pos) { ids, pos = append(ids, id), append(pos, p) }
	switch kind {
	case "party":
		for _, x := range d.Parties {
			add(x.ID, x.Pos)
		}
		for _, x := range d.Mediators {
			add(x.ID, x.Pos)
		}
	case "account":
		for _, x := range d.Accounts {
			add(x.ID, x.Pos)
		}
	case "source":
		for _, x := range d.Sources {
			add(x.ID, x.Pos)
		}
	case "day":
		for _, x := range d.Days {
			add(x.ID, x.Pos)
		}
	case "topic":
		for _, x := range d.Topics {
			add(x.ID, x.Pos)
		}
	case "discrepancy":
		for _, x := range d.Discrepancies {
			add(x.ID, x.Pos)
		}
	case "demand":
		for _, x := range d.Demands {
			add(x.ID, x.Pos)
		}
	case "briefing":
		for _, x := range d.Briefings {
			add(x.ID, x.Pos)
		}
	}
	return ids, pos
}

// buildIndex fills d.index and reports duplicate ids of each kind.
func (l *loader) buildIndex() {
	d := l.d
	d.index = map[string]int{}
	for _, kind := range indexedKinds {
		ids, pos := d.idsOf(kind)
		for i, id := range ids {
			if id == "" {
				continue
			}
			k := kind + ":" + id
			if j, dup := d.index[k]; dup {
				l.errf(pos[i], "", "duplicate %s id %s (first defined at %s)", kind, quote(id), shortPos(pos[j]))
				continue
			}
			d.index[k] = i
		}
	}
	l.checkAllLookAlikes()
}

// checkAllLookAlikes warns, kind by kind, about ids that look the same but
// differ (see checkLookAlikes); briefings are left out.
func (l *loader) checkAllLookAlikes() {
	for _, kind := range []string{"party", "account", "source", "day", "topic", "discrepancy", "demand"} {
		ids, pos := l.d.idsOf(kind)
		l.checkLookAlikes(kind, ids, pos)
	}
}

// shortPos formats a position as file:line for use inside a message.
func shortPos(p Pos) string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

func sortProblems(ps Problems) Problems {
	out := append(Problems(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}
