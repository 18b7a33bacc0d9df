package server

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	cases := map[string]string{
		"alice":                        "alice",
		"a\x1b[2Jb":                    "a[2Jb",
		"tab\there\nnl\rcr\x00nul\x07": "tab here nl crnul",
		"del\x7f":                      "del",
		"c1\u009b31m\u0085":            "c131m",
		"bad\xffutf8":                  "bad\uFFFDutf8",
		"Zoë 日本":                       "Zoë 日本",
		"\x1b]52;c;aGk=\x07":           "]52;c;aGk=",
	}
	for in, want := range cases {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("x", 1000)
	if got := clean(long); got != strings.Repeat("x", maxNameRunes)+"…" {
		t.Errorf("clean(1000 x) = %q", got)
	}
}
