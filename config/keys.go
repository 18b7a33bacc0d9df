package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"

	"github.com/dossier-dev/dossier/internal/suggest"
)

// modifiers in the order Bubble Tea writes them ("ctrl+alt+shift+x"); a
// key written in another order would never match.
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// named keys as Bubble Tea spells them.
var namedKeys = map[string]bool{
	"enter": true, "tab": true, "backspace": true, "esc": true, "space": true,
	"up": true, "down": true, "left": true, "right": true, "begin": true, "find": true,
	"insert": true, "delete": true, "select": true, "pgup": true, "pgdown": true,
	"home": true, "end": true,
}

func init() {
	for i := 1; i <= 24; i++ {
		namedKeys[fmt.Sprintf("f%d", i)] = true
	}
}

// checkKey says what is wrong with a key as written in the config file,
// or "" when Bubble Tea can report it.
func checkKey(k string) string {
	if k == "" {
		return "empty key"
	}
	if k == "+" {
		return ""
	}
	parts := strings.Split(k, "+")
	base := parts[len(parts)-1]
	if base == "" { // "ctrl++"
		parts, base = parts[:len(parts)-2], "+"
	} else {
		parts = parts[:len(parts)-1]
	}
	last := -1
	for _, m := range parts {
		i := slices.Index(modifiers, m)
		if i < 0 {
			return fmt.Sprintf("unknown modifier %q in %q; modifiers are %s", m, k, strings.Join(modifiers, ", "))
		}
		if i <= last {
			return fmt.Sprintf("write the modifiers of %q in the order %s", k, strings.Join(modifiers, "+"))
		}
		last = i
	}
	if r, _ := utf8.DecodeRuneInString(base); namedKeys[base] || utf8.RuneCountInString(base) == 1 && unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return ""
	}
	if m := suggest.Closest(base, keyNames()); m != "" {
		return fmt.Sprintf("unknown key %q (did you mean %q?)", k, strings.TrimSuffix(k, base)+m)
	}
	return fmt.Sprintf("unknown key %q: use one character, or a name such as enter, esc, space, tab, up, pgdown, home or f1", k)
}

func keyNames() []string {
	var ns []string
	for n := range namedKeys {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

// ApplyKeys rebinds the reader's key bindings, given by action name
// ("next-topic"), to the keys of the config file. Each override replaces
// the binding's keys and the key part of its help text, so that the
// footer and the help screen show the new keys; an empty list turns the
// action off. It returns an *Errors naming file:line for an unknown
// action and for a key that another action still uses. Bindings are
// changed only when there is no error.
func (c Config) ApplyKeys(named map[string]*key.Binding) error {
	return c.ApplyKeysIn(named, nil)
}

// ApplyKeysIn is ApplyKeys where a key may serve two actions that never
// answer it at the same time. scopes names, for each view or mode, the
// actions only it handles ("the demands view": status-filter, open…);
// an action in no scope is global. Two actions conflict on a key when both
// are global, when one is, or when they share a scope: sync (the compare
// view's) and status-filter (the demands view's) may both be s. A scope's
// name follows "in" in a message: "the demands view".
func (c Config) ApplyKeysIn(named map[string]*key.Binding, scopes map[string][]string) error {
	in := map[string][]string{} // action → the scopes it is in; none: global
	for scope, acts := range scopes {
		for _, a := range acts {
			in[a] = append(in[a], scope)
		}
	}
	// clash returns "" when a and b never answer a key together, else
	// where they do ("" scope name for global).
	clash := func(a, b string) (string, bool) {
		if len(in[a]) == 0 || len(in[b]) == 0 {
			return "", true
		}
		shared := []string{}
		for _, s := range in[a] {
			if slices.Contains(in[b], s) {
				shared = append(shared, s)
			}
		}
		slices.Sort(shared)
		if len(shared) == 0 {
			return "", false
		}
		return shared[0], true
	}
	var errs Errors
	var actions []string
	for a := range named {
		actions = append(actions, a)
	}
	slices.Sort(actions)
	// the keys every action will have once the overrides are applied
	final := map[string][]string{}
	for a, b := range named {
		final[a] = b.Keys()
	}
	valid := c.Keys[:0:0]
	for _, o := range c.Keys {
		if _, ok := named[o.Action]; !ok {
			msg := fmt.Sprintf("unknown action %q", o.Action)
			if m := suggest.Closest(o.Action, actions); m != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", m)
			}
			errs = append(errs, &Error{File: c.File, Pos: o.Pos, Msg: msg + "; actions are " + strings.Join(actions, ", ")})
			continue
		}
		if o.Action == "quit" && len(o.Keys) == 0 {
			errs = append(errs, &Error{File: c.File, Pos: o.Pos, Msg: "quit must keep at least one key"})
			continue
		}
		final[o.Action] = o.Keys
		valid = append(valid, o)
	}
	for _, o := range valid {
		for i, k := range o.Keys {
			for _, a := range actions {
				if a == o.Action || !slices.Contains(final[a], k) {
					continue
				}
				if where, ok := clash(o.Action, a); ok {
					if where != "" {
						where = " in " + where
					}
					errs = append(errs, &Error{File: c.File, Pos: o.KeyPos[i],
						Msg: fmt.Sprintf("key %q is also bound to %s%s; rebind %s too", k, a, where, a)})
				}
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for _, o := range valid {
		b := named[o.Action]
		if len(o.Keys) == 0 {
			b.SetEnabled(false)
			b.SetKeys()
			continue
		}
		b.SetKeys(o.Keys...)
		b.SetHelp(strings.Join(o.Keys, "/"), b.Help().Desc)
	}
	return nil
}
