package cli

import (
	"os"
	"strings"
	"testing"
)

// TestManPage checks the page fang generates: roff, with every command of
// this program in it. fang writes it to os.Stdout itself, so the test
// points os.Stdout at a file for the while.
func TestManPage(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "man")
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	code, _, errOut := run(t, "man")
	os.Stdout = stdout
	b, _ := os.ReadFile(f.Name())
	out := string(b)
	if code != 0 || !strings.HasPrefix(out, ".TH DOSSIER 1 ") {
		t.Fatalf("code %d, %.60q %s", code, out, errOut)
	}
	for _, want := range []string{".SH COMMANDS", `\fBnew\fP`, `\fBexport\fP`, `\fBconfig\fP`, `\fBcheck\fP`, "--briefing"} {
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
