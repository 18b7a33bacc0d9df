package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/dossier-dev/dossier/dossier"
)

// Fingerprint is the fingerprint of a claim's text: the first 8 hex digits
// of the SHA-256 of the text with its white space folded, so that
// re-wrapping a paragraph does not change it and any other edit does.
func Fingerprint(text string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(sum[:4])
}

// ClaimRef is a claim of a dossier with what a citation needs.
type ClaimRef struct {
	Claim   *dossier.Claim
	Topic   *dossier.Topic
	Account string
}

// Claims lists every claim of d in file order.
func Claims(d *dossier.Dossier) []ClaimRef {
	var out []ClaimRef
	for ti := range d.Topics {
		t := &d.Topics[ti]
		for si := range t.Sections {
			s := &t.Sections[si]
			for ci := range s.Claims {
				out = append(out, ClaimRef{Claim: &s.Claims[ci], Topic: t, Account: s.Account})
			}
		}
	}
	return out
}

// State is how an entry stands against the dossier as it is now.
type State int

// The states of an entry.
const (
	// Attached: the thing is there as it was.
	Attached State = iota
	// Changed: the claim is there under its id but its text was edited
	// since the entry was made.
	Changed
	// Moved: the claim's text is there under another id (claims were
	// inserted before it); the entry follows the text.
	Moved
	// Orphaned: the thing is gone. The entry is kept and listed.
	Orphaned
)

var stateNames = [...]string{"attached", "changed", "moved", "orphaned"}

// String names the state as the reader shows it.
func (s State) String() string {
	if int(s) >= 0 && int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "unknown"
}

// Placed is an entry placed on the dossier: the id of the thing it is
// attached to now ("" when orphaned) and its state.
type Placed struct {
	Entry *Entry
	// ID is the id of the thing now: the entry's own id, or for a moved
	// claim the id its text has now.
	ID    string
	State State
}

// Locate places every entry of b on d. A claim's entry is attached by id
// when the fingerprint matches; else to the one claim of the same topic
// and account whose text has that fingerprint (Moved); else, its text
// edited, to the claim of that topic and account whose words are closest
// to the entry's quote, when most of them are shared (Changed; this
// follows a claim that was both edited and renumbered); else by id alone
// (Changed); else it is Orphaned. Other kinds attach by id.
func Locate(b *Book, d *dossier.Dossier) []Placed {
	claims := map[string]*dossier.Claim{}
	byFP := map[string][]string{}
	var ids []string
	for _, r := range Claims(d) {
		claims[r.Claim.ID] = r.Claim
		fp := Fingerprint(r.Claim.Text)
		byFP[fp] = append(byFP[fp], r.Claim.ID)
		ids = append(ids, r.Claim.ID)
	}
	out := make([]Placed, len(b.Entries))
	for i := range b.Entries {
		e := &b.Entries[i]
		p := Placed{Entry: e, ID: e.ID, State: Orphaned}
		switch e.Kind {
		case KindClaim:
			c, ok := claims[e.ID]
			switch {
			case ok && (e.FP == "" || Fingerprint(c.Text) == e.FP):
				p.State = Attached
			case e.FP != "" && sameSection(byFP[e.FP], e.ID) != "":
				p.ID, p.State = sameSection(byFP[e.FP], e.ID), Moved
			case e.Quote != "" && closest(e, ids, claims) != "":
				p.ID, p.State = closest(e, ids, claims), Changed
			case ok:
				p.State = Changed
			default:
				p.ID = ""
			}
		case KindDay:
			p.State = found(d.Day(e.ID))
		case KindDemand:
			p.State = found(d.Demand(e.ID))
		case KindDiscrepancy:
			p.State = found(d.Discrepancy(e.ID))
		}
		if p.State == Orphaned {
			p.ID = ""
		}
		out[i] = p
	}
	return out
}

// sameSection returns the one id of ids in the same topic and account as
// id ("topic/account/n"), or "".
func sameSection(ids []string, id string) string {
	prefix := id[:strings.LastIndex(id, "/")+1]
	got := ""
	for _, x := range ids {
		if prefix != "" && strings.HasPrefix(x, prefix) {
			if got != "" {
				return "" // two claims with that text: do not guess
			}
			got = x
		}
	}
	return got
}

func found[T any](_ T, ok bool) State {
	if ok {
		return Attached
	}
	return Orphaned
}

// closest returns the id of the claim of the entry's topic and account
// whose words overlap most with the entry's quote, when they share more
// than half of them; "" otherwise.
func closest(e *Entry, ids []string, claims map[string]*dossier.Claim) string {
	prefix := e.ID[:strings.LastIndex(e.ID, "/")+1]
	if prefix == "" {
		return ""
	}
	want := words(e.Quote)
	best, score := "", 0.5
	for _, id := range ids {
		if !strings.HasPrefix(id, prefix) || strings.Contains(id[len(prefix):], "/") {
			continue
		}
		if s := overlap(want, words(claims[id].Text)); s > score {
			best, score = id, s
		}
	}
	return best
}

// words returns the set of lower-case words of s.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out[w] = true
	}
	return out
}

// overlap is the Jaccard index of two word sets.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}
