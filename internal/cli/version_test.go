package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersion(t *testing.T) {
	vcs := func(rev, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: time}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "c8aa2e9296817651f179e08f3c812bd44f4821b7"
	for _, tc := range []struct {
		name, stamped string
		info          *debug.BuildInfo
		want          string
	}{
		{"stamped", "v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "v9"}}, "v1.2.0"},
		{"go install @version", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"}}, "v1.3.0"},
		{"go install @commit", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202162933-c8aa2e929681"}, Settings: vcs(rev, "", "")},
			"v0.0.0-20261202162933-c8aa2e929681"},
		{"clone", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-12-02T16:29:33Z", "false")},
			"devel c8aa2e929681 2026-12-02"},
		{"clone with changes", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "2026-12-02T16:29:33Z", "true")},
			"devel c8aa2e929681 2026-12-02 modified"},
		{"no vcs", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "unknown (built from source)"},
		{"no build info", "", nil, "unknown (built from source)"},
	} {
		if got := version(tc.stamped, tc.info); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
