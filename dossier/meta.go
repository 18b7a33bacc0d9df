package dossier

import (
	"strings"
)

// frontMatter splits f into front matter and body and parses the front
// matter. root is nil when the file has none or it cannot be read (the
// problem is then reported); body is the Markdown after it.
func (l *loader) frontMatter(f *srcFile, required bool) (root *yval, bodyOff int) {
	fm, fmLine, bodyOff, has, closed := splitFrontMatter(f.src)
	if !has {
		if required {
			l.markBroken(f.name)
			l.errf(Pos{File: f.name, Line: 1, Col: 1}, "start the file with a line '---', the YAML fields, and another '---'",
				"%s has no front matter", f.name)
		}
		return nil, 0
	}
	if !closed {
		l.markBroken(f.name)
		l.errf(Pos{File: f.name, Line: 1, Col: 1}, "end the YAML fields with a line '---'", "the front matter is never closed")
		return nil, len(f.src)
	}
	root, probs := parseFrontMatter(f.name, fm, fmLine, f.lines)
	l.add(probs...)
	if root == nil || probs.HasErrors() {
		l.markBroken(f.name)
	}
	if root != nil && root.kind != yMap && root.kind != yNull {
		l.markBroken(f.name)
		l.errf(root.pos, "", "the front matter must be a set of fields (name: value)")
		return nil, bodyOff
	}
	if root != nil && root.kind == yNull {
		root = &yval{kind: yMap, pos: Pos{File: f.name, Line: fmLine, Col: 1}}
	}
	return root, bodyOff
}

// fileObj returns the front matter of f as a record, or an empty record
// when it has none.
func (l *loader) fileObj(f *srcFile, what string, required bool) (*obj, int) {
	root, bodyOff := l.frontMatter(f, required)
	if root == nil {
		return &obj{l: l, what: what, pos: Pos{File: f.name, Line: 1, Col: 1}}, bodyOff
	}
	return l.object(root, what), bodyOff
}

// parseMeta reads dossier.md: the negotiation, its parties and accounts.
func (l *loader) parseMeta(f *srcFile) {
	d := l.d
	o, bodyOff := l.fileObj(f, "dossier.md", true)
	l.dossierFile = o.v != nil
	d.ID, _ = o.id("id", true)
	d.Title, _ = o.req("title")
	d.Place = o.text("place")
	var ep Pos
	d.Start, _ = o.date("start")
	d.End, ep = o.date("end")
	if !d.Start.IsZero() && !d.End.IsZero() && d.End.Before(d.Start) {
		l.errf(ep, "", "end %s is before start %s", d.End.Format("2006-01-02"), d.Start.Format("2006-01-02"))
	}
	for _, v := range o.list("parties") {
		d.Parties = append(d.Parties, l.party(v, "party"))
	}
	for _, v := range o.list("mediators") {
		d.Mediators = append(d.Mediators, l.party(v, "mediator"))
	}
	for _, v := range o.list("accounts") {
		d.Accounts = append(d.Accounts, l.account(v))
	}
	if len(d.Accounts) < 2 && o.v != nil {
		l.errf(o.pos, "a dossier compares accounts: list at least two under accounts", "dossier.md has %d account(s)", len(d.Accounts))
	}
	pair := o.get("default_pair")
	switch {
	case pair == nil:
		if len(d.Accounts) >= 2 {
			d.DefaultPair = [2]string{d.Accounts[0].ID, d.Accounts[1].ID}
		}
	case pair.kind != ySeq || len(pair.items) != 2 || pair.items[0].kind != yScalar || pair.items[1].kind != yScalar:
		l.errf(pair.pos, "write it as default_pair: [a, b]", "default_pair must name exactly two accounts")
	default:
		for i, it := range pair.items {
			d.DefaultPair[i] = strings.TrimSpace(it.str)
			l.addRef("account", d.DefaultPair[i], it.pos)
		}
		if d.DefaultPair[0] == d.DefaultPair[1] {
			l.errf(pair.pos, "", "default_pair names the same account twice")
		}
	}
	d.Outcome = o.text("outcome")
	d.Summary = strings.TrimSpace(o.text("summary"))
	if body := strings.TrimSpace(string(f.src[bodyOff:])); body != "" {
		if d.Summary != "" {
			l.errf(o.pos, "", "the summary is given both in the summary field and in the body; keep one")
		}
		d.Summary = body
	}
	o.done()
}

// party reads one party or mediator.
func (l *loader) party(v *yval, kind string) Party {
	o := l.object(v, kind)
	p := Party{Pos: v.pos, Role: "party"}
	var ip Pos
	p.ID, ip = o.id("id", true)
	p.Name, _ = o.req("name")
	p.Aliases = o.texts("aliases")
	if kind == "mediator" {
		role, rp := o.str("role")
		switch role {
		case "", "mediator":
			p.Role = "mediator"
		case "host":
			p.Role = "host"
		default:
			l.errf(rp, "role is mediator or host", "unknown mediator role %s", quote(role))
			p.Role = "mediator"
		}
	}
	o.done()
	if p.ID != "" {
		if prev, dup := l.partyKind[p.ID]; dup {
			l.errf(ip, "parties and mediators share one set of ids", "duplicate %s id %s: already used by a %s", kind, quote(p.ID), prev)
		} else {
			l.partyKind[p.ID] = kind
		}
	}
	return p
}

// account reads one account.
func (l *loader) account(v *yval) Account {
	o := l.object(v, "account")
	a := Account{Pos: v.pos}
	a.ID, _ = o.id("id", true)
	a.Name, _ = o.req("name")
	a.Party = o.ref("party", "party")
	var mp Pos
	a.Mediator, mp = o.str("mediator")
	if a.Mediator != "" {
		l.addRef("mediator", a.Mediator, mp)
		if a.Party != "" {
			l.errf(mp, "an account is a party's, a mediator's, or neither", "account %s names both a party and a mediator", quote(a.ID))
		}
	}
	a.Description = o.text("description")
	a.Aliases = o.texts("aliases")
	o.done()
	return a
}
