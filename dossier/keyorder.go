package dossier

import "sort"

// checkKeyOrder warns when two accounts of a topic use the same alignment
// keys in a different order. The reader lays claims side by side in an
// order that keeps both accounts' own order, so crossing keys cannot all be
// aligned: some pair would be shown apart, which the author did not mean.
//
// Keys are unique per account (a duplicate is an error of its own), so the
// keys two sections share form a permutation; the largest set that can be
// aligned is a longest increasing subsequence, found in O(n log n) whatever
// the section's size.
func (l *loader) checkKeyOrder() {
	type keyed struct {
		key string
		pos Pos
	}
	// keys[topic][section] lists that section's keyed claims in file order.
	keys := map[int]map[int][]keyed{}
	for i := range l.claims {
		m := &l.claims[i]
		c := l.claim(m)
		if c.Key == "" {
			continue
		}
		if keys[m.topic] == nil {
			keys[m.topic] = map[int][]keyed{}
		}
		keys[m.topic][m.section] = append(keys[m.topic][m.section], keyed{c.Key, m.keyPos})
	}
	topics := make([]int, 0, len(keys))
	for t := range keys {
		topics = append(topics, t)
	}
	sort.Ints(topics)
	for _, t := range topics {
		secs := l.d.Topics[t].Sections
		for a := 0; a < len(secs); a++ {
			for b := a + 1; b < len(secs); b++ {
				left, right := keys[t][a], keys[t][b]
				if len(left) == 0 || len(right) == 0 {
					continue
				}
				at := make(map[string]int, len(left))
				for i, k := range left {
					if _, dup := at[k.key]; !dup {
						at[k.key] = i
					}
				}
				var shared []keyed // right's keys also in left, in right's order
				var seq []int      // their positions in left
				seen := map[string]bool{}
				for _, k := range right {
					if i, ok := at[k.key]; ok && !seen[k.key] {
						seen[k.key] = true
						shared = append(shared, k)
						seq = append(seq, i)
					}
				}
				keep := increasing(seq)
				for i, k := range shared {
					if !keep[i] {
						l.warnf(k.pos, "put the claims in the same order in both sections",
							"alignment key %s is out of order between accounts %s and %s, so the two versions cannot be shown side by side",
							quote(k.key), quote(secs[a].Account), quote(secs[b].Account))
					}
				}
			}
		}
	}
}

// increasing marks the elements of one longest strictly increasing
// subsequence of seq.
func increasing(seq []int) []bool {
	tails := []int{}              // tails[k]: index in seq of the smallest tail of a run of length k+1
	prev := make([]int, len(seq)) // predecessor of seq[i] in its run, -1 for none
	for i, v := range seq {
		k := sort.Search(len(tails), func(j int) bool { return seq[tails[j]] >= v })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	keep := make([]bool, len(seq))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}
