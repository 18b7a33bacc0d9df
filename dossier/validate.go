package dossier

import (
	"sort"
	"strings"
	"time"

	"github.com/dossier-dev/dossier/internal/suggest"
)

// validate resolves every reference and runs the checks that need the whole
// dossier. It runs after buildIndex.
func (l *loader) validate() {
	l.resolveRefs()
	l.checkVia()
	l.checkDays()
	l.checkAlignment()
	l.checkKeyOrder()
	l.checkUse()
	l.checkAnachronisms()
}

// kindWords names each reference kind in messages.
var kindWords = map[string]string{
	"source": "source", "account": "account", "day": "day", "topic": "topic",
	"discrepancy": "discrepancy", "demand": "demand", "briefing": "briefing",
	"party": "party", "anyparty": "party or mediator", "mediator": "mediator",
}

// maxHints bounds the unknown references for which a "did you mean" hint
// is computed, so that a file of garbage ids stays cheap to check.
const maxHints = 200

// maxHintCells bounds the work of all "did you mean" hints of one load, in
// edit-distance cells (about 0.1 s): 200 unknown ids among 20,000 known
// ones would otherwise cost billions.
const maxHintCells = 20_000_000

// resolveRefs reports every reference to an id that does not exist, with
// the closest known id as a hint.
func (l *loader) resolveRefs() {
	hinted := 0
	idCache := map[string][]string{}
	// the first id of each look-alike skeleton, per kind: a map, so that a
	// file of unknown ids costs one lookup each, not a scan of every id
	skelCache := map[string]map[string]string{}
	candLen := map[string]int{} // the candidates' total length, per kind
	hintCells := maxHintCells
	for _, r := range l.refs {
		if l.known(r.kind, r.id) {
			continue
		}
		if l.broken[r.kind] {
			continue // the file defining them could not be read; that is reported
		}
		cands, ok := idCache[r.kind]
		if !ok {
			cands = l.ids(r.kind)
			idCache[r.kind] = cands
			sk := make(map[string]string, len(cands))
			for _, c := range cands {
				if _, dup := sk[skeleton(c)]; !dup {
					sk[skeleton(c)] = c
				}
			}
			skelCache[r.kind] = sk
			for _, c := range cands {
				candLen[r.kind] += min(len(c), suggest.MaxLen)
			}
		}
		hint := ""
		if c, ok := skelCache[r.kind][skeleton(r.id)]; ok {
			hint = lookAlike(r.id, c)
		}
		if hinted++; hinted <= maxHints && hint == "" {
			// each hint compares the id with every candidate (edit
			// distance: the product of the lengths): bounded in all
			cost := len(r.id) * candLen[r.kind]
			if cost <= hintCells {
				hintCells -= cost
				hint = didYouMean(r.id, cands)
			}
		}
		switch {
		case hint != "":
		case len(cands) == 0:
			hint = "no " + kindWords[r.kind] + " is defined"
		case len(cands) <= 8:
			hint = "known ids: " + strings.Join(cands, ", ")
		}
		if r.kind == "party" && l.partyKind[r.id] == "mediator" {
			hint := ""
			if r.pos.File == "dossier.md" { // only accounts name parties there
				hint = "a mediator's account says mediator: " + r.id
			}
			l.errf(r.pos, hint, "%s is a mediator, not a party", quote(r.id))
			continue
		}
		if r.kind == "mediator" && l.partyKind[r.id] == "party" {
			l.errf(r.pos, "a party's account says party: "+r.id, "%s is a party, not a mediator", quote(r.id))
			continue
		}
		l.errf(r.pos, hint, "unknown %s %s", kindWords[r.kind], quote(r.id))
	}
}

func (l *loader) known(kind, id string) bool {
	switch kind {
	case "party":
		return l.partyKind[id] == "party"
	case "anyparty":
		return l.partyKind[id] != ""
	case "mediator":
		return l.partyKind[id] == "mediator"
	}
	_, ok := l.d.index[kind+":"+id]
	return ok
}

// ids lists the known ids of a kind, in file order.
func (l *loader) ids(kind string) []string {
	d := l.d
	var out []string
	switch kind {
	case "mediator":
		for _, p := range d.Mediators {
			out = append(out, p.ID)
		}
	case "party", "anyparty":
		for _, p := range d.Parties {
			out = append(out, p.ID)
		}
		if kind == "anyparty" {
			for _, p := range d.Mediators {
				out = append(out, p.ID)
			}
		}
	case "source":
		for _, x := range d.Sources {
			out = append(out, x.ID)
		}
	case "account":
		for _, x := range d.Accounts {
			out = append(out, x.ID)
		}
	case "day":
		for _, x := range d.Days {
			out = append(out, x.ID)
		}
	case "topic":
		for _, x := range d.Topics {
			out = append(out, x.ID)
		}
	case "discrepancy":
		for _, x := range d.Discrepancies {
			out = append(out, x.ID)
		}
	case "demand":
		for _, x := range d.Demands {
			out = append(out, x.ID)
		}
	}
	return out
}

