package dossier

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// claimMeta is what validation needs to know about a claim beyond the
// model: where its key and relation mark were written.
type claimMeta struct {
	topic, section, claim int // indexes into Topics, Sections, Claims
	keyPos                Pos
	mark                  Relation
	markPos               Pos
}

// parseTopic reads one file of topics/: front matter, then one level-2
// heading per account, each followed by a list of claims.
func (l *loader) parseTopic(f *srcFile) {
	o, bodyOff := l.fileObj(f, "topic", true)
	t := Topic{Pos: Pos{File: f.name, Line: 1, Col: 1}}
	t.ID, _ = o.id("id", true)
	t.Title, _ = o.req("title")
	t.Summary = o.text("summary")
	t.Days = o.refs("days", "day")
	o.done()
	ti := len(l.d.Topics)
	doc, src := l.parseMarkdown(f, bodyOff)
	if doc == nil {
		l.d.Topics = append(l.d.Topics, t)
		return
	}
	var sec *Section
	seen := map[string]Pos{}
	var metas []claimMeta
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		p := l.blockPos(f, n)
		switch b := n.(type) {
		case *ast.Heading:
			if b.Level == 1 && sec == nil {
				continue // a title for readers on a code forge
			}
			if b.Level != 2 {
				l.errf(p, "each account's section starts with a level-2 heading: ## Account", "level-%d heading in a topic", b.Level)
				continue
			}
			name := strings.TrimSpace(string(headingText(b, src)))
			acc := l.accountByName(name, p)
			if first, dup := seen[acc]; dup && acc != "" {
				l.errf(p, "", "second section for account %s (first at line %d)", quote(acc), first.Line)
			}
			seen[acc] = p
			t.Sections = append(t.Sections, Section{Account: acc, Pos: p})
			sec = &t.Sections[len(t.Sections)-1]
		case *ast.List:
			if sec == nil {
				l.errf(p, "put claims under a heading naming the account: ## Account", "claims before the first account heading")
				continue
			}
			for it := b.FirstChild(); it != nil; it = it.NextSibling() {
				c, m, ok := l.parseClaim(f, it, src)
				if !ok {
					continue
				}
				si := len(t.Sections) - 1
				c.ID = fmt.Sprintf("%s/%s/%d", t.ID, sec.Account, len(sec.Claims)+1)
				m.topic, m.section, m.claim = ti, si, len(sec.Claims)
				sec.Claims = append(sec.Claims, c)
				metas = append(metas, m)
			}
		default:
			if sec == nil {
				l.warnf(p, "put an introduction in the summary field of the front matter", "text before the first account heading is not shown")
			} else {
				l.errf(p, "make it a claim (a list item) or part of one, indented under it", "text outside the list of claims would be lost")
			}
		}
	}
	l.d.Topics = append(l.d.Topics, t)
	l.claims = append(l.claims, metas...)
}

// accountByName resolves a section heading to an account id: the heading
// is an account's id or its name (case does not matter).
func (l *loader) accountByName(name string, p Pos) string {
	if !l.dossierFile {
		return name // dossier.md is missing or broken; that is reported
	}
	var cands []string
	for _, a := range l.d.Accounts {
		if a.ID == name || strings.EqualFold(a.Name, name) || strings.EqualFold(a.ID, name) {
			return a.ID
		}
		cands = append(cands, a.ID, a.Name)
	}
	hint := didYouMean(name, cands)
	if hint == "" && len(l.d.Accounts) > 0 {
		hint = "accounts are " + accountList(l.d.Accounts)
	}
	l.errf(p, hint, "unknown account %s", quote(name))
	return name
}

func accountList(as []Account) string {
	var parts []string
	for _, a := range as {
		parts = append(parts, a.ID)
	}
	return strings.Join(parts, ", ")
}

// parseClaim reads one list item as a claim.
func (l *loader) parseClaim(f *srcFile, item ast.Node, src []byte) (Claim, claimMeta, bool) {
	var c Claim
	var m claimMeta
	first := item.FirstChild()
	start, stop, ok := blockSpan(item)
	if first == nil || !ok {
		l.errf(l.blockPos(f, item), "", "empty claim")
		return c, m, false
	}
	c.Pos = f.lines.pos(f.name, start)
	// The attribute block ends the claim's first paragraph, or its last one
	// when the claim runs over several blocks.
	var attrs *attrsNode
	for _, b := range []ast.Node{first, item.LastChild()} {
		if b.Kind() != ast.KindParagraph && b.Kind() != ast.KindTextBlock {
			continue
		}
		if a, ok := lastInline(b, src).(*attrsNode); ok && attrs == nil {
			attrs = a
		}
	}
	var spans [][2]int
	inlines(item, func(n ast.Node) {
		switch x := n.(type) {
		case *citationNode:
			spans = append(spans, [2]int{x.Start, x.Stop})
			for i, id := range x.IDs {
				c.Sources = append(c.Sources, id)
				l.addRef("source", id, f.lines.pos(f.name, x.Offs[i]))
			}
			for i, bad := range x.Bad {
				if inv := invisibleIn(bad); inv != "" {
					l.errf(f.lines.pos(f.name, x.BadOffs[i]), "delete it: it draws nothing, so the id looks right but matches nothing",
						"citation %s holds an invisible character (%s)", quote(bad), inv)
					continue
				}
				l.errf(f.lines.pos(f.name, x.BadOffs[i]), "cite sources as [@id] or [@id1; @id2]", "bad citation %s", quote(bad))
			}
		case *attrsNode:
			if x != attrs {
				l.errf(f.lines.pos(f.name, x.Start), "the {…} block goes at the very end of the claim's first or last paragraph",
					"attributes in the middle of a claim")
				return
			}
			spans = append(spans, [2]int{x.Start, x.Stop})
		}
	})
	if attrs != nil {
		l.claimAttrs(f, attrs, &c, &m)
	}
	indent := c.Pos.Col - 1
	c.Text = cutSpans(src, lineStart(src, start)+indent, stop, indent, spans)
	if len(c.Sources) == 0 {
		l.errf(c.Pos, "cite at least one source: [@id]", "claim has no source")
	}
	if c.Text == "" {
		l.errf(c.Pos, "", "claim has no text")
	}
	return c, m, true
}

