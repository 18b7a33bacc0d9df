package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/suggest"
	"github.com/dossier-dev/dossier/session"
)

// settings are the top-level fields a config file may hold.
var settings = []string{"style", "accounts", "mouse", "keys"}

// Parse reads the settings in src, the content of the file named file.
// Settings the file does not give keep their defaults. It never panics.
func Parse(file string, src []byte) (c Config, err error) {
	c = Default()
	c.File = file
	c.set = map[string]Pos{}
	p := &parse{file: file, c: &c}
	defer func() {
		if r := recover(); r != nil {
			err = Errors{{File: file, Msg: fmt.Sprintf("the YAML could not be read (parser failure: %v)", r)}}
		}
	}()
	f, perr := parser.ParseBytes(src, 0)
	if perr != nil {
		return c, Errors{yamlError(file, perr)}
	}
	if len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return c, nil // empty, or comments only
	}
	if len(f.Docs) > 1 {
		p.errf(f.Docs[1], "the file holds more than one YAML document")
	}
	p.root(f.Docs[0].Body)
	return c, p.errs.err()
}

type parse struct {
	file string
	c    *Config
	errs Errors
}

func (p *parse) errf(n ast.Node, format string, a ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Pos: posOf(n), Msg: fmt.Sprintf(format, a...)})
}

func posOf(n ast.Node) Pos {
	if n == nil {
		return Pos{}
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return Pos{Line: tk.Position.Line, Col: tk.Position.Column}
	}
	return Pos{}
}

// pairs returns the key/value pairs of a mapping node, or nil and false
// when n is not a mapping.
func pairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch v := n.(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	case *ast.TagNode:
		return pairs(v.Value)
	}
	return nil, false
}

func (p *parse) root(n ast.Node) {
	if _, null := n.(*ast.NullNode); null {
		return
	}
	kvs, ok := pairs(n)
	if !ok {
		p.errf(n, "the config file is a list of settings: %s", strings.Join(settings, ", "))
		return
	}
	for _, kv := range kvs {
		name, _ := scalar(kv.Key) // the parser refuses a key given twice
		switch name {
		case "style":
			p.style(kv.Value)
		case "accounts":
			p.accounts(kv.Value)
		case "mouse":
			p.mouse(kv.Value)
		case "keys":
			p.keys(kv.Value)
		default:
			hint := ""
			if m := suggest.Closest(name, settings); m != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", m)
			}
			p.errf(kv.Key, "unknown setting %q%s; settings are %s", name, hint, strings.Join(settings, ", "))
			continue
		}
		p.c.set[name] = posOf(kv.Key)
	}
}

func (p *parse) style(n ast.Node) {
	s, ok := scalar(n)
	if !ok {
		p.errf(n, "style is one word: auto, dark, light or notty")
		return
	}
	st, err := session.ParseStyle(s)
	if err != nil {
		p.errf(n, "unknown style %q: use auto, dark, light or notty", s)
		return
	}
	p.c.Style = st
}

func (p *parse) accounts(n ast.Node) {
	ids, _, ok := list(n)
	if ok && len(ids) == 1 {
		ids = strings.Split(ids[0], ",")
	}
	for i := range ids {
		ids[i] = strings.TrimSpace(ids[i])
	}
	if !ok || len(ids) != 2 || ids[0] == "" || ids[1] == "" || ids[0] == ids[1] {
		p.errf(n, "accounts names two different account ids: [left, right]")
		return
	}
	for _, id := range ids {
		if !dossier.ValidID(id) {
			p.errf(n, "%q is not an account id (a letter, then letters, digits, - and _)", id)
			return
		}
	}
	p.c.Accounts = [2]string{ids[0], ids[1]}
}

func (p *parse) mouse(n ast.Node) {
	if b, ok := n.(*ast.BoolNode); ok {
		p.c.Mouse = b.Value
		return
	}
	s, _ := scalar(n)
	switch strings.ToLower(s) {
	case "on", "yes", "true":
		p.c.Mouse = true
	case "off", "no", "false":
		p.c.Mouse = false
	default:
		p.errf(n, "mouse is on or off (true or false)")
	}
}

func (p *parse) keys(n ast.Node) {
	if _, null := n.(*ast.NullNode); null {
		return
	}
	kvs, ok := pairs(n)
	if !ok {
		p.errf(n, "keys maps an action to its keys, e.g.  quit: [q, ctrl+c]")
		return
	}
	for _, kv := range kvs {
		action, _ := scalar(kv.Key)
		o := KeyOverride{Action: action, Pos: posOf(kv.Key)}
		ks, nodes, ok := list(kv.Value)
		if !ok {
			p.errf(kv.Value, "give %s one key or a list of keys: [k, up]", action)
			continue
		}
		bad := false
		for i, k := range ks {
			if msg := checkKey(k); msg != "" {
				p.errf(nodes[i], "%s", msg)
				bad = true
			}
			o.KeyPos = append(o.KeyPos, posOf(nodes[i]))
		}
		if !bad {
			o.Keys = ks
			p.c.Keys = append(p.c.Keys, o)
		}
	}
}

// scalar returns the text of a scalar node.
func scalar(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case nil, *ast.NullNode, *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode, *ast.AliasNode, *ast.AnchorNode:
		return "", false
	case *ast.StringNode:
		return v.Value, true
	case *ast.TagNode:
		return scalar(v.Value)
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value, true
	}
	return "", false
}

// list returns a scalar as a one-item list, or a sequence of scalars, with
// the node of each item. An explicit empty list is an empty, valid list.
func list(n ast.Node) ([]string, []ast.Node, bool) {
	if seq, ok := n.(*ast.SequenceNode); ok {
		out := []string{}
		var nodes []ast.Node
		for _, it := range seq.Values {
			s, ok := scalar(it)
			if !ok {
				return nil, nil, false
			}
			out = append(out, s)
			nodes = append(nodes, it)
		}
		return out, nodes, true
	}
	s, ok := scalar(n)
	if !ok {
		return nil, nil, false
	}
	return []string{s}, []ast.Node{n}, true
}

var yamlAt = regexp.MustCompile(`\s*at \[\d+:\d+\]`)

// yamlError turns a YAML library error into an Error at its position.
func yamlError(file string, err error) *Error {
	e := &Error{File: file}
	var ye yaml.Error
	if errors.As(err, &ye) {
		e.Msg = "YAML: " + yamlAt.ReplaceAllString(ye.GetMessage(), "")
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Pos = Pos{Line: tk.Position.Line, Col: tk.Position.Column}
		}
		return e
	}
	e.Msg = "YAML: " + strings.SplitN(err.Error(), "\n", 2)[0]
	return e
}
