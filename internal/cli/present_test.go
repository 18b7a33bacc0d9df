package cli

import (
	"strings"
	"testing"
)

// dossier present refuses an unknown briefing (naming those there are) and
// a standard output that is not a terminal.
func TestPresentRefuses(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"present", "--briefing", "nope"}, `no briefing "nope"; the briefings are ten-minute`},
		{[]string{"present", "../../docs/example/water-talks", "-b", "ten-minute"}, "the briefings are five-minute"},
		{[]string{"present"}, "dossier present needs a terminal"},
		{[]string{"present", "--briefing", "five-minute", "../../docs/example/water-talks"}, "needs a terminal"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code == 0 || !strings.Contains(strings.ToLower(stderr), strings.ToLower(tc.want)) {
			t.Errorf("%v: exit %d, stderr %q; want a failure saying %q", tc.args, code, stderr, tc.want)
		}
	}
}
