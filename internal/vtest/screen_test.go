package vtest

import "testing"

func TestScreen(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"print and wrap", "abcdef", []string{"abcd", "ef", ""}},
		{"cup and erase", "hello\x1b[1;2Hxy\x1b[K", []string{"hxy", "o", ""}},
		{"cr lf", "ab\r\ncd", []string{"ab", "cd", ""}},
		{"scroll at bottom", "1\r\n2\r\n3\r\n4", []string{"2", "3", "4"}},
		{"ech and cuf", "abcd\x1b[1;1H\x1b[2X\x1b[3Cz", []string{"  cz", "", ""}},
		{"split sequence", "a\x1b[2;2", []string{"a", "", ""}},
		{"ich dch", "abcd\x1b[1;2H\x1b[1@Z\x1b[1;4H\x1b[1P", []string{"aZb", "", ""}},
		{"insert and delete line", "1\r\n2\r\n3\x1b[2;1H\x1b[1L", []string{"1", "", "2"}},
		{"rep", "x\x1b[2b", []string{"xxx", "", ""}},
		{"ignores colours and osc", "\x1b[31mr\x1b[0m\x1b]0;title\x07g", []string{"rg", "", ""}},
		{"wide rune", "日本x", []string{"日本", "x", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New(4, 3)
			_, _ = s.Write([]byte(c.in))
			got := s.Lines()
			for i := range c.want {
				if got[i] != c.want[i] {
					t.Fatalf("row %d = %q, want %q (screen %q)", i, got[i], c.want[i], got)
				}
			}
		})
	}
	s := New(4, 3)
	_, _ = s.Write([]byte("a\x1b[2;"))
	_, _ = s.Write([]byte("2Hb"))
	if got := s.Lines(); got[1] != " b" {
		t.Fatalf("a sequence split across writes: %q", got)
	}
}
