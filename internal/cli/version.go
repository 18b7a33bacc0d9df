package cli

import (
	"runtime/debug"
)

// Version returns what `dossier --version` prints after "dossier version":
// the version stamped at build time (-ldflags "-X main.version=…", as the
// release build does); else the module version a `go install …@version`
// records; else the VCS revision a build from a clone records, with its
// date and "modified" when the tree had changes; else "unknown (built from
// source)" (a build with -buildvcs=false outside a module download).
func Version(stamped string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return version(stamped, info)
}

func version(stamped string, info *debug.BuildInfo) string {
	if stamped != "" {
		return stamped
	}
	if info == nil {
		return "unknown (built from source)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		if rev != "" && !containsRev(v, rev) {
			return v + " (" + rev + ")"
		}
		return v
	}
	if rev == "" {
		return "unknown (built from source)"
	}
	v := "devel " + rev
	if t := settings["vcs.time"]; len(t) >= len("2006-01-02") {
		v += " " + t[:len("2006-01-02")]
	}
	if settings["vcs.modified"] == "true" {
		v += " modified"
	}
	return v
}

// containsRev reports whether a pseudo-version (v0.0.0-20261202…-abcdef123456)
// already names the revision.
func containsRev(v, rev string) bool {
	return len(v) >= 12 && len(rev) >= 12 && v[len(v)-12:] == rev[:12]
}
