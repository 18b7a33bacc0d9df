package notes

import "slices"

// Clone returns a copy of b that shares nothing mutable with it.
func (b *Book) Clone() *Book {
	return &Book{Preamble: b.Preamble, Entries: slices.Clone(b.Entries)}
}

// same reports whether two entries hold the same (the line they were read
// from aside).
func same(a, b *Entry) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, y := *a, *b
	x.Line, y.Line = 0, 0
	return x == y
}

type thing struct {
	k  Kind
	id string
}

func index(b *Book) map[thing]*Entry {
	m := make(map[thing]*Entry, len(b.Entries))
	for i := range b.Entries {
		e := &b.Entries[i]
		m[thing{e.Kind, e.ID}] = e
	}
	return m
}

// Merge is a three-way merge of a book: base is what this reader last read
// or wrote, ours what it holds now, disk what the file holds now (edited by
// hand meanwhile, or by another session of the same user). Per thing, our
// change wins where we made one (an entry added, changed or removed since
// base); everywhere else the file's version stays, so that a save never
// drops what someone else wrote meanwhile. The preamble is ours when we
// changed it, else the file's. Entries keep the file's order, ours new
// ones after.
func Merge(base, ours, disk *Book) *Book {
	bi, oi, di := index(base), index(ours), index(disk)
	out := &Book{Preamble: disk.Preamble}
	if ours.Preamble != base.Preamble {
		out.Preamble = ours.Preamble
	}
	pick := func(t thing) *Entry {
		if o, b := oi[t], bi[t]; !same(o, b) {
			return o // our change, or our removal (nil)
		}
		return di[t]
	}
	done := map[thing]bool{}
	for _, e := range disk.Entries {
		t := thing{e.Kind, e.ID}
		done[t] = true
		if x := pick(t); x != nil {
			out.Entries = append(out.Entries, *x)
		}
	}
	for _, e := range ours.Entries {
		t := thing{e.Kind, e.ID}
		if done[t] {
			continue
		}
		done[t] = true
		if x := pick(t); x != nil {
			out.Entries = append(out.Entries, *x)
		}
	}
	return out
}
