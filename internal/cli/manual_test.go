package cli

import (
	"strings"
	"testing"
)

// TestManPage checks the man page (manual.go): roff, with every command of
// this program in it, short flags spelt -b, the defaults of serve's flags,
// and the KEYS, FILES, ENVIRONMENT and EXIT STATUS sections.
func TestManPage(t *testing.T) {
	code, out, errOut := run(t, "man")
	if code != 0 || !strings.HasPrefix(out, ".TH DOSSIER 1 ") {
		t.Fatalf("code %d, %.60q %s", code, out, errOut)
	}
	if strings.Contains(out, "--b ") || strings.Contains(out, "--o ") {
		t.Error("the man page spells a short flag with two dashes")
	}
	for _, want := range []string{".SH COMMANDS", `\fBnew\fP`, `\fBexport\fP`, `\fBconfig\fP`, `\fBcheck\fP`,
		`\fB-b, --briefing\fP`, `\fB-o, --output\fP`, "(default: 30m0s)", ".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS",
		"next-topic: ]", `config\&.yaml`, "NO_COLOR"} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "# bash completion V2 for dossier", "zsh": "#compdef dossier", "fish": "# fish completion for dossier",
	} {
		code, out, _ := run(t, "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: code %d, %.60q", shell, code, out)
		}
	}
}

// TestCompletions drives cobra's hidden __complete command, which the
// shell scripts call.
func TestCompletions(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "ex"}, []string{"export\t"}},
		{[]string{"__complete", "export", "--format", ""}, []string{"html\n", "md\n"}},
		{[]string{"__complete", "export", "--briefing", ""}, []string{"ten-minute\tThe ten-minute brief"}},
		{[]string{"__complete", "export", example, "--briefing", ""}, []string{"five-minute\tThe five-minute brief"}},
		{[]string{"__complete", "new", "x", "--p"}, []string{"--parties\t"}},
		{[]string{"__complete", "config", "--"}, []string{"--init\t", "--mouse\t"}},
	}
	for _, tt := range tests {
		code, out, _ := run(t, tt.args...)
		if code != 0 {
			t.Errorf("%v: code %d", tt.args, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: missing %q in\n%s", tt.args, w, out)
			}
		}
	}
}

// TestCompletionValues: the shells are offered values, not files, for
// --style, print's --view, --topic and --day, and only folders for a
// dossier PATH.
func TestCompletionValues(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
		dirs bool
	}{
		{[]string{"__complete", "--style", ""}, []string{"auto\n", "dark\n", "light\n", "notty\n"}, false},
		{[]string{"__complete", "present", "--style", ""}, []string{"notty\n"}, false},
		{[]string{"__complete", "print", "--view", ""}, []string{"demands\n", "discrepancies\n"}, false},
		{[]string{"__complete", "print", "--topic", ""}, []string{"sanctuaries\t"}, false},
		{[]string{"__complete", "print", example, "--topic", ""}, []string{"flows\t"}, false},
		{[]string{"__complete", "print", "--day", ""}, []string{"oct26\t2025-10-26"}, false},
		{[]string{"__complete", "check", ""}, nil, true},
		{[]string{"__complete", "outline", ""}, nil, true},
	} {
		code, out, _ := run(t, tc.args...)
		if code != 0 {
			t.Errorf("%v: code %d", tc.args, code)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: missing %q in\n%s", tc.args, w, out)
			}
		}
		// cobra ends with the directive: 4 no files, 16 folders only
		directive := out[strings.LastIndex(out, ":"):]
		if want := ":4\n"; !tc.dirs && directive != want || tc.dirs && directive != ":16\n" {
			t.Errorf("%v: directive %q", tc.args, directive)
		}
	}
}
