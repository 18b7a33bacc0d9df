package render

import "github.com/dossier-dev/dossier/dossier"

// Pair is a row of the aligned layout: the index of the left and right
// claim it holds (-1 when that side has none), and how they relate.
type Pair struct {
	Left, Right int
	// Key is the alignment key the two claims share, or the key of the one
	// claim present ("" for a claim without a key).
	Key string
	// Rel is the relation shown in the gutter: the group's relation for a
	// matched pair, RelOneSided for a claim with no counterpart.
	Rel dossier.Relation
	// Elsewhere is set on a one-sided row whose key does have a
	// counterpart on the other side, but out of order, so it could not be
	// laid level with it.
	Elsewhere bool
}

// Align merges two accounts' claims into rows. Claims with the same
// non-empty key are put in one row; the order of each side is kept; among
// the orders possible the one with the most matched rows is chosen (a
// longest common subsequence on keys). A claim with no counterpart gets a
// row of its own, left-side ones before right-side ones between two
// matched rows. Align is pure: it reads only keys and relations.
func Align(left, right []dossier.Claim) []Pair {
	n, m := len(left), len(right)
	// lcs[i][j] is the length of the LCS of left[i:] and right[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case left[i].Key != "" && left[i].Key == right[j].Key:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	leftKeys := keySet(left)
	rightKeys := keySet(right)
	oneSided := func(c dossier.Claim, idx int, isLeft bool) Pair {
		p := Pair{Left: -1, Right: -1, Key: c.Key, Rel: dossier.RelOneSided}
		other := rightKeys
		if isLeft {
			p.Left = idx
		} else {
			p.Right = idx
			other = leftKeys
		}
		p.Elsewhere = c.Key != "" && other[c.Key]
		return p
	}
	rows := make([]Pair, 0, n+m)
	var pendingRight []Pair
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && left[i].Key != "" && left[i].Key == right[j].Key:
			rows = append(rows, pendingRight...)
			pendingRight = pendingRight[:0]
			rel := left[i].Relation
			if rel == dossier.RelNone || rel == dossier.RelOneSided {
				rel = right[j].Relation
			}
			if rel == dossier.RelOneSided {
				rel = dossier.RelNone
			}
			rows = append(rows, Pair{Left: i, Right: j, Key: left[i].Key, Rel: rel})
			i++
			j++
		case j >= m || i < n && lcs[i+1][j] >= lcs[i][j+1]:
			rows = append(rows, oneSided(left[i], i, true))
			i++
		default:
			pendingRight = append(pendingRight, oneSided(right[j], j, false))
			j++
		}
	}
	return append(rows, pendingRight...)
}

func keySet(cs []dossier.Claim) map[string]bool {
	set := make(map[string]bool, len(cs))
	for _, c := range cs {
		if c.Key != "" {
			set[c.Key] = true
		}
	}
	return set
}
