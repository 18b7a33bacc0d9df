// Package config reads the reader's settings file: the colour style, the
// pair of accounts to open with, whether the mouse is used, and key
// overrides. The file lives in the XDG config directory
// ($XDG_CONFIG_HOME/dossier/config.yaml, else ~/.config/dossier/config.yaml).
// Every mistake in it is reported as file:line:col. Flags on the command
// line override the file; the command line applies that rule, this package
// only reads.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dossier-dev/dossier/session"
)

// MaxSize bounds the config file: it is a few lines written by hand.
const MaxSize = 1 << 20

// Config holds the settings. The zero value is not the default: use
// Default.
type Config struct {
	// File is the path the settings were read from; Found is false when
	// there was no file there and the defaults are in use.
	File  string
	Found bool

	// Style is the colour style (StyleAuto asks the terminal).
	Style session.Style
	// Accounts is the pair of account ids the reader opens with, when the
	// dossier has both; zero means the dossier's own default pair.
	Accounts [2]string
	// Mouse says whether the reader turns on mouse reporting (wheel
	// scrolling and clicks). Off lets the terminal select text as usual.
	Mouse bool
	// Keys are the key overrides, in file order.
	Keys []KeyOverride

	// set records which settings the file gave, for `dossier config`.
	set map[string]Pos
}

// Pos is a position in the config file (1-based line and column).
type Pos struct {
	Line, Col int
}

// KeyOverride rebinds one action of the reader.
type KeyOverride struct {
	Action string   // e.g. "next-topic"
	Keys   []string // e.g. ["]", "n"]; empty turns the action off
	Pos    Pos      // where the action is named
	KeyPos []Pos    // where each key is written
}

// Default returns the settings used when there is no file.
func Default() Config {
	return Config{Style: session.StyleAuto, Mouse: true}
}

// FromFile reports whether the file set the named setting ("style",
// "accounts", "mouse", "keys"), and where.
func (c Config) FromFile(name string) (Pos, bool) {
	p, ok := c.set[name]
	return p, ok
}

// Path returns where the config file is looked for:
// $XDG_CONFIG_HOME/dossier/config.yaml when XDG_CONFIG_HOME is an
// absolute path, else ~/.config/dossier/config.yaml.
func Path() (string, error) {
	if x := os.Getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "dossier", "config.yaml"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the config directory: %w", err)
	}
	return filepath.Join(home, ".config", "dossier", "config.yaml"), nil
}

// Load reads the config file at path. A missing file is not an error: it
// gives the defaults, with Found false. A file with mistakes gives an
// *Errors listing each one as file:line:col.
func Load(path string) (Config, error) {
	c := Default()
	c.File = path
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return c, fmt.Errorf("%s: %w", path, err)
	}
	if len(src) > MaxSize {
		return c, fmt.Errorf("%s: larger than %d bytes; this is not a config file", path, MaxSize)
	}
	c, err = Parse(path, src)
	c.Found = true
	return c, err
}

// Error is one mistake in the config file.
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Pos.Line == 0:
		return e.File + ": " + e.Msg
	case e.Pos.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Errors is every mistake found in one file, in file order.
type Errors []*Error

func (es Errors) Error() string {
	var lines []string
	for _, e := range es {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// err returns es as an error, nil when empty.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
