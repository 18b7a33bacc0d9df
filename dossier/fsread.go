package dossier

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"syscall"

	"golang.org/x/text/unicode/norm"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// Size limits: a dossier is hand-written text; anything larger is a mistake
// or an attack, and is refused before it is parsed.
const (
	MaxFileSize  = 8 << 20  // bytes per file
	MaxTotalSize = 64 << 20 // bytes for the whole dossier
)

// The limits in force; variables so that tests can lower them.
var (
	fileLimit  int64 = MaxFileSize
	totalLimit int64 = MaxTotalSize
)

// topFiles are the files the loader reads at the root of a dossier, in the
// order they are parsed.
var topFiles = []string{"dossier.md", "sources.md", "delegations.md", "demands.md", "days.md", "discrepancies.md"}

// mdFolders are the folders whose .md files are read, in name order.
var mdFolders = []string{"topics", "briefings"}

// srcFile is one dossier file, read, checked and cleaned.
type srcFile struct {
	name  string // slash path relative to the root
	src   []byte // cleaned text
	lines *lineTable
}

// readFiles walks fsys and returns the files the loader parses, cleaned,
// keyed by path. Everything refused is reported as a problem.
func (l *loader) readFiles() map[string]*srcFile {
	files := map[string]*srcFile{}
	var total int64
	var budgetGone bool
	read := func(p string, typ fs.FileMode) {
		if budgetGone {
			return
		}
		f, ok := l.readOne(p, typ, &total)
		if total > totalLimit {
			budgetGone = true
			l.markBroken(p)
			l.errf(Pos{File: p}, "", "the dossier is larger than %s in all; this file and the rest are not read", mib(totalLimit))
			return
		}
		if ok {
			files[p] = f
		} else {
			l.markBroken(p)
		}
	}
	entries, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		l.errf(Pos{}, "", "cannot list the dossier folder: %v", cleanErr(err))
		return files
	}
	byName := map[string]fs.DirEntry{}
	for _, e := range entries {
		byName[e.Name()] = e
	}
	for _, name := range topFiles {
		if e, ok := byName[name]; ok {
			if e.IsDir() {
				l.errf(Pos{File: name}, "", "%s is a folder; it must be a Markdown file", name)
				continue
			}
			read(name, e.Type())
		}
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case Leftover(name): // leftover.go: an editor's backup or swap file
		case isTopFile(name) || isMDFolder(name):
		case strings.EqualFold(name, "README.md"):
		case e.IsDir():
			l.warnf(Pos{File: name}, "", "folder %s is not part of the dossier format; ignored", name)
		case strings.HasSuffix(name, ".md"):
			l.warnf(Pos{File: name}, "expected files are "+strings.Join(topFiles, ", "), "%s is not a dossier file; ignored", name)
		default:
			l.warnf(Pos{File: name}, "", "%s is not a Markdown file; ignored", name)
		}
	}
	for _, dir := range mdFolders {
		e, ok := byName[dir]
		if !ok {
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			l.markBroken(dir)
			l.errf(Pos{File: dir}, "", "%s is a symbolic link; it must be a real folder inside the dossier", dir)
			continue
		}
		if !e.IsDir() {
			l.markBroken(dir)
			l.errf(Pos{File: dir}, "", "%s must be a folder of Markdown files", dir)
			continue
		}
		sub, err := fs.ReadDir(l.fsys, dir)
		if err != nil {
			l.errf(Pos{File: dir}, "", "cannot list %s: %v", dir, cleanErr(err))
			continue
		}
		sort.Slice(sub, func(i, j int) bool { return sub[i].Name() < sub[j].Name() })
		for _, se := range sub {
			p := dir + "/" + se.Name()
			switch {
			case Leftover(se.Name()):
			case se.IsDir():
				l.warnf(Pos{File: p}, "", "folder %s inside %s/ is not read; ignored", se.Name(), dir)
			case !strings.HasSuffix(se.Name(), ".md"):
				l.errf(Pos{File: p}, "only .md files belong in "+dir+"/", "%s is not a Markdown file", p)
			default:
				read(p, se.Type())
			}
		}
	}
	return files
}

