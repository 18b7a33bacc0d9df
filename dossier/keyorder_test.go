package dossier

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestIncreasing(t *testing.T) {
	for _, c := range []struct {
		seq  []int
		want string
	}{
		{nil, ""},
		{[]int{0, 1, 2}, "111"},
		{[]int{1, 0}, "01"},
		{[]int{0, 3, 1, 2}, "1011"},
		{[]int{2, 0, 1, 3}, "0111"},
	} {
		var b strings.Builder
		for _, k := range increasing(c.seq) {
			if k {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		}
		if b.String() != c.want {
			t.Errorf("increasing(%v) = %s, want %s", c.seq, b.String(), c.want)
		}
	}
}

func TestCrossingKeysWarn(t *testing.T) {
	fsys := fstest.MapFS{
		"dossier.md":  {Data: []byte("---\nid: x\ntitle: X\naccounts:\n  - {id: a, name: A}\n  - {id: b, name: B}\n---\n")},
		"sources.md":  {Data: []byte("---\nsources:\n  - {id: s, outlet: S, origin: O, reliability: B, basis: b}\n---\n")},
		"topics/t.md": {Data: []byte("---\nid: t\ntitle: T\n---\n\n## A\n\n- one [@s] {#k1}\n- two [@s] {#k2}\n\n## B\n\n- two [@s] {#k2}\n- one [@s] {#k1}\n")},
	}
	_, probs := Load(fsys)
	var got []string
	for _, p := range probs {
		if strings.Contains(p.Msg, "out of order") {
			got = append(got, p.String())
		}
	}
	want := `topics/t.md:13:13: warning: alignment key 'k2' is out of order between accounts 'a' and 'b', so the two versions cannot be shown side by side (put the claims in the same order in both sections)`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q\nall: %v", got, want, probs)
	}
}
