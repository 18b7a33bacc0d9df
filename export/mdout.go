package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// writeMarkdown writes the handout as GitHub-flavoured Markdown: the same
// content as the HTML, with each compare stop as a three-column table.
// Plain dossier text is escaped so that it is shown as written; dossier
// Markdown is kept, but any "<" that could open raw HTML is escaped, so
// whatever renders the file next passes no HTML from the dossier.
func writeMarkdown(w io.Writer, h *handout) error {
	m := &mdWriter{}
	m.header(h)
	for _, s := range h.Stops {
		m.stop(s)
	}
	m.p("## Sources\n\n")
	m.p("Every source cited in this handout. Reliability on the Admiralty scale: A completely reliable … E unreliable, F cannot be judged.\n\n")
	m.sources(h.Sources)
	if len(h.Discs) > 0 && !h.DiscsInBody {
		m.p("## Discrepancies\n\n")
		m.discs(h.Discs)
	}
	if h.MemoMD != "" {
		m.p("## Your notes\n\n%s\n\n", safeMD(h.MemoMD))
	}
	note := ""
	if !h.Notes {
		note = " Presenter notes are left out."
	}
	m.p("---\n\n*Made with `dossier export` from the dossier “%s”.%s*\n", esc(h.Title), note)
	_, err := io.WriteString(w, sanitize.Text(m.b.String()))
	return err
}

type mdWriter struct{ b strings.Builder }

func (m *mdWriter) p(format string, a ...any) { fmt.Fprintf(&m.b, format, a...) }

func (m *mdWriter) header(h *handout) {
	m.p("# %s\n\n**%s**", esc(h.Briefing), esc(h.Title))
	if h.Meta != "" {
		m.p(" · %s", esc(h.Meta))
	}
	m.p("\n\n")
	for _, f := range [][2]string{{"Parties", h.Parties}, {"Mediators", h.Mediators}, {"Outcome", h.Outcome}} {
		if f[1] != "" {
			m.p("- **%s:** %s\n", f[0], esc(f[1]))
		}
	}
	m.p("\n")
	if h.SummaryMD != "" {
		m.p("%s\n\n", safeMD(h.SummaryMD))
	}
	m.p("**How to read it:** `=` the accounts agree · `≠` they contradict each other · `◂` `▸` only one account speaks to it · " +
		"\\[Outlet B2\\] a source, its reliability A–F and the claim's credibility 1–6 · " +
		"*disputed* the claim touches a fact the sources disagree on (see Discrepancies) · a date after the badges: the day a claim speaks of.\n\n")
	m.p("**Stops:**\n\n")
	for _, s := range h.Stops {
		m.p("%d. %s\n", s.N, esc(s.Title))
	}
	m.p("\n")
}

func (m *mdWriter) stop(s stop) {
	m.p("## %d. %s\n\n", s.N, esc(s.Title))
	if s.Caption != "" {
		m.p("*%s*\n\n", esc(s.Caption))
	}
	if c := s.Compare; c != nil {
		m.compare(c)
	}
	for _, d := range s.Days {
		m.day(d)
	}
	for _, g := range s.Delegations {
		m.p("### %s\n\n", esc(g.Party))
		if g.Note != "" {
			m.p("*%s*\n\n", esc(g.Note))
		}
		for _, x := range g.Members {
			m.p("- **%s**", esc(x.Name))
			if x.Title != "" {
				m.p(", %s", esc(x.Title))
			}
			if x.Org != "" {
				m.p(" (%s)", esc(x.Org))
			}
			m.p("%s\n", badgesMD(x.Badges))
		}
		m.p("\n")
	}
	for _, d := range s.Demands {
		m.p("- **%s** — *%s* · `%s`: %s", esc(d.Party), d.Status, d.ID, flat(d.TextMD))
		m.p("%s", badgesMD(d.Badges))
		if d.Days != "" {
			m.p(" · %s", esc(d.Days))
		}
		if d.Topic != "" {
			m.p(" · topic: %s", esc(d.Topic))
		}
		if d.ResponseMD != "" {
			// a paragraph of its own in the item, not run into the demand
			m.p("\n\n  **Answer:** %s\n", flat(d.ResponseMD))
		}
		m.p("\n")
	}
	if len(s.Demands) > 0 {
		m.p("\n")
	}
	m.sources(s.SourceList)
	m.discs(s.Discs)
	if s.NotesMD != "" {
		m.p("> **Presenter notes**\n>\n")
		for _, line := range strings.Split(safeMD(s.NotesMD), "\n") {
			m.p(">%s\n", prefixSpace(line))
		}
		m.p("\n")
	}
}

func (m *mdWriter) compare(c *compare) {
	if c.SummaryMD != "" {
		m.p("%s\n\n", safeMD(c.SummaryMD))
	}
	if len(c.Rows) == 0 {
		m.p("*Neither account has a claim on this topic.*\n\n")
		return
	}
	if c.Third != nil {
		m.p("| | %s | | %s | | %s |\n|:-:|---|:-:|---|:-:|---|\n", cell(esc(accountHead(c.Left))), cell(esc(accountHead(c.Right))), cell(esc(accountHead(*c.Third))))
		for _, r := range c.Rows {
			m.p("| `%s` | %s | `%s` | %s | | %s |\n", r.Mark, cell(claimMD(r.Left, r.Missing)), r.Mark2,
				cell(claimMD(r.Right, r.Missing)), cell(claimMD(r.Third, r.Missing3)))
		}
		m.p("\n")
		return
	}
	m.p("| | %s | %s |\n|:-:|---|---|\n", cell(esc(accountHead(c.Left))), cell(esc(accountHead(c.Right))))
	for _, r := range c.Rows {
		m.p("| `%s` | %s | %s |\n", r.Mark, cell(claimMD(r.Left, r.Missing)), cell(claimMD(r.Right, r.Missing)))
	}
	m.p("\n")
}