// claimAttrs reads the attribute block of a claim.
func (l *loader) claimAttrs(f *srcFile, a *attrsNode, c *Claim, m *claimMeta) {
	for _, it := range a.Items {
		p := f.lines.pos(f.name, it.Off)
		switch it.Kind {
		case '#':
			if c.Key != "" {
				l.errf(p, "", "claim has two alignment keys, %s and %s", quote(c.Key), quote(it.Name))
				continue
			}
			switch {
			case len(it.Name) > MaxIDLen:
				l.errf(p, "", "alignment key %s is %d bytes long; the limit is %d", quote(sanitize.Cut(it.Name, 32)), len(it.Name), MaxIDLen)
			case !validID(it.Name):
				l.errf(p, "a key is an id: a letter, then letters, digits, - and _", "invalid alignment key %s", quote(it.Name))
			}
			c.Key, m.keyPos = it.Name, p
		case '.':
			r := RelNone
			for i, n := range relationNames {
				if n != "" && n == it.Name {
					r = Relation(i)
				}
			}
			if r == RelNone {
				l.errf(p, hintOr(didYouMean(it.Name, relationNames[1:]), "use .agree, .contradict or .one-sided"),
					"unknown relation %s", quote("."+it.Name))
				continue
			}
			if m.mark != RelNone && m.mark != r {
				l.errf(p, "", "claim is marked both .%s and .%s", m.mark, r)
				continue
			}
			m.mark, m.markPos = r, p
		case '=':
			l.claimAssign(it, p, c)
		}
	}
}

func (l *loader) claimAssign(it attr, p Pos, c *Claim) {
	switch it.Name {
	case "cred":
		n, err := strconv.Atoi(it.Value)
		if err != nil || n < 1 || n > 6 {
			l.errf(p, "1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged",
				"credibility %s is not a grade 1–6", quote(it.Value))
			return
		}
		c.Cred = n
	case "day", "days":
		for _, id := range l.idList(it, p, "day") {
			if slices.Contains(c.Days, id) {
				l.warnf(p, "give each day once", "day %s is given twice on this claim", quote(id))
				continue
			}
			c.Days = append(c.Days, id)
		}
	case "disc":
		c.Discrepancies = append(c.Discrepancies, l.idList(it, p, "discrepancy")...)
	default:
		l.errf(p, hintOr(didYouMean(it.Name, []string{"cred", "day", "disc"}), "claim attributes are #key, .relation, cred=, day= and disc="),
			"unknown claim attribute %s", quote(it.Name))
	}
}

// idList splits name=a,b into ids, recording a reference for each.
func (l *loader) idList(it attr, p Pos, kind string) []string {
	var ids []string
	off := p.Col + len(it.Name) + 1
	for _, id := range strings.Split(it.Value, ",") {
		ip := Pos{File: p.File, Line: p.Line, Col: off}
		off += len(id) + 1
		if id == "" {
			l.errf(ip, "write "+it.Name+"=a or "+it.Name+"=a,b", "empty id in %s=", it.Name)
			continue
		}
		ids = append(ids, id)
		l.addRef(kind, id, ip)
	}
	return ids
}

func hintOr(h, alt string) string {
	if h != "" {
		return h
	}
	return alt
}

// blockPos returns the position of a block: its first line, or for a
// container its first descendant's.
func (l *loader) blockPos(f *srcFile, n ast.Node) Pos {
	if start, _, ok := blockSpan(n); ok {
		p := f.lines.pos(f.name, start)
		if _, isH := n.(*ast.Heading); isH {
			// Point at the '#' rather than at the heading text.
			ls := lineStart(f.src, start)
			if i := bytes.IndexByte(f.src[ls:start], '#'); i >= 0 {
				p.Col = i + 1
			}
		}
		return p
	}
	if at := n.Pos(); at >= 0 {
		return f.lines.pos(f.name, at)
	}
	return Pos{File: f.name}
}

// headingText returns the raw Markdown of a heading's text.
func headingText(h *ast.Heading, src []byte) []byte {
	var b []byte
	lines := h.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b = append(b, s.Value(src)...)
	}
	return b
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	i := bytes.LastIndexByte(src[:off], '\n')
	return i + 1
}
