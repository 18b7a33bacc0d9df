package notes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// FileName is the name of the notes file in a dossier's state directory;
// SeenName the name of the file that remembers what was seen.
const (
	FileName = "notes.md"
	SeenName = "seen"
)

// StateDir returns the directory dossier keeps its state in:
// $XDG_STATE_HOME/dossier, else ~/.local/state/dossier.
func StateDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dossier"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no place for notes: %w (set XDG_STATE_HOME or use --notes FILE)", err)
	}
	return filepath.Join(home, ".local", "state", "dossier"), nil
}

var unsafeRe = regexp.MustCompile(`[^A-Za-z0-9._-]`)

// SafeName turns an id (a dossier id, a key fingerprint) into one path
// element: letters, digits, dot, dash and underscore kept, anything else
// "_", never "", "." or "..".
func SafeName(id string) string {
	s := unsafeRe.ReplaceAllString(id, "_")
	s = strings.TrimLeft(s, ".")
	if s == "" {
		s = "_"
	}
	if len(s) > 100 {
		s = s[:100]
	}
	return s
}

// Place says where one user's notes live: a state directory that holds a
// folder per dossier, or one file chosen with --notes. Limit, when not
// zero, is the most bytes the notes and seen files of one dossier may take
// (the SSH server sets it per user).
type Place struct {
	Dir   string
	File  string
	Limit int64
}

// Store returns the store of one dossier at p.
func (p Place) Store(dossierID string) *Store {
	if p.File != "" {
		return &Store{Path: p.File, SeenPath: p.File + ".seen", Limit: p.Limit}
	}
	dir := filepath.Join(p.Dir, SafeName(dossierID))
	return &Store{Path: filepath.Join(dir, FileName), SeenPath: filepath.Join(dir, SeenName), Limit: p.Limit}
}

// Store reads and writes the notes and the seen record of one dossier for
// one user. Saves are atomic (a temporary file in the same directory,
// then a rename) and ordered: a save of an older version never overwrites
// a newer one. A Store is safe for concurrent use.
type Store struct {
	Path     string
	SeenPath string
	Limit    int64

	mu      sync.Mutex
	written map[string]uint64 // path → generation last written
	// base is the book as this Store last read or wrote it: what a save
	// merges against (Merge).
	base *Book
}

// ErrTooLarge is returned by a save that would pass the Store's Limit.
var ErrTooLarge = errors.New("notes: over the size limit")

// Load reads the notes file; a missing file is an empty book. A file that
// does not parse gives a *ParseError naming the file and line.
func (s *Store) Load() (*Book, error) {
	b, err := s.read()
	if err == nil {
		s.mu.Lock()
		s.base = b.Clone()
		s.mu.Unlock()
	}
	return b, err
}

// read reads and parses the notes file (a missing one is an empty book).
func (s *Store) read() (*Book, error) {
	data, err := os.ReadFile(s.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Book{}, nil
	}
	if err != nil {
		return nil, err
	}
	b, err := Parse(data)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = s.Path
	}
	return b, err
}

// Save writes a book, generation gen, as the notes file: merged (Merge)
// with what the file holds now, so that what was written there since this
// Store read it (by hand, or by another session) is kept. It returns the
// book as written, or nil when a later generation was saved already. A
// file that no longer parses is not written over: its *ParseError is
// returned.
func (s *Store) Save(ours *Book, gen uint64) (*Book, error) {
	lock := pathLock(s.Path)
	lock.Lock()
	defer lock.Unlock()
	s.mu.Lock()
	stale := gen != 0 && gen <= s.written[s.Path]
	base := s.base
	s.mu.Unlock()
	if stale {
		return nil, nil
	}
	disk, err := s.read()
	if err != nil {
		return nil, err
	}
	if base == nil {
		base = &Book{}
	}
	merged := Merge(base, ours, disk)
	if err := s.write(s.Path, Format(merged), gen); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.base = merged.Clone()
	s.mu.Unlock()
	return merged, nil
}

// pathLocks serialise the saves of one file by the sessions of one
// process (a user with two SSH sessions), between reading and renaming.
var pathLocks sync.Map

func pathLock(path string) *sync.Mutex {
	l, _ := pathLocks.LoadOrStore(path, &sync.Mutex{})
	return l.(*sync.Mutex)
}

// SaveSeen writes the seen record.
func (s *Store) SaveSeen(seen Seen) error {
	return s.write(s.SeenPath, seen.Format(), 0)
}

// LoadSeen reads the seen record; ok is false when there is none (the
// first opening) or it cannot be read.
func (s *Store) LoadSeen() (Seen, bool) {
	data, err := os.ReadFile(s.SeenPath)
	if err != nil {
		return Seen{}, false
	}
	return ParseSeen(data)
}

// write writes a file atomically, generation gen (0: always).
func (s *Store) write(path string, data []byte, gen uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.written == nil {
		s.written = map[string]uint64{}
	}
	if gen != 0 && gen <= s.written[path] {
		return nil
	}
	if s.Limit > 0 {
		other := s.SeenPath
		if path == s.SeenPath {
			other = s.Path
		}
		var used int64
		if fi, err := os.Stat(other); err == nil {
			used = fi.Size()
		}
		if used+int64(len(data)) > s.Limit {
			return fmt.Errorf("%w: %d bytes of at most %d", ErrTooLarge, used+int64(len(data)), s.Limit)
		}
	}
	if err := WriteAtomic(path, data); err != nil {
		return err
	}
	if gen != 0 {
		s.written[path] = gen
	}
	return nil
}

// WriteAtomic writes data to path through a temporary file in the same
// directory and a rename, so that a reader (or a crash) sees the old file
// or the new one, never half of one. The directory is made (0700) when
// missing; the file is 0600.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o600)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
