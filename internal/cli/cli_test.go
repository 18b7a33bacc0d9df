package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	example = "../../docs/example/water-talks"
	mistake = "../../dossier/testdata/ten-mistakes"
)

// run executes the command line in-process and returns the exit code and
// what it wrote.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(context.Background(), "v9.9.9-test", args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckExample(t *testing.T) {
	code, out, errOut := run(t, "check", example)
	if code != 0 || out != "" {
		t.Fatalf("code %d, stdout %q; want 0 and nothing", code, out)
	}
	if !strings.Contains(errOut, "0 errors, 0 warnings") {
		t.Errorf("stderr %q lacks the summary", errOut)
	}
}

func TestCheckEmbedded(t *testing.T) {
	code, out, _ := run(t, "check")
	if code != 0 {
		t.Fatalf("check on the embedded dossier: code %d\n%s", code, out)
	}
}

func TestCheckTenMistakes(t *testing.T) {
	code, out, _ := run(t, "check", mistake)
	if code != 1 {
		t.Errorf("code = %d, want 1", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 10 {
		t.Fatalf("got %d lines, want 10:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, mistake+"/") {
			t.Errorf("line %q does not start with the dossier path", l)
		}
		if strings.ContainsRune(l, 0x1b) {
			t.Errorf("line %q holds an escape character", l)
		}
	}
	if !strings.Contains(out, mistake+"/topics/01-flows.md:11:29: error: unknown source 'gazete-0303' (did you mean 'gazette-0303'?)\n") {
		t.Errorf("missing the unknown-source line:\n%s", out)
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := run(t, "check", "--json", mistake)
	if code != 1 {
		t.Errorf("code = %d, want 1", code)
	}
	var list []jsonProblem
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(list) != 10 {
		t.Fatalf("got %d problems, want 10", len(list))
	}
	p := list[0]
	if p.File != mistake+"/days.md" || p.Line != 33 || p.Col != 5 || p.Severity != "error" || p.Hint != "list days in date order" {
		t.Errorf("first problem = %+v", p)
	}
	// every field the docs list is in every object, hint "" when none
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	noHint := 0
	for i, o := range raw {
		for _, f := range []string{"file", "line", "col", "severity", "message", "hint"} {
			if _, ok := o[f]; !ok {
				t.Errorf("problem %d has no %q: %v", i, f, o)
			}
		}
		if o["hint"] == "" {
			noHint++
		}
	}
	if noHint == 0 {
		t.Error("no problem without a hint: the case of an empty hint is not tested")
	}
}

func TestCheckMissingFolder(t *testing.T) {
	code, _, errOut := run(t, "check", filepath.Join(t.TempDir(), "nope"))
	if code != 1 || !strings.Contains(errOut, "open dossier folder") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestOutlineExample(t *testing.T) {
	code, out, _ := run(t, "outline", example)
	if code != 0 {
		t.Fatalf("code %d", code)
	}
	for _, want := range []string{
		"The Geneva water talks, March 2031\n",
		"Parties:   Upstream Republic (up), Downstream Federation (down)\n",
		"  up    Upstream     Upstream Republic      3 claims\n",
		"  flows      6 claims  Dry-season flows (up 2, down 2, med 1, ind 1)\n",
		"  2031-03-03  mar03  talks   Day 2   1 event, hours 9h ≠ 11h\n",
		"  radio-down    C  2031-03-03  Radio Downstream  via wire-0304  Downstream state media\n",
		"Counts: 4 sources, 8 claims, 2 topics, 5 days, 2 demands, 3 delegations (4 members), 1 discrepancy, 1 briefing (3 stops).\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("outline lacks %q\n%s", want, out)
		}
	}
}

func TestOutlineRefusesBrokenDossier(t *testing.T) {
	code, out, errOut := run(t, "outline", mistake)
	if code != 1 || out != "" {
		t.Errorf("code %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "9 errors") {
		t.Errorf("stderr %q does not count the errors", errOut)
	}
}

func TestOutlineSanitises(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("dossier.md", "---\nid: x\ntitle: \"Evil \x1b]0;pwned\x07 title\u009b\"\naccounts: [{id: a, name: A}, {id: b, name: B}]\n---\n")
	code, out, errOut := run(t, "outline", dir)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	if strings.ContainsAny(out, "\x1b\x07\u009b") {
		t.Errorf("control characters reached the output: %q", out)
	}
	if !strings.HasPrefix(out, "Evil ]0;pwned title\n") {
		t.Errorf("title line = %q", strings.SplitN(out, "\n", 2)[0])
	}
}

func TestRootPrintsOutlineOfEmbedded(t *testing.T) {
	code, out, _ := run(t)
	if code != 0 || !strings.HasPrefix(out, "Pakistan–Afghanistan talks") {
		t.Errorf("code %d, out %q", code, out)
	}
}

func TestVersionAndArgs(t *testing.T) {
	code, out, _ := run(t, "--version")
	if code != 0 || !strings.Contains(out, "v9.9.9-test") {
		t.Errorf("--version: code %d, out %q", code, out)
	}
	code, out, _ = run(t, "completion", "bash")
	if code != 0 || !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash: code %d, %d bytes", code, len(out))
	}
	if code, _, _ := run(t, "check", "a", "b"); code == 0 {
		t.Error("check with two paths succeeded")
	}
}

// The format reference ships in the binary: `dossier help format` prints
// docs/format.md, which the files written by `dossier new` point to.
func TestHelpFormat(t *testing.T) {
	code, out, _ := run(t, "help", "format")
	if code != 0 || !strings.HasPrefix(out, "# The dossier format") || !strings.Contains(out, "status: disputed") {
		t.Errorf("code %d, output starts %q", code, out[:min(len(out), 80)])
	}
	if code, _, _ := run(t, "help", "nope"); code == 0 {
		t.Error("help on an unknown topic exits 0")
	}
}
