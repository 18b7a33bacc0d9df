package hostile

import "testing"

// The checkers must see every injected sequence, or the tests built on
// them could not fail.
func TestCheckersSeeEveryInjection(t *testing.T) {
	pieces := map[string]string{
		"erase screen": "text\x1b[2J", "clipboard": "\x1b]52;c;SU5KRUNURUQ=\x07", "title": "\x1b]0;PWNED\x07",
		"title ST": "\x1b]2;x\x1b]0;y\x07", "link": "\x1b]8;;https://evil.example/\x1b\\t\x1b]8;;\x1b\\", "BEL": "a\x07b",
		"DEL": "a\x7fb", "C1": "a\u009b31mb", "raw C1 byte": "a\x9bb", "invalid UTF-8": "a\xffb", "DCS": "\x1bPq#0\x1b\\",
		"APC": "\x1b_Gf=100\x1b\\", "NUL": "a\x00b", "title with BEL inside": "\x1b]2;a\u0085b\x07",
	}
	for name, s := range pieces {
		if nonSGR(s) == "" {
			t.Errorf("nonSGR misses %s", name)
		}
		if streamViolation(s) == "" {
			t.Errorf("streamViolation misses %s", name)
		}
	}
	if nonSGR(payload) == "" || streamViolation(payload) == "" || firstControl(payload) == "" {
		t.Error("a checker misses the payload")
	}
	// What the renderer itself writes passes.
	clean := "\x1b[?1049h\x1b[H\x1b[2J\x1b]2;dossier · a [2J title\x07\x1b]11;?\x07\x1b[38;2;1;2;3mhi\x1b[m\r\n\x1b[3;4H\x1b[K\b"
	if bad := streamViolation(clean); bad != "" {
		t.Errorf("streamViolation refuses the renderer's own %q", bad)
	}
	if bad := nonSGR("\x1b[1;38;5;39mhi\x1b[m\nthere"); bad != "" {
		t.Errorf("nonSGR refuses SGR: %q", bad)
	}
}
