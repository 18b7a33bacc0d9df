package dossier

import (
	"maps"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/content"
)

// keyed builds claims from a compact spec: "k1 k2:c - k3" gives keys k1,
// k2 (marked contradict), an unkeyed claim and k3.
func keyed(spec string) []Claim {
	var out []Claim
	for _, f := range strings.Fields(spec) {
		c := Claim{}
		key, rel, _ := strings.Cut(f, ":")
		if key != "-" {
			c.Key = key
		}
		switch rel {
		case "a":
			c.Relation = RelAgree
		case "c":
			c.Relation = RelContradict
		case "o":
			c.Relation = RelOneSided
		}
		out = append(out, c)
	}
	return out
}

// rowStrings renders rows as "L/R" ("L/M/R" for three accounts) with "_"
// for an empty cell and "*" after one whose key sits elsewhere.
func rowStrings(cols [][]Claim, rs []Row) []string {
	var out []string
	for _, r := range rs {
		var parts []string
		for i, c := range r.Cells {
			s := "_"
			if c.Index >= 0 {
				s = string(rune('0' + c.Index))
			} else if r.Key != "" && hasKey(cols[i], r.Key) {
				s += "*"
			}
			parts = append(parts, s)
		}
		out = append(out, strings.Join(parts, "/"))
	}
	return out
}

func TestAlignKeys(t *testing.T) {
	tests := []struct {
		name string
		cols []string
		want []string
	}{
		{"empty", []string{"", ""}, nil},
		{"left only", []string{"a b", ""}, []string{"0/_", "1/_"}},
		{"right only", []string{"", "a"}, []string{"_/0"}},
		{"identical", []string{"a b c", "a b c"}, []string{"0/0", "1/1", "2/2"}},
		{"one-sided between", []string{"a x b", "a b"}, []string{"0/0", "1/_", "2/1"}},
		{"both sides unmatched between matches: left first", []string{"a x b", "a y b"}, []string{"0/0", "1/_", "_/1", "2/2"}},
		{"unkeyed never match", []string{"- -", "- -"}, []string{"0/_", "1/_", "_/0", "_/1"}},
		{"crossed keys: most matches win, the rest are elsewhere", []string{"a b c", "c a b"}, []string{"_*/0", "0/1", "1/2", "2/_*"}},
		{"trailing right", []string{"a", "a z"}, []string{"0/0", "_/1"}},
		{"leading left", []string{"z a", "a"}, []string{"0/_", "1/0"}},
		{"three accounts", []string{"a b", "a c", "b c"}, []string{"0/0/_", "1/_/0", "_/1/1"}},
		{"three, middle silent", []string{"a b", "", "a b"}, []string{"0/_/0", "1/_/1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cols [][]Claim
			for _, s := range tt.cols {
				cols = append(cols, keyed(s))
			}
			got := rowStrings(cols, alignKeys(cols))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("alignKeys(%q) = %v, want %v", tt.cols, got, tt.want)
			}
		})
	}
}

func TestRelationOfNeighbours(t *testing.T) {
	l, r := keyed("a b:c x:o"), keyed("a:a b")
	cell := func(cs []Claim, i int) Cell {
		if i < 0 {
			return Cell{Index: -1}
		}
		return Cell{Claim: &cs[i], Index: i}
	}
	got := []Relation{relation(cell(l, 0), cell(r, 0)), relation(cell(l, 1), cell(r, 1)), relation(cell(l, 2), cell(r, -1))}
	want := []Relation{RelAgree, RelContradict, RelOneSided}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("relations %v, want %v", got, want)
	}
	hidden := cell(r, 0)
	hidden.Hide = HiddenAsOf
	if got := relation(cell(l, 0), hidden); got != RelOneSided {
		t.Errorf("a counterpart not yet reported relates as %v, want one-sided", got)
	}
	hidden.Hide = HiddenDay
	if got := relation(cell(l, 0), hidden); got != RelAgree {
		t.Errorf("a counterpart about another day relates as %v, want agree", got)
	}
}

// TestAlignKeepsEveryClaimOnce checks the invariants on a larger input:
// every claim appears exactly once, in order on each side, and matched
// rows share a key.
func TestAlignKeepsEveryClaimOnce(t *testing.T) {
	cols := [][]Claim{keyed("a b - c d e - f g h"), keyed("b a c - e d x h g"), keyed("h a - b c")}
	rows := alignKeys(cols)
	last := make([]int, len(cols))
	for i := range last {
		last[i] = -1
	}
	for _, r := range rows {
		key := ""
		for side, c := range r.Cells {
			if c.Index < 0 {
				continue
			}
			if c.Index != last[side]+1 {
				t.Fatalf("account %d out of order: %v", side, rowStrings(cols, rows))
			}
			last[side] = c.Index
			k := cols[side][c.Index].Key
			if key != "" && k != key {
				t.Errorf("row pairs different keys %q and %q", key, k)
			}
			key = k
		}
	}
	for side := range cols {
		if last[side] != len(cols[side])-1 {
			t.Errorf("account %d: saw %d claims, want %d", side, last[side]+1, len(cols[side]))
		}
	}
}

