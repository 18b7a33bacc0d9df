// Package synth writes synthetic dossiers of a chosen size for scale tests
// and benchmarks: valid under docs/format.md, shaped like a real one (ten
// accounts, hundreds of days, hundreds or thousands of topics, long claims
// with Unicode: accents, CJK, Arabic script, emoji).
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Accounts is how many accounts a synthetic dossier has.
const Accounts = 10

// Days is how many days a synthetic dossier has.
const Days = 300

// Sources is how many sources a synthetic dossier has.
const Sources = 60

const bytesPerTopic = 7200 // measured average of one generated topic file

var words = strings.Fields(`the delegation said talks were constructive but guarantees remain
unwritten officials described draft text mediators hoped verification annex ceasefire border
crossing trade evidence sanctuaries airspace drones written assurance phone call reversed
shocked conduct late night session hours sources told reporters statement denied confirmed
négociation garantie délégation Kalın İstanbul Türkiye Doğan 代表团 停火 谈判 ثبات خبرې 🕊️ 📜`)

// Generate writes a dossier of about target bytes into dir (created if
// missing) from the given seed; the same seed gives the same dossier.
func Generate(dir string, target int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 42))
	topics := max(1, target/bytesPerTopic)
	if err := os.MkdirAll(filepath.Join(dir, "topics"), 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"dossier.md":       dossierFile(),
		"sources.md":       sourcesFile(r),
		"days.md":          daysFile(r),
		"delegations.md":   delegationsFile(r),
		"demands.md":       demandsFile(r),
		"discrepancies.md": discrepanciesFile(r),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	for t := 0; t < topics; t++ {
		name := filepath.Join(dir, "topics", fmt.Sprintf("%05d-topic.md", t))
		if err := os.WriteFile(name, []byte(topicFile(r, t)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var base = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

func dayID(i int) string { return fmt.Sprintf("d%03d", i) }

func sentence(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

func dossierFile() string {
	var b strings.Builder
	b.WriteString("---\nid: synthetic\ntitle: A synthetic negotiation\nplace: Nowhere\n")
	fmt.Fprintf(&b, "start: %s\nend: %s\n", base.AddDate(0, 0, 100).Format("2006-01-02"), base.AddDate(0, 0, 199).Format("2006-01-02"))
	b.WriteString("parties:\n")
	for i := 0; i < Accounts; i++ {
		fmt.Fprintf(&b, "  - {id: p%d, name: Party %d}\n", i, i)
	}
	b.WriteString("mediators:\n  - {id: m0, name: Mediator, role: mediator}\naccounts:\n")
	for i := 0; i < Accounts; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: Account %d, party: p%d}\n", i, i, i)
	}
	b.WriteString("default_pair: [a0, a1]\noutcome: Unknown.\n---\n\nA generated dossier for scale tests.\n")
	return b.String()
}

func sourcesFile(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("---\nsources:\n")
	// every source is published after the last day, so that no claim or
	// event is about a day later than the sources it cites (check warns)
	for i := 0; i < Sources; i++ {
		fmt.Fprintf(&b, "  - id: s%02d\n    outlet: Outlet %d\n    date: %s\n    origin: Press of party %d\n    reliability: %c\n    basis: %s\n",
			i, i, base.AddDate(0, 0, Days+r.IntN(30)).Format("2006-01-02"), i%Accounts, 'A'+rune(i%6), sentence(r, 6))
	}
	b.WriteString("---\n")
	return b.String()
}

func src(r *rand.Rand) string { return fmt.Sprintf("s%02d", r.IntN(Sources/2)) }

// src2 picks from the other half of the sources, so a claim never cites the
// same source twice.
func src2(r *rand.Rand) string { return fmt.Sprintf("s%02d", Sources/2+r.IntN(Sources/2)) }

func daysFile(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("---\ndays:\n")
	for i := 0; i < Days; i++ {
		phase := "before"
		switch {
		case i >= 100 && i < 200:
			phase = "talks"
		case i >= 200:
			phase = "after"
		}
		fmt.Fprintf(&b, "  - id: %s\n    date: %s\n    label: Day %d\n    phase: %s\n", dayID(i), base.AddDate(0, 0, i).Format("2006-01-02"), i+1, phase)
		if phase == "talks" {
			fmt.Fprintf(&b, "    hours:\n      - {hours: %d, text: %d hours, sources: [%s]}\n", 2+r.IntN(10), 2+r.IntN(10), src(r))
		}
		fmt.Fprintf(&b, "    events:\n      - text: %q\n        sources: [%s]\n", sentence(r, 12), src(r))
	}
	b.WriteString("---\n")
	return b.String()
}

func delegationsFile(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("---\ndelegations:\n")
	for i := 0; i < Accounts; i++ {
		fmt.Fprintf(&b, "  - party: p%d\n    members:\n", i)
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&b, "      - {name: Person %d-%d, title: Envoy, org: Ministry %d, sources: [%s]}\n", i, j, i, src(r))
		}
	}
	b.WriteString("---\n")
	return b.String()
}

func demandsFile(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("---\ndemands:\n")
	statuses := []string{"open", "accepted", "rejected", "withdrawn", "disputed"}
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&b, "  - id: dm%d\n    party: p%d\n    text: %q\n    response: %q\n    status: %s\n    days: [%s]\n    sources: [%s]\n",
			i, i%Accounts, sentence(r, 10), sentence(r, 10), statuses[i%len(statuses)], dayID(100+r.IntN(100)), src(r))
	}
	b.WriteString("---\n")
	return b.String()
}

func discrepanciesFile(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("---\ndiscrepancies:\n")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, "  - id: x%d\n    fact: %q\n    versions:\n      - {value: one, sources: [%s]}\n      - {value: two, sources: [%s]}\n",
			i, sentence(r, 6)+"?", src(r), src(r))
	}
	b.WriteString("---\n")
	return b.String()
}

func topicFile(r *rand.Rand, t int) string {
	var b strings.Builder
	d := 100 + r.IntN(100)
	fmt.Fprintf(&b, "---\nid: t%05d\ntitle: Topic %d — %s\ndays: [%s]\n---\n", t, t, sentence(r, 3), dayID(d))
	rels := []string{".agree", ".contradict", ""}
	for a := 0; a < Accounts; a++ {
		fmt.Fprintf(&b, "\n## Account %d\n\n", a)
		for c := 0; c < 2; c++ {
			attrs := fmt.Sprintf("#k%d cred=%d day=%s", c, 1+r.IntN(6), dayID(d))
			if a == 0 && rels[c%3] != "" {
				attrs += " " + rels[c%3]
			}
			fmt.Fprintf(&b, "- %s. %s, *%s*. [@%s; @%s] {%s}\n", sentence(r, 20), sentence(r, 12), sentence(r, 4), src(r), src2(r), attrs)
		}
	}
	return b.String()
}
