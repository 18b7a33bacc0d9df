package notes

import (
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/dossier"
)

// Sources writes a claim's citations as "Dawn, 26 Oct 2025, grade B;
// Tolo News (via NationPress), 27 Oct 2025, grade C". Text is sanitised.
func Sources(d *dossier.Dossier, ids []string) string {
	var parts []string
	for _, id := range ids {
		s, ok := d.Source(id)
		if !ok {
			parts = append(parts, dossier.Sanitize(id))
			continue
		}
		p := dossier.Sanitize(s.Outlet)
		if p == "" {
			p = dossier.Sanitize(s.ID)
		}
		if v, ok := d.Source(s.Via); ok && s.Via != "" {
			p += " (via " + dossier.Sanitize(v.Outlet) + ")"
		}
		if !s.Date.IsZero() {
			p += ", " + s.Date.Format("2 Jan 2006")
		}
		if s.Reliability != "" {
			p += ", grade " + dossier.Sanitize(s.Reliability)
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

// Credibility writes a grade as "2 — probably true", "" for none.
func Credibility(n int) string {
	if dossier.CredName(n) == "" {
		return ""
	}
	return strconv.Itoa(n) + " — " + dossier.CredName(n)
}

// accountName names an account, sanitised.
func accountName(d *dossier.Dossier, id string) string {
	if a, ok := d.Account(id); ok && a.Name != "" {
		return dossier.Sanitize(a.Name)
	}
	return dossier.Sanitize(id)
}

// Cite writes a claim as plain text with its citation, for the clipboard:
//
//	“<the claim>”
//	— <account>, on <topic> (claim <id>)
//	Sources: <outlet, date, grade; …>
//	Credibility: <grade — meaning>
func Cite(d *dossier.Dossier, r ClaimRef) string {
	var b strings.Builder
	b.WriteString("“" + oneLine(dossier.Sanitize(r.Claim.Text)) + "”\n")
	b.WriteString("— " + accountName(d, r.Account) + ", on " + dossier.Sanitize(r.Topic.Title) + " (claim " + dossier.Sanitize(r.Claim.ID) + ")\n")
	if src := Sources(d, r.Claim.Sources); src != "" {
		b.WriteString("Sources: " + src + "\n")
	}
	if c := Credibility(r.Claim.Cred); c != "" {
		b.WriteString("Credibility: " + c + "\n")
	}
	return b.String()
}

// FindClaim returns the claim with id in d.
func FindClaim(d *dossier.Dossier, id string) (ClaimRef, bool) {
	for _, r := range Claims(d) {
		if r.Claim.ID == id {
			return r, true
		}
	}
	return ClaimRef{}, false
}

// Title names the thing an entry is about for a list or a memo:
// "Pakistan on Ceasefire", "Day 2 (26 Oct)", "demand pk-1: …"; sanitised.
func Title(d *dossier.Dossier, p Placed) string {
	e := p.Entry
	switch {
	case p.State == Orphaned:
		return string(e.Kind) + " " + dossier.Sanitize(e.ID) + " (gone from the dossier)"
	case e.Kind == KindClaim:
		if r, ok := FindClaim(d, p.ID); ok {
			return accountName(d, r.Account) + " on " + dossier.Sanitize(r.Topic.Title)
		}
	case e.Kind == KindDay:
		if x, ok := d.Day(p.ID); ok {
			s := dossier.Sanitize(x.Label)
			if s == "" {
				s = dossier.Sanitize(x.ID)
			}
			if !x.Date.IsZero() {
				s += " (" + x.Date.Format("2 Jan") + ")"
			}
			return s
		}
	case e.Kind == KindDemand:
		if x, ok := d.Demand(p.ID); ok {
			return "demand " + dossier.Sanitize(x.ID) + ": " + oneLine(dossier.Sanitize(x.Text))
		}
	case e.Kind == KindDiscrepancy:
		if x, ok := d.Discrepancy(p.ID); ok {
			return "discrepancy: " + oneLine(dossier.Sanitize(x.Fact))
		}
	}
	return string(e.Kind) + " " + dossier.Sanitize(p.ID)
}

// Memo writes the bookmarks and notes of b as Markdown for a memo: each
// with the thing it is about and, for a claim, the claim and its citation;
// orphaned entries last, with what they were about. title heads it as a
// heading of the given level (1 for "# "); "" writes no title and starts
// the sections at that level.
func Memo(d *dossier.Dossier, b *Book, title string, level int) string {
	placed := Locate(b, d)
	var s strings.Builder
	level = max(1, level)
	if title != "" {
		s.WriteString(strings.Repeat("#", level) + " " + title + "\n")
		level++
	}
	h2, h3 := strings.Repeat("#", level)+" ", strings.Repeat("#", level+1)+" "
	if len(placed) == 0 {
		s.WriteString("\nNo bookmarks or notes yet.\n")
		return s.String()
	}
	section := func(head string, keep func(Placed) bool) {
		first := true
		for _, p := range placed {
			if !keep(p) {
				continue
			}
			if first {
				s.WriteString("\n" + h2 + head + "\n")
				first = false
			}
			memoEntry(&s, d, p, h3)
		}
	}
	section("Bookmarks", func(p Placed) bool { return p.State != Orphaned && p.Entry.Bookmark && p.Entry.Text == "" })
	section("Notes", func(p Placed) bool { return p.State != Orphaned && p.Entry.Text != "" })
	section("Orphaned (no longer in the dossier; kept)", func(p Placed) bool { return p.State == Orphaned })
	return s.String()
}

func memoEntry(s *strings.Builder, d *dossier.Dossier, p Placed, h3 string) {
	e := p.Entry
	head := Title(d, p)
	if e.Bookmark {
		head = "★ " + head
	}
	if p.State == Changed {
		head += " (changed since the note)"
	}
	s.WriteString("\n" + h3 + head + "\n\n")
	if r, ok := FindClaim(d, p.ID); ok && e.Kind == KindClaim && p.State != Orphaned {
		for _, l := range strings.Split(strings.TrimRight(Cite(d, r), "\n"), "\n") {
			s.WriteString("> " + l + "\n")
		}
		if p.State == Changed && e.Quote != "" {
			s.WriteString(">\n> When noted it read: “" + dossier.Sanitize(e.Quote) + "”\n")
		}
		s.WriteString("\n")
	} else if e.Quote != "" {
		s.WriteString("> “" + dossier.Sanitize(e.Quote) + "”\n\n")
	}
	if e.Text != "" {
		s.WriteString(strings.TrimRight(dossier.Sanitize(e.Text), "\n") + "\n")
	}
}
