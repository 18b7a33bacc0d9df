package dossier

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// parseBriefing reads one file of briefings/: front matter, then one
// level-2 heading per stop with its attributes, and presenter notes under it.
func (l *loader) parseBriefing(f *srcFile) {
	o, bodyOff := l.fileObj(f, "briefing", true)
	b := Briefing{Pos: Pos{File: f.name, Line: 1, Col: 1}}
	b.ID, _ = o.id("id", true)
	b.Title, _ = o.req("title")
	o.done()
	doc, src := l.parseMarkdown(f, bodyOff)
	if doc == nil {
		l.d.Briefings = append(l.d.Briefings, b)
		return
	}
	type mark struct {
		stop      int // index in b.Stops
		notesFrom int // offset where the notes start
	}
	var open *mark
	closeStop := func(to int) {
		if open != nil {
			if open.notesFrom < to {
				b.Stops[open.stop].Notes = strings.TrimSpace(string(src[open.notesFrom:to]))
			}
			open = nil
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, isH := n.(*ast.Heading)
		if !isH || h.Level != 2 {
			if open == nil {
				if isH && h.Level == 1 {
					continue
				}
				l.warnf(l.blockPos(f, n), "presenter notes go under a stop's ## heading", "text before the first stop is not shown")
			}
			continue
		}
		at := h.Pos() // the heading's first byte; -1 if goldmark did not say
		if start, _, ok := blockSpan(h); ok && (at < 0 || start < at) {
			at = start
		}
		if at < 0 && open != nil {
			at = open.notesFrom
		}
		at = max(at, 0)
		closeStop(lineStart(src, at))
		s := l.parseStop(f, h, src)
		b.Stops = append(b.Stops, s)
		end := len(src)
		if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
			end = at + i + 1
		}
		open = &mark{stop: len(b.Stops) - 1, notesFrom: end}
	}
	closeStop(len(src))
	if len(b.Stops) == 0 && b.ID != "" {
		l.warnf(b.Pos, "each stop is a level-2 heading: ## Title {view=compare topic=id}", "briefing %s has no stops", quote(b.ID))
	}
	l.d.Briefings = append(l.d.Briefings, b)
}

// parseStop reads a stop's heading: its title and attribute block.
func (l *loader) parseStop(f *srcFile, h *ast.Heading, src []byte) Stop {
	s := Stop{Pos: l.blockPos(f, h), View: DefaultStopView}
	start, stop, ok := blockSpan(h)
	if !ok {
		l.errf(s.Pos, "", "stop has no title")
		return s
	}
	var attrs *attrsNode
	if a, ok := lastInline(h, src).(*attrsNode); ok {
		attrs = a
	}
	var spans [][2]int
	inlines(h, func(n ast.Node) {
		if a, ok := n.(*attrsNode); ok && a == attrs {
			spans = append(spans, [2]int{a.Start, a.Stop})
		}
	})
	s.Title = cutSpans(src, start, stop, 0, spans)
	if s.Title == "" {
		l.errf(s.Pos, "", "stop has no title")
	}
	if attrs == nil {
		return s
	}
	for _, it := range attrs.Items {
		p := f.lines.pos(f.name, it.Off)
		if it.Kind != '=' {
			l.errf(p, "stop attributes are view=, topic=, day= and accounts=", "unknown stop attribute %s", quote(string(it.Kind)+it.Name))
			continue
		}
		vp := Pos{File: p.File, Line: p.Line, Col: p.Col + len(it.Name) + 1}
		switch it.Name {
		case "view":
			if !contains(Views, it.Value) {
				l.errf(vp, hintOr(didYouMean(it.Value, Views), "views are "+strings.Join(Views, ", ")), "unknown view %s", quote(it.Value))
				continue
			}
			s.View = it.Value
		case "topic":
			s.Topic = it.Value
			l.addRef("topic", it.Value, vp)
		case "day":
			s.Day = it.Value
			l.addRef("day", it.Value, vp)
		case "accounts":
			ids := l.idList(it, p, "account")
			if len(ids) < 2 || len(ids) > 3 || ids[0] == ids[1] || len(ids) == 3 && (ids[2] == ids[0] || ids[2] == ids[1]) {
				l.errf(vp, "write accounts=a,b or accounts=a,b,c", "accounts= must name two or three different accounts")
				continue
			}
			s.Accounts = [2]string{ids[0], ids[1]}
			if len(ids) == 3 {
				s.Third = ids[2]
			}
		default:
			l.errf(p, hintOr(didYouMean(it.Name, []string{"view", "topic", "day", "accounts"}), "stop attributes are view=, topic=, day= and accounts="),
				"unknown stop attribute %s", quote(it.Name))
		}
	}
	if s.View == "compare" && s.Topic == "" {
		l.errf(s.Pos, "add topic=id to the heading's {…}", "compare stop %s names no topic", quote(s.Title))
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
