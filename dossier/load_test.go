package dossier

import (
	"strings"
	"testing"
	"testing/fstest"
)

// base is a minimal dossier that loads with no problem; each case below
// replaces or adds files to put exactly one kind of mistake in.
var base = map[string]string{
	"dossier.md": `---
id: t
title: T
start: 2030-01-02
end: 2030-01-03
parties:
  - {id: a, name: A}
  - {id: b, name: B}
mediators:
  - {id: m, name: M}
accounts:
  - {id: a, name: Alpha, party: a}
  - {id: b, name: Beta, party: b}
---
`,
	"sources.md": `---
sources:
  - {id: s1, outlet: S1, reliability: B, date: 2030-01-02}
  - {id: s2, outlet: S2, reliability: C, date: 2030-01-03}
---
`,
	"topics/t1.md": `---
id: t1
title: Topic
---

## Alpha

- Claim a. [@s1] {#k .agree cred=2}

## Beta

- Claim b. [@s2] {#k}
`,
}

// mapFS builds base with the given files replaced ("" deletes a file).
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range base {
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	for k, v := range files {
		if v == "" {
			delete(m, k)
			continue
		}
		m[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

func problemStrings(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestBaseIsClean(t *testing.T) {
	d, probs := Load(mapFS(nil))
	if len(probs) != 0 || d == nil {
		t.Fatalf("base dossier: %v", problemStrings(probs))
	}
	c := d.Topics[0].Sections[1].Claims[0]
	if c.ID != "t1/b/1" || c.Relation != RelAgree || c.Key != "k" || c.Text != "Claim b." {
		t.Errorf("claim = %+v", c)
	}
}

// loadCases each hold the complete list of problems expected.
var loadCases = []struct {
	name  string
	files map[string]string
	want  []string
}{
	{"no dossier.md", map[string]string{"dossier.md": ""}, []string{
		"dossier.md: error: dossier.md is missing (every dossier starts with a dossier.md holding id, title and accounts)",
	}},
	{"unclosed front matter", map[string]string{"sources.md": "---\nsources: []\n"}, []string{
		"sources.md:1:1: error: the front matter is never closed (end the YAML fields with a line '---')",
	}},
	{"yaml syntax error", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1\n  - id: s2\n---\n"}, []string{
		"sources.md:4:3: error: YAML: ',' or '}' must be specified",
	}},
	{"yaml alias", map[string]string{"sources.md": "---\nsources:\n  - &x {id: s1, outlet: S1, reliability: B}\n  - *x\n---\n"}, []string{
		"sources.md:4:5: error: YAML aliases (*name) are not supported in a dossier",
	}},
	{"duplicate key", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1, reliability: B}\n  - {id: s2, outlet: S2, outlet: S3, reliability: B}\n---\n"}, []string{
		"sources.md:4:26: error: YAML: mapping key \"outlet\" already defined at line 4",
	}},
	{"unknown field", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1, relability: B}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"}, []string{
		"sources.md:3:5: warning: source 's1' has no reliability grade (grade each source A–F on the Admiralty scale)",
		"sources.md:3:26: warning: unknown field 'relability' in source; ignored (did you mean 'reliability'?)",
	}},
	{"bad id and date", map[string]string{"sources.md": "---\nsources:\n  - {id: 1s, outlet: S1, reliability: B, date: 2030-13-01}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"}, []string{
		"sources.md:3:5: warning: source '1s' is never cited",
		"sources.md:3:10: error: invalid source id '1s' (an id starts with a letter and holds only letters, digits, - and _)",
		"sources.md:3:48: error: invalid date '2030-13-01' in field date (write dates as YYYY-MM-DD, e.g. 2025-10-27)",
		"topics/t1.md:8:13: error: unknown source 's1' (did you mean 's2'?)",
	}},
	{"reliability and url", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1, reliability: G, url: 'javascript:alert(1)'}\n  - {id: s2, outlet: S2, reliability: C}\n---\n"}, []string{
		"sources.md:3:39: error: reliability 'G' is not a grade A–F (A completely reliable … E unreliable, F cannot be judged)",
		"sources.md:3:47: error: url 'javascript:alert(1)' is not an http(s) address",
	}},
	{"via unknown and cycle", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1, reliability: B, via: s2}\n  - {id: s2, outlet: S2, reliability: C, via: s1}\n  - {id: s3, outlet: S3, reliability: C, via: s22}\n---\n"}, []string{
		"sources.md:3:5: error: via chain of source 's1' loops back to it (a source cannot be known through itself)",
		"sources.md:4:5: error: via chain of source 's2' loops back to it (a source cannot be known through itself)",
		"sources.md:5:5: warning: source 's3' is never cited",
		"sources.md:5:47: error: unknown source 's22' (did you mean 's2'?)",
	}},
	{"meta problems", map[string]string{"dossier.md": "---\nid: t\ntitle: T\nstart: 2030-01-03\nend: 2030-01-02\nparties:\n  - {id: a, name: A}\n  - {id: b, name: B}\nmediators:\n  - {id: m, name: M, role: referee}\n  - {id: a, name: A2}\naccounts:\n  - {id: a, name: Alpha, party: m}\n  - {id: b, name: Beta, party: bb}\ndefault_pair: [a, c]\n---\n"}, []string{
		"dossier.md:5:6: error: end 2030-01-02 is before start 2030-01-03",
		"dossier.md:10:28: error: unknown mediator role 'referee' (role is mediator or host)",
		"dossier.md:11:10: error: duplicate mediator id 'a': already used by a party (parties and mediators share one set of ids)",
		"dossier.md:13:33: error: 'm' is a mediator, not a party (a mediator's account says mediator: m)",
		"dossier.md:14:32: error: unknown party 'bb' (did you mean 'b'?)",
		"dossier.md:15:19: error: unknown account 'c' (known ids: a, b)",
	}},
	{"one account", map[string]string{"dossier.md": "---\nid: t\ntitle: T\naccounts:\n  - {id: a, name: Alpha}\n---\n", "topics/t1.md": ""}, []string{
		"dossier.md: warning: the dossier has no topics (add one file per topic under topics/)",
		"dossier.md:2:1: error: dossier.md has 1 account(s) (a dossier compares accounts: list at least two under accounts)",
	}},
	{"delegations", map[string]string{"delegations.md": "---\ndelegations:\n  - party: zz\n    members:\n      - {title: aide, sources: [s1]}\n      - {unnamed: true, sources: [s1]}\n      - {name: X, unnamed: true, sources: [s1]}\n      - {name: Y}\n  - party: m\n    members: [{name: Z, sources: [s2]}]\n---\n"}, []string{
		"delegations.md:3:12: error: unknown party or mediator 'zz' (known ids: a, b, m)",
		"delegations.md:5:9: error: member has no name (give a name, or unnamed: true with a title that describes them)",
		"delegations.md:6:9: error: unnamed member has no title (describe an unnamed member in title, e.g. \"a brigadier\")",
		"delegations.md:7:9: error: member 'X' has a name and is marked unnamed",
		"delegations.md:8:9: warning: member 'Y' has no source",
	}},
	{"demands", map[string]string{"demands.md": "---\ndemands:\n  - {id: d1, party: a, text: T, status: refused, sources: [s1], days: [dx], topic: t2}\n  - {id: d2, party: m, text: U}\n---\n"}, []string{
		"demands.md:3:41: error: unknown demand status 'refused' (did you mean 'rejected'?)",
		"demands.md:3:72: error: unknown day 'dx' (no day is defined)",
		"demands.md:3:84: error: unknown topic 't2' (did you mean 't1'?)",
		"demands.md:4:5: error: demand 'd2' has no source (cite at least one source: sources: [id])",
		"demands.md:4:21: error: 'm' is a mediator, not a party",
	}},
	{"days", map[string]string{"days.md": "---\ndays:\n  - {id: d1, date: 2030-01-02, phase: talks, events: [{text: E, sources: [s1]}]}\n  - {id: d2, date: 2030-01-01, phase: during, events: [{text: E, sources: [s1]}], hours: [{hours: 25, sources: [s1]}]}\n  - {id: d3, date: 2030-01-02, phase: after, hours: [{hours: 3, sources: [s1]}]}\n  - {id: d4, date: 2030-01-03, events: [{text: E, account: c}], hours: [{text: 'x', sources: [s2]}]}\n  - {id: d5, label: no date}\n---\n"}, []string{
		"days.md:3:5: warning: talk day 'd1' has no report of the hours of talks (status: rest for a day without talks, status: disputed when sources disagree)",
		"days.md:4:5: error: day 'd2' (2030-01-01) comes after day 'd1' (2030-01-02) (list days in date order)",
		"days.md:4:39: error: unknown phase 'during' (phase is one of before, talks, after)",
		"days.md:4:99: error: hours must be a number from 0 to 24, not '25'",
		"days.md:5:5: warning: day 'd3' has no events",
		"days.md:5:39: warning: phase after does not match the date: the talks run from 2030-01-02 to 2030-01-03",
		"days.md:6:41: error: event has no source (attribute each event: sources: [id])",
		"days.md:6:60: error: unknown account 'c' (known ids: a, b)",
		"days.md:6:73: error: hours report has no hours figure",
		"days.md:7:5: error: day 'd5' has no date",
	}},
	{"discrepancy", map[string]string{"discrepancies.md": "---\ndiscrepancies:\n  - id: x1\n    fact: F\n    day: dd\n    versions:\n      - {value: one, sources: [s1]}\n  - id: x2\n    fact: G\n    versions:\n      - {value: one, sources: [s1]}\n      - {value: two}\n---\n"}, []string{
		"discrepancies.md:3:5: error: discrepancy 'x1' needs at least two versions (list each version with its sources under versions)",
		"discrepancies.md:5:10: error: unknown day 'dd' (no day is defined)",
		"discrepancies.md:12:9: error: version 'two' has no source",
	}},
	{"topic structure", map[string]string{"topics/t1.md": "---\nid: t1\ntitle: Topic\n---\n\n# Title is fine\n\nIntro text.\n\n- early claim [@s1]\n\n## Alpah\n\n- Claim a. [@s1] {#k .agree}\n\nStray paragraph.\n\n### Sub\n\n## Beta\n\n- Claim b. [@s2] {#k}\n\n## b\n\n- Claim c. [@s2]\n"}, []string{
		"dossier.md:12:5: warning: account 'a' has no claims in any topic",
		"topics/t1.md:8:1: warning: text before the first account heading is not shown (put an introduction in the summary field of the front matter)",
		"topics/t1.md:10:3: error: claims before the first account heading (put claims under a heading naming the account: ## Account)",
		"topics/t1.md:12:1: error: unknown account 'Alpah' (did you mean 'Alpha'?)",
		"topics/t1.md:16:1: error: text outside the list of claims would be lost (make it a claim (a list item) or part of one, indented under it)",
		"topics/t1.md:18:1: error: level-3 heading in a topic (each account's section starts with a level-2 heading: ## Account)",
		"topics/t1.md:24:1: error: second section for account 'b' (first at line 20)",
	}},
	{"claim syntax", map[string]string{"topics/t1.md": "---\nid: t1\ntitle: Topic\n---\n\n## Alpha\n\n- No source here. {#k}\n- Bad cite [@ s1; @s2] {#j .one-sided}\n- Middle {#x} attrs [@s1] {#y .one-sided}\n- Attr junk [@s1] {#a #b .contradicts cred=0 day=zz,d1 disc=q foo=1}\n- Rel without key [@s1] {.agree}\n\n## Beta\n\n- Claim b. [@s2] {#k}\n- Again [@s2] {#k}\n"}, []string{
		"topics/t1.md:8:3: error: claim has no source (cite at least one source: [@id])",
		"topics/t1.md:9:13: error: bad citation '@ s1' (cite sources as [@id] or [@id1; @id2])",
		"topics/t1.md:10:10: error: attributes in the middle of a claim (the {…} block goes at the very end of the claim's first or last paragraph)",
		"topics/t1.md:11:20: warning: alignment key 'a' appears in only one account (mark it .one-sided, or give the other account's claim the same key)",
		"topics/t1.md:11:23: error: claim has two alignment keys, 'a' and 'b'",
		"topics/t1.md:11:26: error: unknown relation '.contradicts' (did you mean 'contradict'?)",
		"topics/t1.md:11:39: error: credibility '0' is not a grade 1–6 (1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged)",
		"topics/t1.md:11:50: error: unknown day 'zz' (no day is defined)",
		"topics/t1.md:11:53: error: unknown day 'd1' (no day is defined)",
		"topics/t1.md:11:61: error: unknown discrepancy 'q' (no discrepancy is defined)",
		"topics/t1.md:11:63: error: unknown claim attribute 'foo' (claim attributes are #key, .relation, cred=, day= and disc=)",
		"topics/t1.md:12:26: error: .agree needs an alignment key (add an alignment key #key to this claim and its counterpart)",
		"topics/t1.md:17:16: error: alignment key 'k' is used twice by account 'b' (a key appears at most once per account in a topic)",
	}},
	{"alignment", map[string]string{"topics/t1.md": "---\nid: t1\ntitle: Topic\n---\n\n## Alpha\n\n- A1 [@s1] {#k .agree}\n- A2 [@s1] {#solo}\n- A3 [@s1] {#lone .contradict}\n\n## Beta\n\n- B1 [@s2] {#k .contradict}\n"}, []string{
		"topics/t1.md:9:13: warning: alignment key 'solo' appears in only one account (mark it .one-sided, or give the other account's claim the same key)",
		"topics/t1.md:10:19: error: .contradict on key 'lone', which only one account uses",
		"topics/t1.md:14:16: error: key 'k' is marked .contradict here but .agree at topics/t1.md:8",
	}},
	{"briefing", map[string]string{"briefings/b.md": "---\nid: b\ntitle: B\n---\n\nIntro.\n\n## Start {view=comparre topic=t1}\n\nNotes.\n\n## Compare {view=compare accounts=a}\n\n## Day {view=days day=d9 #x}\n\n## Topic {topic=t9 accounts=a,zz}\n", "briefings/empty.md": "---\nid: e\ntitle: E\n---\n"}, []string{
		"briefings/b.md:6:1: warning: text before the first stop is not shown (presenter notes go under a stop's ## heading)",
		"briefings/b.md:8:16: error: unknown view 'comparre' (did you mean 'compare'?)",
		"briefings/b.md:12:1: error: compare stop 'Compare' names no topic (add topic=id to the heading's {…})",
		"briefings/b.md:12:35: error: accounts= must name two or three different accounts (write accounts=a,b or accounts=a,b,c)",
		"briefings/b.md:14:23: error: unknown day 'd9' (no day is defined)",
		"briefings/b.md:14:26: error: unknown stop attribute '#x' (stop attributes are view=, topic=, day= and accounts=)",
		"briefings/b.md:16:17: error: unknown topic 't9' (did you mean 't1'?)",
		"briefings/b.md:16:31: error: unknown account 'zz' (known ids: a, b)",
		"briefings/empty.md:1:1: warning: briefing 'e' has no stops (each stop is a level-2 heading: ## Title {view=compare topic=id})",
	}},
	{"unused", map[string]string{"dossier.md": "---\nid: t\ntitle: T\nparties: [{id: a, name: A}]\naccounts:\n  - {id: a, name: Alpha, party: a}\n  - {id: b, name: Beta}\n  - {id: c, name: Gamma}\n---\n", "sources.md": "---\nsources:\n  - {id: s1, outlet: S1, reliability: B}\n  - {id: s2, outlet: S2, reliability: C}\n  - {id: s3, outlet: S3, reliability: C}\n---\n", "topics/t2.md": "---\nid: t2\ntitle: Empty\n---\n"}, []string{
		"dossier.md:8:5: warning: account 'c' has no claims in any topic",
		"sources.md:5:5: warning: source 's3' is never cited",
		"topics/t2.md:1:1: warning: topic 't2' has no claims",
	}},
	{"stray files", map[string]string{"topics/notes.txt": "x", "image.png": "x", "extra.md": "x", "README.md": "x", ".hidden": "x", "topics/.swp": "x", "misc/a.md": "x"}, []string{
		"extra.md: warning: extra.md is not a dossier file; ignored (expected files are dossier.md, sources.md, delegations.md, demands.md, days.md, discrepancies.md)",
		"image.png: warning: image.png is not a Markdown file; ignored",
		"misc: warning: folder misc is not part of the dossier format; ignored",
		"topics/notes.txt: error: topics/notes.txt is not a Markdown file (only .md files belong in topics/)",
	}},
	{"text hygiene", map[string]string{"sources.md": "---\r\nsources:\r\n  - {id: s1, outlet: \"S\x1b[1m1\",\treliability: B}\r\n  - {id: s2, outlet: \"S\u00852\x7f\", reliability: C}\r\n---\r\n"}, []string{
		"sources.md:3:24: warning: escape character (ESC) removed",
		"sources.md:4:24: warning: control character U+0085 removed",
		"sources.md:4:25: warning: delete character (DEL) removed",
	}},
	{"invalid utf8", map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: \"Caf\xe9\"}\n---\n"}, []string{
		"sources.md:3:26: error: invalid UTF-8 (byte 0xe9 at offset 38); save the file as UTF-8",
	}},
	{"topics not a folder", map[string]string{"briefings": "x"}, []string{
		"briefings: error: briefings must be a folder of Markdown files",
	}},
}

func TestLoadProblems(t *testing.T) {
	for _, tc := range loadCases {
		t.Run(tc.name, func(t *testing.T) {
			d, probs := Load(mapFS(tc.files))
			got := problemStrings(probs)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(tc.want, "\n      "))
			}
			if probs.HasErrors() != (d == nil) {
				t.Errorf("dossier nil = %v with errors = %v", d == nil, probs.HasErrors())
			}
		})
	}
}
