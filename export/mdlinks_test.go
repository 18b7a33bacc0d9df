package export

import (
	"strings"
	"testing"
)

func TestSafeLinks(t *testing.T) {
	for in, want := range map[string]string{
		"[a](javascript:alert(1))":             "[a](#)",
		"[a]( JavaScript:alert(1) 'x')":        "[a]( # 'x')",
		"[a](java&#115;cript&#58;x)":           "[a](#)",
		"[a](vbscript:x) and [b](data:text/x)": "[a](#) and [b](#)",
		"[a](file:///etc/passwd)":              "[a](#)",
		"[a](java\\script:x)":                  "[a](#)",
		"[a][r]\n\n[r]: javascript:x":          "[a][r]\n\n[r]: #",
		"  [r]:\n  data:x":                     "  [r]:\n  #",
		"[ok](https://example.org/a_(b))":      "[ok](https://example.org/a_(b))",
		"data: the figures [x] (see above)":    "data: the figures [x] (see above)",
		"a [b]: javascript: is prose":          "a [b]: javascript: is prose",
	} {
		if got := safeLinks(in); got != want {
			t.Errorf("safeLinks(%q) = %q, want %q", in, got, want)
		}
	}
}

// A bidi override written as a character reference is decoded by the
// Markdown parser: the sanitiser runs again on its output.
func TestHTMLDropsDecodedBidi(t *testing.T) {
	for _, src := range []string{"a &#x202e;b", "a &#8238;b", "a &rlm;b", "a \u202eb"} {
		if got := string(blockHTML(src)); strings.ContainsAny(got, "\u202e\u200f") {
			t.Errorf("blockHTML(%q) = %q", src, got)
		}
		if got := safeMD(mdText(src)); strings.Contains(got, "202e") || strings.Contains(got, "8238") || strings.Contains(got, "rlm") {
			t.Errorf("Markdown of %q = %q", src, got)
		}
	}
}