// accountHead is an account's name as a column head: "Corvian mediators
// (Corvia, mediator)" for a mediator's account.
func accountHead(a account) string {
	if a.Owner != "" {
		return a.Name + " (" + a.Owner + ")"
	}
	return a.Name
}

// claimMD is a claim on one line: its text, then its badges and tags; for
// no claim, what the account has instead (missing, e.g. "no counterpart").
func claimMD(c *claim, missing string) string {
	if c == nil {
		if missing == "" {
			return "—"
		}
		return "*" + esc(missing) + "*"
	}
	s := flat(c.TextMD) + badgesMD(c.Badges)
	for _, d := range c.Days {
		s += " · " + esc(d)
	}
	if len(c.Discs) > 0 {
		s += " · *disputed*"
	}
	return s
}

func (m *mdWriter) day(d day) {
	m.p("### %s", esc(d.Date))
	if d.Label != "" {
		m.p(" — %s", esc(d.Label))
	}
	m.p(" (%s)\n\n", d.Phase)
	if len(d.Readings) > 0 {
		var rs []string
		for _, r := range d.Readings {
			rs = append(rs, esc(r.Text)+badgesMD(r.Badges))
		}
		m.p("**In dispute:** %s\n\n", strings.Join(rs, "; "))
	}
	if len(d.Hours) > 0 {
		var hs []string
		for _, h := range d.Hours {
			s := esc(h.Text) + badgesMD(h.Badges)
			if h.Disputed {
				s += " · *disputed*"
			}
			hs = append(hs, s)
		}
		m.p("**Hours of talks:** %s\n\n", strings.Join(hs, "; "))
	}
	for _, e := range d.Events {
		m.p("- ")
		if e.Account != "" {
			m.p("**%s:** ", esc(e.Account))
		}
		m.p("%s%s", flat(e.TextMD), badgesMD(e.Badges))
		if e.Disputed {
			m.p(" · *disputed*")
		}
		m.p("\n")
	}
	if len(d.Events) > 0 {
		m.p("\n")
	}
}

func (m *mdWriter) sources(list []source) {
	for _, s := range list {
		g := s.Grade
		if g == "" {
			g = "?"
		}
		m.p("- %s **%s**", badgeMD(s.Short+" "+g), esc(s.Outlet))
		if s.Details != "" {
			m.p(" · %s", esc(s.Details))
		}
		if s.GradeText != "" {
			m.p(". %s: %s.", s.Grade, s.GradeText)
		}
		if s.Basis != "" {
			m.p(" %s", esc(s.Basis))
		}
		if s.URL != "" && !strings.ContainsAny(s.URL, "<> ") {
			m.p(" <%s>", s.URL)
		}
		m.p("\n")
	}
	if len(list) > 0 {
		m.p("\n")
	}
}

func (m *mdWriter) discs(list []disc) {
	for _, x := range list {
		m.p("### %s\n\n", esc(x.Fact))
		if x.Where != "" {
			m.p("*%s*\n\n", esc(x.Where))
		}
		for _, v := range x.Versions {
			m.p("- **%s**%s", esc(v.Value), badgesMD(v.Badges))
			if v.Note != "" {
				m.p(" (%s)", esc(v.Note))
			}
			m.p("\n")
		}
		m.p("\n")
	}
}

func badgesMD(bs []badge) string {
	var s string
	for _, b := range bs {
		s += " " + badgeMD(b.Label)
	}
	return s
}

// badgeMD writes a badge as "[Dawn B2]", escaped like any plain text. (A
// code span would read better, but an unmatched backtick in the claim
// before it could pair with its opening one and leave the label outside.)
func badgeMD(label string) string {
	return `\[` + esc(label) + `\]`
}

// esc escapes plain text so that Markdown shows it as written: the
// punctuation Markdown reads as markup is backslash-escaped, and "<" and
// "&" become character references (so no HTML can start).
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x80 && strings.ContainsRune("\\`*_{}[]>#!~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safeMD makes dossier Markdown safe to hand to another Markdown renderer:
// every "<" becomes "&lt;", so no raw HTML or autolink written in the
// dossier survives, and every "![" becomes "&#33;[", so an image turns into
// a link and nothing loads from elsewhere; a link to a javascript:,
// vbscript:, data: or file: address points to "#" (safeLinks), as the HTML
// handout blanks it. Character references are not
// syntax in CommonMark, so no backslash or code span can undo this; the
// price is that a "<" inside inline code shows as "&lt;".
func safeMD(s string) string {
	return strings.NewReplacer("<", "&lt;", "![", "&#33;[").Replace(safeLinks(s))
}

// flat makes dossier Markdown fit one line (a table cell or a list item):
// paragraphs joined, quotation lines put in quotation marks, list items
// marked with bullets, then made safe.
func flat(s string) string {
	var parts []string
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, ">"):
			t = "“" + strings.TrimSpace(strings.TrimLeft(t, "> ")) + "”"
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			t = "• " + t[2:]
		}
		parts = append(parts, t)
	}
	return safeMD(strings.Join(parts, " "))
}

// cell makes text safe in a table cell.
func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\n", " "), "|", `\|`)
}

func prefixSpace(line string) string {
	if line == "" {
		return ""
	}
	return " " + line
}