// checkVia reports sources known through themselves, directly or in a
// cycle, and records each source's date as SourceDate gives it. It walks
// each chain once: a source whose chain is settled is never walked again,
// so a chain of n sources costs n steps, not n² (a via chain of 20,000
// sources took 61 s).
func (l *loader) checkVia() {
	d := l.d
	const (
		unseen = iota
		onPath
		settled
	)
	state := make([]uint8, len(d.Sources))
	dates := make([]time.Time, len(d.Sources))
	var path []int
	for i := range d.Sources {
		path = path[:0]
		j := i
		for j >= 0 && state[j] == unseen {
			state[j] = onPath
			path = append(path, j)
			next := -1
			if v := d.Sources[j].Via; v != "" {
				if k, ok := d.lookup("source", v); ok {
					next = k
				}
			}
			j = next
		}
		if j >= 0 && state[j] == onPath {
			// the walk came back to a source of this path: from there on,
			// each loops back to itself, and none has a date through via
			at := 0
			for path[at] != j {
				at++
			}
			for _, k := range path[at:] {
				s := &d.Sources[k]
				l.errf(s.Pos, "a source cannot be known through itself", "via chain of source %s loops back to it", quote(s.ID))
				dates[k] = s.Date
				state[k] = settled
			}
			path = path[:at]
		}
		// the rest of the path takes its date from where its chain ends
		var end time.Time
		if j >= 0 {
			end = dates[j]
		}
		for n := len(path) - 1; n >= 0; n-- {
			k := path[n]
			if s := &d.Sources[k]; !s.Date.IsZero() || s.Via == "" {
				end = s.Date
			}
			dates[k] = end
			state[k] = settled
		}
	}
	d.viaDates = dates
}

// checkAlignment applies the alignment rules of each topic and sets each
// claim's Relation from its key group.
func (l *loader) checkAlignment() {
	type group struct {
		metas    []*claimMeta
		accounts map[string]bool
		mark     Relation
		markPos  Pos
	}
	byTopic := map[int]map[string]*group{}
	var order []string
	for i := range l.claims {
		m := &l.claims[i]
		c := l.claim(m)
		if c.Key == "" {
			switch m.mark {
			case RelOneSided:
				c.Relation = RelOneSided
			case RelAgree, RelContradict:
				l.errf(m.markPos, "add an alignment key #key to this claim and its counterpart", ".%s needs an alignment key", m.mark)
			}
			continue
		}
		gs := byTopic[m.topic]
		if gs == nil {
			gs = map[string]*group{}
			byTopic[m.topic] = gs
		}
		g := gs[c.Key]
		if g == nil {
			g = &group{accounts: map[string]bool{}}
			gs[c.Key] = g
			order = append(order, c.Key)
		}
		acc := l.d.Topics[m.topic].Sections[m.section].Account
		if g.accounts[acc] {
			l.errf(m.keyPos, "a key appears at most once per account in a topic", "alignment key %s is used twice by account %s", quote(c.Key), quote(acc))
		}
		g.accounts[acc] = true
		if m.mark != RelNone {
			if g.mark != RelNone && g.mark != m.mark {
				l.errf(m.markPos, "", "key %s is marked .%s here but .%s at %s", quote(c.Key), m.mark, g.mark, shortPos(g.markPos))
			} else if g.mark == RelNone {
				g.mark, g.markPos = m.mark, m.markPos
			}
		}
		g.metas = append(g.metas, m)
	}
	topics := make([]int, 0, len(byTopic))
	for t := range byTopic {
		topics = append(topics, t)
	}
	sort.Ints(topics)
	for _, t := range topics {
		for _, g := range byTopic[t] {
			first := l.claim(g.metas[0])
			switch {
			case len(g.accounts) == 1 && g.mark == RelNone:
				l.warnf(g.metas[0].keyPos, "mark it .one-sided, or give the other account's claim the same key",
					"alignment key %s appears in only one account", quote(first.Key))
			case len(g.accounts) == 1 && g.mark != RelOneSided:
				l.errf(g.markPos, "", ".%s on key %s, which only one account uses", g.mark, quote(first.Key))
			case len(g.accounts) > 1 && g.mark == RelOneSided:
				l.errf(g.markPos, "", ".one-sided on key %s, which %d accounts use", quote(first.Key), len(g.accounts))
			}
			for _, m := range g.metas {
				l.claim(m).Relation = g.mark
			}
		}
	}
}

func (l *loader) claim(m *claimMeta) *Claim {
	return &l.d.Topics[m.topic].Sections[m.section].Claims[m.claim]
}

// checkUse warns about accounts with no claims, topics with no claims and
// sources nobody cites.
func (l *loader) checkUse() {
	d := l.d
	if !l.dossierFile || l.broken["topic"] || l.broken["source"] {
		return // what is used cannot be known when a file is unreadable
	}
	claims := map[string]int{}
	cited := map[string]bool{}
	for _, r := range l.refs {
		if r.kind == "source" {
			cited[r.id] = true
		}
	}
	for _, t := range d.Topics {
		n := 0
		for _, s := range t.Sections {
			claims[s.Account] += len(s.Claims)
			n += len(s.Claims)
		}
		if n == 0 && t.ID != "" {
			l.warnf(t.Pos, "", "topic %s has no claims", quote(t.ID))
		}
	}
	if len(d.Topics) == 0 {
		l.warnf(Pos{File: "dossier.md"}, "add one file per topic under topics/", "the dossier has no topics")
		return
	}
	for _, a := range d.Accounts {
		if claims[a.ID] == 0 && a.ID != "" {
			l.warnf(a.Pos, "", "account %s has no claims in any topic", quote(a.ID))
		}
	}
	for _, s := range d.Sources {
		if !cited[s.ID] && s.ID != "" {
			l.warnf(s.Pos, "", "source %s is never cited", quote(s.ID))
		}
	}
}
