package dossier

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The fuzz targets check that no input makes the loader panic, and that what
// it returns keeps its promises: a dossier exactly when there is no error,
// problems sorted, and no control character in any message or claim text.
// Seed corpora live in testdata/fuzz/<Target>/. Run one with e.g.
//
//	go test -run='^$' -fuzz=FuzzLoad -fuzztime=60s ./dossier

// checkResult fails t when a Load result breaks an invariant.
func checkResult(t *testing.T, d *Dossier, probs Problems) {
	t.Helper()
	if (d == nil) != probs.HasErrors() {
		t.Fatalf("dossier nil = %v but errors = %v", d == nil, probs.HasErrors())
	}
	sorted := slices.IsSortedFunc(probs, func(a, b Problem) int {
		if c := strings.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	if !sorted {
		t.Fatalf("problems not sorted: %v", problemStrings(probs))
	}
	for _, p := range probs {
		s := p.String()
		if Sanitize(s) != s {
			t.Fatalf("problem holds control characters: %q", s)
		}
		if strings.Contains(p.Msg, "internal error") {
			t.Fatalf("loader bug: %s", s)
		}
	}
	if d == nil {
		return
	}
	for _, tp := range d.Topics {
		for _, sec := range tp.Sections {
			for _, c := range sec.Claims {
				if Sanitize(c.Text) != c.Text || len(c.Sources) == 0 {
					t.Fatalf("bad claim %+v", c)
				}
			}
		}
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\nid: x\ntitle: y\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		clean, _, ok := cleanFile("f.md", data)
		if !ok {
			return
		}
		fm, line, off, has, _ := splitFrontMatter(clean)
		if off < 0 || off > len(clean) {
			t.Fatalf("body offset %d out of range", off)
		}
		if !has {
			return
		}
		root, probs := parseFrontMatter("f.md", fm, line, newLineTable(clean))
		if root == nil && !probs.HasErrors() {
			t.Fatal("no tree and no error")
		}
		// The whole dossier.md path, including the record decoders.
		d, probs := Load(fstest.MapFS{"dossier.md": {Data: data}})
		checkResult(t, d, probs)
	})
}

func FuzzTopicBody(f *testing.F) {
	f.Add("## Alpha\n\n- A [@s1] {#k .agree}\n\n## Beta\n\n- B [@s2] {#k}\n")
	f.Fuzz(func(t *testing.T, body string) {
		d, probs := Load(mapFS(map[string]string{"topics/t1.md": "---\nid: t1\ntitle: T\n---\n" + body}))
		checkResult(t, d, probs)
	})
}

func FuzzClaimAttrs(f *testing.F) {
	f.Add("#k .contradict cred=2 day=a,b disc=x", "@s1; @s2")
	f.Fuzz(func(t *testing.T, attrs, cites string) {
		items, ok := parseAttrs([]byte(attrs), 0)
		if ok && len(items) == 0 {
			t.Fatal("ok with no items")
		}
		for _, it := range items {
			if it.Off < 0 || it.Off >= len(attrs) {
				t.Fatalf("item offset %d out of range", it.Off)
			}
		}
		md := "## Alpha\n\n- Claim [" + cites + "] {" + attrs + "}\n\n## Beta\n\n- B [@s2] {#k}\n"
		d, probs := Load(mapFS(map[string]string{"topics/t1.md": "---\nid: t1\ntitle: T\n---\n" + md}))
		checkResult(t, d, probs)
	})
}

func FuzzLoad(f *testing.F) {
	f.Add(base["dossier.md"], base["sources.md"], "", base["topics/t1.md"], "")
	f.Fuzz(func(t *testing.T, dossierMD, sourcesMD, daysMD, topicMD, briefingMD string) {
		fsys := fstest.MapFS{}
		for name, s := range map[string]string{
			"dossier.md": dossierMD, "sources.md": sourcesMD, "days.md": daysMD,
			"topics/t.md": topicMD, "briefings/b.md": briefingMD,
		} {
			if s != "" {
				fsys[name] = &fstest.MapFile{Data: []byte(s)}
			}
		}
		d, probs := Load(fsys)
		checkResult(t, d, probs)
	})
}
