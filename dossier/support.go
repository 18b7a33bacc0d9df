package dossier

import (
	"slices"
	"sync"
)

// supportCache holds how many claims each source supports, computed once
// on first use: the sources view asks for every source, and counting one
// source at a time walked every claim and every via chain each time (a
// dossier of 33,000 sources froze the reader).
type supportCache struct {
	once   sync.Once
	counts []int // by index in Sources
}

// supportCounts returns, for each source, how many claims it supports
// (Supports): claims citing it or a source known through it, each claim
// once. Via links form a forest (Load refuses cycles; a cycle here ends
// the walk): a claim counts for every ancestor of the sources it cites. It
// adds 1 at each cited source and takes 1 away at the lowest common
// ancestor of each two neighbours in depth-first order, so that summing
// over a subtree counts each claim once: O((sources + citations) log
// sources).
func (d *Dossier) supportCounts() []int {
	n := len(d.Sources)
	parent := make([]int, n)
	children := make([][]int, n)
	var roots []int
	for i := range d.Sources {
		parent[i] = -1
		if v := d.Sources[i].Via; v != "" {
			if p, ok := d.lookup("source", v); ok && p != i {
				parent[i] = p
			}
		}
	}
	// a cycle (only in a dossier Load refused) has no root: cut it
	state := make([]uint8, n)
	for i := range n {
		var path []int
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			j = parent[j]
		}
		if j >= 0 && state[j] == 1 {
			parent[j] = -1
		}
		for _, k := range path {
			state[k] = 2
		}
	}
	for i := range n {
		if parent[i] < 0 {
			roots = append(roots, i)
		} else {
			children[parent[i]] = append(children[parent[i]], i)
		}
	}
	// depth-first order, depths and ancestors by powers of two
	tin := make([]int, n)
	depth := make([]int, n)
	root := make([]int, n)
	order := make([]int, 0, n)
	for _, r := range roots {
		stack := []int{r}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			tin[v] = len(order)
			order = append(order, v)
			if p := parent[v]; p >= 0 {
				depth[v], root[v] = depth[p]+1, root[p]
			} else {
				root[v] = v
			}
			stack = append(stack, children[v]...)
		}
	}
	levels := 1
	for 1<<levels <= n {
		levels++
	}
	up := make([][]int, levels)
	up[0] = make([]int, n)
	for i := range n {
		up[0][i] = max(parent[i], -1)
		if up[0][i] < 0 {
			up[0][i] = i
		}
	}
	for k := 1; k < levels; k++ {
		up[k] = make([]int, n)
		for i := range n {
			up[k][i] = up[k-1][up[k-1][i]]
		}
	}
	lca := func(a, b int) int {
		if depth[a] < depth[b] {
			a, b = b, a
		}
		for k := levels - 1; k >= 0; k-- {
			if depth[a]-(1<<k) >= depth[b] {
				a = up[k][a]
			}
		}
		if a == b {
			return a
		}
		for k := levels - 1; k >= 0; k-- {
			if up[k][a] != up[k][b] {
				a, b = up[k][a], up[k][b]
			}
		}
		return up[0][a]
	}
	add := make([]int, n)
	var cited []int
	for _, t := range d.Topics {
		for _, s := range t.Sections {
			for _, c := range s.Claims {
				cited = cited[:0]
				for _, id := range c.Sources {
					if i, ok := d.lookup("source", id); ok {
						cited = append(cited, i)
					}
				}
				slices.SortFunc(cited, func(a, b int) int { return tin[a] - tin[b] })
				cited = slices.Compact(cited)
				for k, v := range cited {
					add[v]++
					if k > 0 && root[cited[k-1]] == root[v] {
						add[lca(cited[k-1], v)]--
					}
				}
			}
		}
	}
	// sum each subtree: children come after their parent in order
	for k := len(order) - 1; k >= 0; k-- {
		if v := order[k]; parent[v] >= 0 {
			add[parent[v]] += add[v]
		}
	}
	return add
}
