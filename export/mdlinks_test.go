package export

import "testing"

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
