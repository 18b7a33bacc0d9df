package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportHTMLFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "brief.html")
	code, stdout, errOut := run(t, "export", "--briefing", "ten-minute", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "<!DOCTYPE html>") || !strings.Contains(string(b), "The ten-minute brief") {
		t.Errorf("not the handout: %.80q", b)
	}
	if !strings.Contains(errOut, "wrote "+out) {
		t.Errorf("stderr %q", errOut)
	}
}

func TestExportMarkdownByExtension(t *testing.T) {
	out := filepath.Join(t.TempDir(), "brief.md")
	if code, _, errOut := run(t, "export", example, "-o", out); code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), "# The five-minute brief\n") || !strings.Contains(string(b), "| | Upstream | Downstream |") {
		t.Errorf("not the Markdown handout:\n%.300s", b)
	}
	code, stdout, _ := run(t, "export", example, "--format", "md")
	if code != 0 || stdout != string(b) {
		t.Errorf("--format md to stdout differs from -o brief.md (code %d)", code)
	}
}

func TestExportErrors(t *testing.T) {
	code, _, errOut := run(t, "export", example, "--briefing", "nope")
	if code != 1 || !strings.Contains(errOut, "five-minute") {
		t.Errorf("unknown briefing: code %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "export", example, "--format", "pdf")
	if code != 1 || !strings.Contains(errOut, "pdf") {
		t.Errorf("bad format: code %d, %q", code, errOut)
	}
	code, stdout, errOut := run(t, "export", mistake)
	if code != 1 || stdout != "" || !strings.Contains(errOut, "9 errors") {
		t.Errorf("broken dossier: code %d, stdout %d bytes, %q", code, len(stdout), errOut)
	}
}

// TestExportRefusesOtherExtensions: -o x.pdf was written as HTML and
// exited 0; an extension export cannot write, or one that contradicts
// --format, is refused and nothing is written.
func TestExportRefusesOtherExtensions(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", filepath.Join(dir, "x.pdf")}, "not .pdf; for a PDF, open the HTML handout in a browser"},
		{[]string{"-o", filepath.Join(dir, "x.docx")}, "writes HTML (.html) or Markdown (.md), not .docx"},
		{[]string{"--format", "md", "-o", filepath.Join(dir, "x.html")}, "--format md but -o"},
	} {
		code, stdout, errOut := run(t, append([]string{"export", example}, tc.args...)...)
		if code != 1 || stdout != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, stdout %q, stderr %q; want a refusal saying %q", tc.args, code, stdout, errOut, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused export wrote %v", entries)
	}
	for _, name := range []string{"x.HTML", "x.htm", "x.markdown", "x"} {
		if code, _, errOut := run(t, "export", example, "-o", filepath.Join(dir, name)); code != 0 {
			t.Errorf("-o %s: code %d, %s", name, code, errOut)
		}
	}
}
