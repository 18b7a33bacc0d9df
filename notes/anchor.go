package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

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
// and account whose text has that fingerprint (Moved); else by id alone
// (Changed); else it is Orphaned. Other kinds attach by id.
func Locate(b *Book, d *dossier.Dossier) []Placed {
	claims := map[string]*dossier.Claim{}
	byFP := map[string][]string{}
	for _, r := range Claims(d) {
		claims[r.Claim.ID] = r.Claim
		fp := Fingerprint(r.Claim.Text)
		byFP[fp] = append(byFP[fp], r.Claim.ID)
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
