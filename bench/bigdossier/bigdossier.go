// Package bigdossier writes the hostile but well-formed dossiers that the
// loader's limits are measured against (docs/hardening.md): front matter as
// large as a file may be, a dossier as large as the total limit allows, a
// long via chain, and one input per validation pass that makes that pass
// do the most work. Every dossier is valid, or has only the problems the
// input is about, so that the whole loader runs. It imports nothing of the
// module, so the dossier package's tests can use it.
package bigdossier

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Files is a dossier as file name → content.
type Files map[string]string

// Size returns the dossier's size in bytes.
func (f Files) Size() int {
	n := 0
	for _, s := range f {
		n += len(s)
	}
	return n
}

// Write writes f under dir.
func (f Files) Write(dir string) error {
	for name, s := range f {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Base is a small valid dossier: two parties and accounts, one topic that
// cites source s0, two days.
func Base() Files {
	return Files{
		"dossier.md": `---
id: big
title: A big dossier
start: 2031-03-02
end: 2031-03-03
parties:
  - {id: up, name: Upstream}
  - {id: down, name: Downstream}
accounts:
  - {id: up, name: Upstream, party: up}
  - {id: down, name: Downstream, party: down}
---
`,
		"sources.md": "---\nsources:\n" + source(0, "") + "---\n",
		"days.md": `---
days:
  - id: d1
    date: 2031-03-02
    hours:
      - {hours: 6, text: six hours, sources: [s0]}
    events:
      - {text: The talks open, sources: [s0]}
---
`,
		"topics/01-t.md": `---
id: t
title: A topic
---

## Upstream

- Upstream says so. [@s0] {#k day=d1}

## Downstream

- Downstream says not. [@s0] {#k}
`,
	}
}

func source(i int, via string) string {
	s := fmt.Sprintf("  - id: s%d\n    outlet: Outlet number %d\n    title: \"A generated title, number %d\"\n"+
		"    url: https://example.org/news/%d\n    origin: Generated for the limits\n    reliability: C\n"+
		"    basis: A line of basis text for source %d\n", i, i, i, i, i)
	if via != "" {
		return s + "    via: " + via + "\n"
	}
	return s + "    date: 2031-03-02\n"
}

// FrontMatter is Base with a sources.md of about size bytes of front
// matter (every source cited, in a second topic, so that none is warned).
func FrontMatter(size int) Files {
	f := Base()
	var b, cites strings.Builder
	b.WriteString("---\nsources:\n")
	for i := 0; b.Len() < size-200; i++ {
		b.WriteString(source(i, ""))
		fmt.Fprintf(&cites, "- Claim %d. [@s%d]\n", i, i)
	}
	b.WriteString("---\n")
	f["sources.md"] = b.String()
	f["topics/02-cites.md"] = "---\nid: cites\ntitle: Every source\n---\n\n## Upstream\n\n" + cites.String()
	return f
}

// ViaChain is Base with n sources, each known through the next: s0 via s1,
// …, s(n-2) via s(n-1), which has a date.
func ViaChain(n int) Files {
	f := Base()
	var b, cites strings.Builder
	b.WriteString("---\nsources:\n")
	for i := range n {
		via := ""
		if i < n-1 {
			via = fmt.Sprintf("s%d", i+1)
		}
		b.WriteString(source(i, via))
		if i > 0 {
			fmt.Fprintf(&cites, "- Claim %d. [@s%d]\n", i, i)
		}
	}
	b.WriteString("---\n")
	f["sources.md"] = b.String()
	f["topics/02-cites.md"] = "---\nid: cites\ntitle: Every source\n---\n\n## Upstream\n\n" + cites.String()
	return f
}

// Total is a dossier of about size bytes in all, in the five list files
// (sources, delegations, demands, discrepancies, days), each near the
// per-file limit when size allows.
func Total(size int) Files {
	per := size / 5
	f := FrontMatter(per - 4096)
	nsrc := strings.Count(f["sources.md"], "\n  - id: ")
	src := func(i int) string { return fmt.Sprintf("s%d", i%nsrc) }
	fill := func(head string, item func(i int) string) string {
		var b strings.Builder
		b.WriteString("---\n" + head + ":\n")
		for i := 0; b.Len() < per-300; i++ {
			b.WriteString(item(i))
		}
		b.WriteString("---\n")
		return b.String()
	}
	f["delegations.md"] = fill("delegations", func(i int) string {
		return fmt.Sprintf("  - party: up\n    note: Delegation note %d\n    members:\n"+
			"      - {name: Member %d, title: Adviser, org: Ministry, sources: [%s]}\n", i, i, src(i))
	})
	f["demands.md"] = fill("demands", func(i int) string {
		return fmt.Sprintf("  - id: m%d\n    party: up\n    text: Demand number %d, in writing\n"+
			"    response: None yet\n    status: open\n    sources: [%s]\n", i, i, src(i))
	})
	f["discrepancies.md"] = fill("discrepancies", func(i int) string {
		return fmt.Sprintf("  - id: x%d\n    fact: Fact number %d?\n    versions:\n"+
			"      - {value: one, sources: [%s]}\n      - {value: two, sources: [%s]}\n", i, i, src(i), src(i+1))
	})
	// the days cite a source with no date, so that none is later than
	// its sources (an anachronism warning each)
	f["sources.md"] = strings.TrimSuffix(f["sources.md"], "---\n") +
		"  - {id: undated, outlet: An undated outlet, reliability: C}\n---\n"
	var days strings.Builder
	days.WriteString("---\ndays:\n")
	for i := 0; days.Len() < per-300; i++ {
		fmt.Fprintf(&days, "  - id: d%d\n    date: %s\n    hours:\n      - {hours: 6, text: six hours, sources: [undated]}\n"+
			"    events:\n      - {text: Event of day %d, sources: [undated]}\n", i+1, date(i), i)
	}
	days.WriteString("---\n")
	f["days.md"] = days.String()
	return f
}

// date returns the i-th day from 2031-03-02, as YYYY-MM-DD.
func date(i int) string {
	y, d := 2031, 61+i // day of the year, 2 March = 61
	for {
		n := 365
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			n = 366
		}
		if d < n {
			break
		}
		d -= n
		y++
	}
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days[1] = 29
	}
	m := 0
	for d >= days[m] {
		d -= days[m]
		m++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m+1, d+1)
}