// TestRelateSubsets is the class "a counterpart shown in another view":
// the pair found in the full topic is the pair every subset reports, with
// the reason its counterpart is hidden.
func TestRelateSubsets(t *testing.T) {
	d, probs := Load(content.Default())
	if d == nil || probs.HasErrors() {
		t.Fatalf("built-in dossier: %v", probs)
	}
	pair := []string{"pk", "af"}
	full := d.Relate("sanctuaries", pair, "")
	first := "sanctuaries/pk/1"
	i, j := full.Find(first)
	if i < 0 || j != 0 {
		t.Fatalf("%s not in the alignment", first)
	}
	cp := full.Rows[i].Cells[1]
	if !cp.Shown() || full.Rows[i].Rel[0] != RelAgree {
		t.Fatalf("full topic: counterpart %+v, relation %v; want shown and agree", cp, full.Rows[i].Rel[0])
	}
	other := cp.Claim.ID

	// the days view and print --day: the claim is about 26 Oct, its
	// counterpart about no day
	day := d.Relate("sanctuaries", pair, "oct26")
	i, _ = day.Find(first)
	if i < 0 {
		t.Fatalf("%s not in the day's alignment", first)
	}
	got := day.Rows[i]
	if got.Cells[1].Claim == nil || got.Cells[1].Claim.ID != other || got.Cells[1].Hide != HiddenDay || got.Rel[0] != RelAgree {
		t.Errorf("day 26 Oct: counterpart %+v rel %v; want %s hidden by the day, agree", got.Cells[1], got.Rel[0], other)
	}
	for _, r := range day.Rows {
		if !r.Shown() {
			t.Errorf("a row of the day shows nothing: %+v", r)
		}
	}

	// a source filter that keeps the Pakistani claim only
	seen := d.Select(Selection{Source: "dawn-1027"})
	f := seen.Relate("sanctuaries", pair, "")
	i, _ = f.Find(first)
	got = f.Rows[i]
	if !got.Cells[0].Shown() || got.Cells[1].Hide != HiddenSource || got.Rel[0] != RelAgree {
		t.Errorf("Dawn only: cells %+v rel %v; want the claim shown, its counterpart hidden by the source, agree", got.Cells, got.Rel[0])
	}
	if ps := f.Partners(first); len(ps) != 1 || ps[0].Account != "af" || ps[0].Cell.Claim.ID != other {
		t.Errorf("Partners(%s) = %+v", first, ps)
	}

	// as of a day before the counterpart was reported: it was not known
	early := d.Select(Selection{AsOf: date("2025-10-27")})
	a := early.Relate("sanctuaries", pair, "")
	i, _ = a.Find(first)
	if i < 0 {
		t.Fatalf("%s unknown as of 27 Oct", first)
	}
	got = a.Rows[i]
	if got.Cells[1].Hide != HiddenAsOf || got.Rel[0] != RelOneSided {
		t.Errorf("as of 27 Oct: counterpart %+v rel %v; want hidden as of, one-sided", got.Cells[1], got.Rel[0])
	}
	if src := got.Cells[0].Claim.Sources; len(src) != 1 || src[0] != "dawn-1027" {
		t.Errorf("a shown claim has the citations the selection trims: %v, want [dawn-1027]", src)
	}
}

// TestRelateDimmedCounterpartIsTrimmed: a counterpart hidden only by the
// day (shown dimmed) carries the citations the selection trims, so that
// as of a day it names no later source.
func TestRelateDimmedCounterpartIsTrimmed(t *testing.T) {
	files := maps.Clone(asOfFiles)
	files["topics/t1.md"] = `---
id: t1
title: Topic
---

## Alpha

- On the 26th. [@s27] {#k day=oct26}

## Beta

- Later, on the 29th. [@s27; @s29] {#k day=oct29}
`
	d, probs := Load(mapFS(files))
	if d == nil {
		t.Fatal(probs)
	}
	early := d.Select(Selection{AsOf: date("2025-10-27")})
	al := early.Relate("t1", []string{"a", "b"}, "oct26")
	if len(al.Rows) != 1 {
		t.Fatalf("rows %+v", al.Rows)
	}
	c := al.Rows[0].Cells[1]
	if c.Hide != HiddenDay || strings.Join(c.Claim.Sources, ",") != "s27" {
		t.Errorf("counterpart %+v, sources %v; want hidden by the day, citing s27 only", c, c.Claim.Sources)
	}
}