// done drops what a file holds once it is parsed: nothing in the model
// points into its text, and a large dossier need not hold every file's text
// until the last one is read.
func (f *srcFile) done() {
	f.src, f.lines = nil, nil
}

func isTopFile(name string) bool {
	for _, f := range topFiles {
		if f == name {
			return true
		}
	}
	return false
}

func isMDFolder(name string) bool {
	for _, f := range mdFolders {
		if f == name {
			return true
		}
	}
	return false
}

// readOne reads one file, refusing links that cannot be followed inside the
// root, oversized files and invalid UTF-8, and cleans it.
func (l *loader) readOne(p string, typ fs.FileMode, total *int64) (*srcFile, bool) {
	pos := Pos{File: p}
	if typ&fs.ModeSymlink != 0 {
		fi, err := fs.Stat(l.fsys, p)
		if err != nil {
			target := ""
			if t, lerr := fs.ReadLink(l.fsys, p); lerr == nil {
				target = " to " + quote(t)
			}
			switch {
			case errors.Is(err, fs.ErrNotExist):
				l.errf(pos, "", "symbolic link%s points to nothing; refused", target)
			case errors.Is(err, syscall.ELOOP):
				l.errf(pos, "link to the file itself, not through other links",
					"symbolic link%s is a loop, or a chain of more than 8 links; refused", target)
			default:
				l.errf(pos, "a dossier may only link to files inside its own folder",
					"symbolic link%s leaves the dossier folder; refused", target)
			}
			return nil, false
		}
		if !fi.Mode().IsRegular() {
			l.errf(pos, "", "symbolic link does not point to a regular file; refused")
			return nil, false
		}
	} else if !typ.IsRegular() && typ.Type() != 0 {
		l.errf(pos, "", "%s is not a regular file; refused", p)
		return nil, false
	}
	f, err := l.fsys.Open(p)
	if err != nil {
		l.errf(pos, "", "cannot open %s: %v", p, cleanErr(err))
		return nil, false
	}
	defer f.Close()
	var size int64 = -1
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
		if fi.Size() > fileLimit {
			l.errf(pos, "", "file is %d bytes; the limit is %s per file", fi.Size(), mib(fileLimit))
			return nil, false
		}
		if *total+fi.Size() > totalLimit {
			*total += fi.Size()
			return nil, false
		}
	}
	src, err := readAll(f, fileLimit+1, size)
	*total += int64(len(src))
	if err != nil {
		l.errf(pos, "", "cannot read %s: %v", p, cleanErr(err))
		return nil, false
	}
	if int64(len(src)) > fileLimit {
		l.errf(pos, "", "file is larger than the limit of %s per file", mib(fileLimit))
		return nil, false
	}
	if *total > totalLimit {
		return nil, false
	}
	clean, probs, ok := cleanFile(p, src)
	l.add(probs...)
	if !ok {
		return nil, false
	}
	// Text is compared after NFC normalisation: an account heading typed as
	// "Su" + U+0308 names "Südmark", and search finds either spelling.
	if !norm.NFC.IsNormal(clean) {
		clean = norm.NFC.Bytes(clean)
	}
	return &srcFile{name: p, src: clean, lines: newLineTable(clean)}, true
}

// cleanErr turns an error from the file system into text fit for a message:
// sanitised, and without the absolute path of the root.
// readAll reads at most limit bytes of r into a buffer the size of the
// file when it is known (size >= 0), so that reading a file does not grow
// and copy its buffer again and again.
func readAll(r io.Reader, limit, size int64) ([]byte, error) {
	if size < 0 || size >= limit {
		return io.ReadAll(io.LimitReader(r, limit))
	}
	r = io.LimitReader(r, limit)
	buf := make([]byte, 0, size+1) // +1: the read that finds the end needs room
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) { // the file grew since Stat
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

func cleanErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return sanitize.Line(path.Base(pe.Path) + ": " + pe.Err.Error())
	}
	return sanitize.Line(err.Error())
}

// mib formats a byte count as whole MiB, or bytes when under one MiB.
func mib(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// quote puts s in quotes for a message, sanitised, with invisible
// characters escaped first ('rumour\u200b-blog'), so that even the bidi
// controls the sanitiser removes are shown.
func quote(s string) string { return sanitize.Quote(EscapeInvisible(s)) }
