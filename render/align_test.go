package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/dossier"
)

// claims builds claims from a compact spec: "k1 k2:c - k3" gives keys k1,
// k2 (marked contradict), an unkeyed claim and k3.
func claims(spec string) []dossier.Claim {
	var out []dossier.Claim
	for _, f := range strings.Fields(spec) {
		c := dossier.Claim{}
		key, rel, _ := strings.Cut(f, ":")
		if key != "-" {
			c.Key = key
		}
		switch rel {
		case "a":
			c.Relation = dossier.RelAgree
		case "c":
			c.Relation = dossier.RelContradict
		case "o":
			c.Relation = dossier.RelOneSided
		}
		out = append(out, c)
	}
	return out
}

// rows renders pairs as "L/R" strings with "_" for no claim, so a table
// reads like the layout it describes.
func rows(ps []Pair) []string {
	var out []string
	for _, p := range ps {
		s := func(i int) string {
			if i < 0 {
				return "_"
			}
			return string(rune('0' + i))
		}
		r := s(p.Left) + "/" + s(p.Right)
		if p.Elsewhere {
			r += "*"
		}
		out = append(out, r)
	}
	return out
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name        string
		left, right string
		want        []string
	}{
		{"empty", "", "", nil},
		{"left only", "a b", "", []string{"0/_", "1/_"}},
		{"right only", "", "a", []string{"_/0"}},
		{"identical", "a b c", "a b c", []string{"0/0", "1/1", "2/2"}},
		{"one-sided between", "a x b", "a b", []string{"0/0", "1/_", "2/1"}},
		{"both sides unmatched between matches: left first", "a x b", "a y b", []string{"0/0", "1/_", "_/1", "2/2"}},
		{"unkeyed never match", "- -", "- -", []string{"0/_", "1/_", "_/0", "_/1"}},
		{"crossed keys: most matches win, the rest are elsewhere", "a b c", "c a b", []string{"_/0*", "0/1", "1/2", "2/_*"}},
		{"trailing right", "a", "a z", []string{"0/0", "_/1"}},
		{"leading left", "z a", "a", []string{"0/_", "1/0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(Align(claims(tt.left), claims(tt.right)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Align(%q, %q) = %v, want %v", tt.left, tt.right, got, tt.want)
			}
		})
	}
}

func TestAlignRelations(t *testing.T) {
	ps := Align(claims("a b:c x:o"), claims("a:a b"))
	want := []dossier.Relation{dossier.RelAgree, dossier.RelContradict, dossier.RelOneSided}
	for i, p := range ps {
		if p.Rel != want[i] {
			t.Errorf("row %d: relation %v, want %v", i, p.Rel, want[i])
		}
	}
}

// TestAlignKeepsEveryClaimOnce checks the invariants on a larger input: every
// claim appears exactly once, in order on each side, and matched rows share
// a key.
func TestAlignKeepsEveryClaimOnce(t *testing.T) {
	left := claims("a b - c d e - f g h")
	right := claims("b a c - e d x h g")
	ps := Align(left, right)
	last := [2]int{-1, -1}
	seen := [2]int{}
	for _, p := range ps {
		for side, idx := range [2]int{p.Left, p.Right} {
			if idx < 0 {
				continue
			}
			if idx != last[side]+1 {
				t.Fatalf("side %d out of order: %v", side, rows(ps))
			}
			last[side] = idx
			seen[side]++
		}
		if p.Left >= 0 && p.Right >= 0 && left[p.Left].Key != right[p.Right].Key {
			t.Errorf("row pairs different keys %q and %q", left[p.Left].Key, right[p.Right].Key)
		}
	}
	if seen != [2]int{len(left), len(right)} {
		t.Errorf("saw %v claims, want %d and %d", seen, len(left), len(right))
	}
}
