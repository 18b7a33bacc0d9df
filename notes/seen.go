package notes

import (
	"bufio"
	"bytes"
	"maps"
	"sort"
	"strings"
	"time"

	"github.com/dossier-dev/dossier/dossier"
)

// Seen records which claims a reader has seen, by id and by the
// fingerprint of their text, and when.
type Seen struct {
	When time.Time
	// Claims maps a claim id to the fingerprint of its text when seen.
	Claims map[string]string
}

// SeenOf returns the record of having seen every claim of d at when.
func SeenOf(d *dossier.Dossier, when time.Time) Seen {
	s := Seen{When: when, Claims: map[string]string{}}
	for _, r := range Claims(d) {
		s.Claims[r.Claim.ID] = Fingerprint(r.Claim.Text)
	}
	return s
}

// Merge returns s with the claims of o added (o's fingerprint wins for an
// id in both) and o's time.
func (s Seen) Merge(o Seen) Seen {
	out := Seen{When: o.When, Claims: maps.Clone(s.Claims)}
	if out.Claims == nil {
		out.Claims = map[string]string{}
	}
	maps.Copy(out.Claims, o.Claims)
	return out
}

// Fresh returns the ids of the claims of d that s has not seen: new claims
// (id and text unknown) and changed ones (the id known with another text).
// A claim whose text was seen under another id (renumbered) is not fresh.
func (s Seen) Fresh(d *dossier.Dossier) map[string]bool {
	fps := map[string]bool{}
	for _, fp := range s.Claims {
		fps[fp] = true
	}
	out := map[string]bool{}
	for _, r := range Claims(d) {
		fp := Fingerprint(r.Claim.Text)
		if s.Claims[r.Claim.ID] == fp || fps[fp] {
			continue
		}
		out[r.Claim.ID] = true
	}
	return out
}

// Format writes the record: a comment line, "seen: <RFC 3339 time>", then
// one "<claim id> <fingerprint>" line per claim, sorted.
func (s Seen) Format() []byte {
	var b bytes.Buffer
	b.WriteString("# dossier: the claims this reader has seen (id, fingerprint of the text)\n")
	b.WriteString("seen: " + s.When.UTC().Format(time.RFC3339) + "\n")
	ids := make([]string, 0, len(s.Claims))
	for id := range s.Claims {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		b.WriteString(id + " " + s.Claims[id] + "\n")
	}
	return b.Bytes()
}

// ParseSeen reads a record written by Format; lines it does not know are
// skipped (the record is the program's, not the user's). ok is false
// without a "seen:" line.
func ParseSeen(data []byte) (Seen, bool) {
	s := Seen{Claims: map[string]string{}}
	ok := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if v, found := strings.CutPrefix(l, "seen: "); found {
			t, err := time.Parse(time.RFC3339, strings.TrimSpace(v))
			if err == nil {
				s.When, ok = t, true
			}
			continue
		}
		f := strings.Fields(l)
		if len(f) == 2 && !strings.HasPrefix(l, "#") && fpRe.MatchString(f[1]) {
			s.Claims[f[0]] = f[1]
		}
	}
	return s, ok
}
