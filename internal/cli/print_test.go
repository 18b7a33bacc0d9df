package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// TestPrintTopics is the check: print --topic <each topic>
// --accounts pk,af --width 100 gives aligned columns, every line at most
// 100 cells, no escape byte.
func TestPrintTopics(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs.Err())
	}
	for _, topic := range d.Topics {
		code, out, errOut := run(t, "print", "--topic", topic.ID, "--accounts", "pk,af", "--width", "100")
		if code != 0 {
			t.Fatalf("%s: code %d: %s", topic.ID, code, errOut)
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Errorf("%s: the output holds an escape byte", topic.ID)
		}
		marks := 0
		for i, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > 100 {
				t.Errorf("%s: line %d is %d cells: %q", topic.ID, i+1, w, l)
			}
			if r := []rune(l); len(r) > 49 && strings.ContainsRune("=≠◂▸·", r[49]) && r[48] == ' ' && r[50] == ' ' {
				marks++
			}
		}
		// A topic where one of the two accounts is silent has no row between
		// them to mark: that is a finding of the dossier, not a fault.
		_, pk := topic.Section("pk")
		_, af := topic.Section("af")
		if marks == 0 && pk && af {
			t.Errorf("%s: no aligned row (no relation mark between the columns):\n%s", topic.ID, out)
		}
		if !strings.Contains(out, "Pakistani") || !strings.Contains(out, "Afghan") {
			t.Errorf("%s: the accounts are not named", topic.ID)
		}
	}
}

// TestRootPrintsWhenPiped checks that dossier with no subcommand, its
// stdout not a terminal, prints (every topic) instead of starting the
// reader.
func TestRootPrintsWhenPiped(t *testing.T) {
	code, out, errOut := run(t, example)
	if code != 0 {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, want := range []string{"The Geneva water talks", "Dry-season flows", "The technical committee", "Upstream", "Downstream"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for i, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line %d wider than 80: %q", i+1, l)
		}
	}
}

func TestPrintViewsAndErrors(t *testing.T) {
	for _, v := range []string{"days", "delegations", "demands", "sources", "discrepancies"} {
		code, out, errOut := run(t, "print", example, "--view", v, "--width", "60")
		if code != 0 || out == "" {
			t.Errorf("--view %s: code %d, %s", v, code, errOut)
		}
	}
	code, out, _ := run(t, "print", example, "--day", "2031-03-03", "--color", "always")
	if code != 0 || !strings.Contains(out, "\x1b[") {
		t.Errorf("--color always: code %d, no colour in %q", code, out)
	}
	for _, args := range [][]string{
		{"print", example, "--view", "nope"}, {"print", example, "--topic", "nope"}, {"print", example, "--accounts", "up"},
		{"print", example, "--color", "sometimes"}, {"print", example, "--day", "mar09"},
	} {
		if code, _, _ := run(t, args...); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
}