// Pass inputs: each makes one validation pass of the loader do the most
// work for its size (n elements), so that its benchmark shows how the pass
// grows. They are named after the pass.

// UnknownRefs has n sources and n claims citing ids that do not exist
// (resolveRefs: a look-alike lookup and a bounded "did you mean" each).
func UnknownRefs(n int) Files {
	f := sources(n)
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "- Claim %d. [@s%d; @nosuch%d]\n", i, i, i)
	}
	f["topics/02-cites.md"] = "---\nid: cites\ntitle: Cites\n---\n\n## Upstream\n\n" + b.String()
	return f
}

// LookAlikes has n source ids that differ only by a Cyrillic letter from
// another (checkLookAlikes).
func LookAlikes(n int) Files {
	f := Base()
	var b, cites strings.Builder
	b.WriteString("---\nsources:\n" + source(0, ""))
	for i := range n {
		id := fmt.Sprintf("la%d", i)
		if i%2 == 1 {
			id = fmt.Sprintf("lа%d", i-1) // Cyrillic а
		}
		fmt.Fprintf(&b, "  - {id: %s, outlet: O, date: 2031-03-02, reliability: C}\n", id)
		fmt.Fprintf(&cites, "- C. [@%s]\n", id)
	}
	b.WriteString("---\n")
	f["sources.md"] = b.String()
	f["topics/02-cites.md"] = "---\nid: cites\ntitle: Cites\n---\n\n## Upstream\n\n" + cites.String()
	return f
}

// Days has n days in date order, each with hours and an event (checkDays).
func Days(n int) Files {
	f := Base()
	var b strings.Builder
	b.WriteString("---\ndays:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: d%d\n    date: %s\n    hours:\n      - {hours: 6, text: six, sources: [s0]}\n"+
			"    events:\n      - {text: E, sources: [s0]}\n", i+1, date(i))
	}
	b.WriteString("---\n")
	f["days.md"] = b.String()
	return f
}

// Alignment has one topic whose two accounts each hold n claims with n
// alignment keys, the second account's in reverse order (checkAlignment,
// and checkKeyOrder: every key but one out of order).
func Alignment(n int) Files {
	f := Base()
	var up, down strings.Builder
	for i := range n {
		fmt.Fprintf(&up, "- U %d. [@s0] {#k%d}\n", i, i)
		fmt.Fprintf(&down, "- D %d. [@s0] {#k%d}\n", i, n-1-i)
	}
	f["topics/02-keys.md"] = "---\nid: keys\ntitle: Keys\n---\n\n## Upstream\n\n" + up.String() + "\n## Downstream\n\n" + down.String()
	return f
}

// Unused has n sources nobody cites (checkUse).
func Unused(n int) Files { return sources(n) }

// Anachronisms has a via chain of n sources and n claims about a day later
// than every source, each citing the start of the chain (checkAnachronisms:
// a source's date through via, for each claim).
func Anachronisms(n int) Files {
	f := ViaChain(n)
	f["days.md"] = "---\ndays:\n  - id: d1\n    date: 2031-03-02\n    hours:\n      - {hours: 6, text: six, sources: [s0]}\n" +
		"    events:\n      - {text: E, sources: [s0]}\n  - id: d2\n    date: 2031-03-09\n    hours:\n" +
		"      - {hours: 6, text: six, sources: [s0]}\n    events:\n      - {text: E, sources: [s0]}\n---\n"
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "- Claim %d. [@s0] {day=d2}\n", i)
	}
	f["topics/03-late.md"] = "---\nid: late\ntitle: Late\n---\n\n## Upstream\n\n" + b.String()
	return f
}

// sources is Base with n dated sources.
func sources(n int) Files {
	f := Base()
	var b strings.Builder
	b.WriteString("---\nsources:\n")
	for i := range n {
		b.WriteString(source(i, ""))
	}
	b.WriteString("---\n")
	f["sources.md"] = b.String()
	return f
}
