package dossier

import (
	"strings"
	"time"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// obj reads the fields of one front matter mapping (a record), reporting
// wrong types and, in done, fields nobody asked for.
type obj struct {
	l    *loader
	v    *yval // nil when the record is not a mapping
	what string
	pos  Pos
	seen []string
}

// object starts reading v as a record described by what ("source",
// "demand", …). A value that is not a mapping is an error.
func (l *loader) object(v *yval, what string) *obj {
	o := &obj{l: l, what: what, pos: v.pos}
	if v.kind != yMap {
		switch v.kind {
		case yBad:
		case yNull:
			l.errf(v.pos, "", "empty %s", what)
		default:
			l.errf(v.pos, "", "a %s must be a set of fields (name: value)", what)
		}
		return o
	}
	o.v = v
	return o
}

// get returns the value of key, or nil when absent or null.
func (o *obj) get(key string) *yval {
	v := o.raw(key)
	if v != nil && v.lazy != nil {
		// a long list read as a whole: parse every item now (each reads
		// them one at a time instead)
		z := v.lazy
		v.lazy = nil
		z.each(func(it *yval) { v.items = append(v.items, it) }, o.report)
	}
	return v
}

// raw is get without parsing a long list's items (fmchunks.go).
func (o *obj) raw(key string) *yval {
	o.seen = append(o.seen, key)
	if o.v == nil {
		return nil
	}
	for _, kv := range o.v.keys {
		if kv.key == key {
			if kv.val.kind == yNull || kv.val.kind == yBad {
				return nil
			}
			return kv.val
		}
	}
	return nil
}

// str returns a text field, trimmed, and its position (the record's when
// the field is absent).
func (o *obj) str(key string) (string, Pos) {
	v := o.get(key)
	if v == nil {
		return "", o.pos
	}
	if v.kind != yScalar {
		o.l.errf(v.pos, "", "field %s of a %s must be text, not a list or a set of fields", key, o.what)
		return "", v.pos
	}
	return strings.TrimSpace(v.str), v.pos
}

// text returns a text field.
func (o *obj) text(key string) string {
	s, _ := o.str(key)
	return s
}

// req returns a text field that must be present and not empty.
func (o *obj) req(key string) (string, Pos) {
	s, p := o.str(key)
	if s == "" && o.v != nil {
		o.l.errf(o.pos, "", "%s has no %s", o.what, key)
	}
	return s, p
}

// id returns an identifier field, checking its form; required says whether
// an absent id is an error.
// MaxIDLen is the longest an id or an alignment key may be, in bytes.
const MaxIDLen = 64

func (o *obj) id(key string, required bool) (string, Pos) {
	var s string
	var p Pos
	if required {
		s, p = o.req(key)
	} else {
		s, p = o.str(key)
	}
	if len(s) > MaxIDLen {
		o.l.errf(p, "ids are short names, typed in citations and links",
			"%s %s %s is %d bytes long; the limit is %d", o.what, key, quote(sanitize.Cut(s, 32)), len(s), MaxIDLen)
	} else if inv := invisibleIn(s); inv != "" {
		o.l.errf(p, "delete it: it draws nothing, so the id looks right but matches nothing typed",
			"%s %s %s holds an invisible character (%s)", o.what, key, quote(s), inv)
	} else if s != "" && !validID(s) {
		o.l.errf(p, "an id starts with a letter and holds only letters, digits, - and _",
			"invalid %s %s %s", o.what, key, quote(s))
	}
	return s, p
}

// refs returns a list of ids (a YAML list, or a single id) and records a
// reference of the given kind for each.
func (o *obj) refs(key, kind string) []string {
	items := o.scalars(key, "ids")
	var ids []string
	for _, it := range items {
		if it.kind != yScalar || strings.TrimSpace(it.str) == "" {
			o.l.errf(it.pos, "", "field %s of a %s must be a list of ids, like [a, b]", key, o.what)
			continue
		}
		id := strings.TrimSpace(it.str)
		ids = append(ids, id)
		o.l.addRef(kind, id, it.pos)
	}
	return ids
}

// scalars returns the items of a field that is a list, or a single value
// taken as a list of one; what names the items in the message when the
// field is neither ("ids", "text").
func (o *obj) scalars(key, what string) []*yval {
	v := o.get(key)
	if v == nil {
		return nil
	}
	switch v.kind {
	case ySeq:
		return v.items
	case yScalar:
		return []*yval{v}
	}
	o.l.errf(v.pos, "", "field %s of a %s must be a list of %s, like [a, b]", key, o.what, what)
	return nil
}

// texts returns a list of text items (a YAML list, or a single text),
// trimmed, empty ones left out.
func (o *obj) texts(key string) []string {
	items := o.scalars(key, "text")
	var out []string
	for _, it := range items {
		if it.kind != yScalar {
			o.l.errf(it.pos, "", "field %s of a %s must be a list of text, like [a, b]", key, o.what)
			continue
		}
		if s := strings.TrimSpace(it.str); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ref returns a single id and records a reference to it.
func (o *obj) ref(key, kind string) string {
	s, p := o.str(key)
	if s != "" {
		o.l.addRef(kind, s, p)
	}
	return s
}

// list returns the items of a list field.
func (o *obj) list(key string) []*yval {
	v := o.get(key)
	if v == nil {
		return nil
	}
	if v.kind != ySeq {
		o.l.errf(v.pos, "", "field %s of a %s must be a list", key, o.what)
		return nil
	}
	return v.items
}

// each calls fn with each item of the list under key, as list does, but a
// long list of large front matter is parsed one item at a time, each item
// garbage once fn returns (fmchunks.go).
func (o *obj) each(key string, fn func(*yval)) {
	v := o.raw(key)
	if v == nil || v.kind != ySeq || v.lazy == nil {
		for _, it := range o.list(key) {
			fn(it)
		}
		return
	}
	z := v.lazy
	v.lazy = nil // read once
	z.each(fn, o.report)
}

// report adds the problems of a lazily parsed list item; an error marks
// the file broken, as an error in its front matter does.
func (o *obj) report(ps Problems) {
	o.l.add(ps...)
	if ps.HasErrors() {
		o.l.markBroken(o.pos.File)
	}
}

// date returns a date field (YYYY-MM-DD) in UTC; zero when absent or bad.
func (o *obj) date(key string) (time.Time, Pos) {
	s, p := o.str(key)
	if s == "" {
		return time.Time{}, p
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		o.l.errf(p, "write dates as YYYY-MM-DD, e.g. 2025-10-27", "invalid date %s in field %s", quote(s), key)
		return time.Time{}, p
	}
	return t, p
}

// boolean returns a yes/no field.
func (o *obj) boolean(key string) bool {
	s, p := o.str(key)
	switch strings.ToLower(s) {
	case "", "false", "no":
		return false
	case "true", "yes":
		return true
	}
	o.l.errf(p, "", "field %s must be true or false, not %s", key, quote(s))
	return false
}

// done reports every field of the record that no accessor asked for.
func (o *obj) done() {
	if o.v == nil {
		return
	}
	for _, kv := range o.v.keys {
		known := false
		for _, s := range o.seen {
			if s == kv.key {
				known = true
				break
			}
		}
		if !known {
			o.l.warnf(kv.keyPos, didYouMean(kv.key, o.seen), "unknown field %s in %s; ignored", quote(kv.key), o.what)
		}
	}
}

// parts reads a text field that may be split by source: one text (parts
// is then nil), or a list of {text, sources} whose texts are joined. Each
// part's sources are recorded as references.
func (o *obj) parts(key string) (text string, parts []Part) {
	v := o.get(key)
	if v == nil {
		return "", nil
	}
	switch v.kind {
	case yScalar:
		o.seen = o.seen[:len(o.seen)-1] // str asks for it again
		s, _ := o.str(key)
		return s, nil
	case ySeq:
	default:
		o.l.errf(v.pos, "write one text, or a list of {text: …, sources: [id]}",
			"field %s of a %s must be text or a list of parts", key, o.what)
		return "", nil
	}
	for _, it := range v.items {
		po := o.l.object(it, key+" part")
		p := Part{Pos: it.pos}
		p.Text, _ = po.req("text")
		p.Sources = po.refs("sources", "source")
		po.done()
		if p.Text != "" {
			parts = append(parts, p)
		}
	}
	return JoinParts(parts), parts
}
