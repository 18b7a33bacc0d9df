package cli

import (
	"strings"
	"testing"
)

// TestCheckBuiltIn: with no PATH, check's summary names the built-in
// dossier, not a content/ path a user of the binary does not have.
func TestCheckBuiltIn(t *testing.T) {
	code, _, errOut := run(t, "check")
	if code != 0 || !strings.HasPrefix(errOut, "the built-in dossier: ") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}
