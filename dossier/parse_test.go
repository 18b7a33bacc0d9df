package dossier

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name        string
		src         string
		fm          string
		body        string
		has, closed bool
	}{
		{"none", "# Title\n", "", "", false, false},
		{"plain", "---\na: 1\n---\nbody\n", "a: 1\n", "body\n", true, true},
		{"dots close", "---\na: 1\n...\nbody", "a: 1\n", "body", true, true},
		{"trailing spaces on fences", "---  \na: 1\n---   \nbody", "a: 1\n", "body", true, true},
		{"empty", "---\n---\n", "", "", true, true},
		{"unclosed", "---\na: 1\n", "a: 1\n", "", true, false},
		{"no newline at end", "---\na: 1\n---", "a: 1\n", "", true, true},
		{"only fence", "---", "", "", true, false},
		{"not at top", "\n---\na: 1\n---\n", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, line, off, has, closed := splitFrontMatter([]byte(tt.src))
			if has != tt.has || closed != tt.closed {
				t.Fatalf("has, closed = %v, %v; want %v, %v", has, closed, tt.has, tt.closed)
			}
			if !has {
				return
			}
			if string(fm) != tt.fm || tt.src[off:] != tt.body || line != 2 {
				t.Errorf("fm %q body %q line %d; want %q %q 2", fm, tt.src[off:], line, tt.fm, tt.body)
			}
		})
	}
}

func TestFrontMatterPositions(t *testing.T) {
	src := []byte("---\ntitle: Türkiye\nlist:\n  - {id: ab, name: \"Ça\"}\n  - x\n---\n")
	fm, line, _, _, _ := splitFrontMatter(src)
	root, probs := parseFrontMatter("f.md", fm, line, newLineTable(src))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	if root.kind != yMap || len(root.keys) != 2 {
		t.Fatalf("root = %+v", root)
	}
	if got := root.keys[0].val; got.str != "Türkiye" || got.pos != (Pos{"f.md", 2, 8}) {
		t.Errorf("title = %q at %v", got.str, got.pos)
	}
	items := root.keys[1].val.items
	if len(items) != 2 || items[0].kind != yMap || items[1].str != "x" || items[1].pos != (Pos{"f.md", 5, 5}) {
		t.Fatalf("list = %+v", items)
	}
	name := items[0].keys[1]
	// "  - {id: ab, name: "Ça"}": the key is at byte 14; the value at 20.
	if name.keyPos != (Pos{"f.md", 4, 14}) || name.val.pos.Col != 20 || name.val.str != "Ça" {
		t.Errorf("name key %v, value %q at %v", name.keyPos, name.val.str, name.val.pos)
	}
	// A key after a multi-byte character: the column is in bytes (13), not
	// in runes (12) as the YAML library counts.
	src2 := []byte("---\na: {x: Ça, y: z}\n---\n")
	fm2, l2, _, _, _ := splitFrontMatter(src2)
	r2, _ := parseFrontMatter("g.md", fm2, l2, newLineTable(src2))
	y := r2.keys[0].val.keys[1]
	if y.keyPos != (Pos{"g.md", 2, 13}) {
		t.Errorf("y at %v, want g.md:2:13", y.keyPos)
	}
}

func TestCleanFile(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		out   string
		probs []string
	}{
		{"clean", "abc\n", "abc\n", nil},
		{"tab at start", "\tx", "    x", nil},
		{"tab stops", "a\tb\tc", "a   b   c", nil},
		{"tab after four", "abcd\te", "abcd    e", nil},
		{"tab after multibyte", "é\tx", "é  x", nil}, // é is two bytes: columns count bytes
		{"crlf", "a\r\nb\r\n", "a\nb\n", nil},
		{"lone cr", "a\rb", "ab", []string{"f:1:2: warning: carriage return removed"}},
		{"esc on line 2", "x\n  \x1b[2Jy", "x\n  [2Jy", []string{"f:2:3: warning: escape character (ESC) removed"}},
		{"c1 and del", "\u009bA\x7f", "A", []string{"f:1:1: warning: control character U+009B removed", "f:1:2: warning: delete character (DEL) removed"}},
		{"nul", "a\x00", "a", []string{"f:1:2: warning: NUL character removed"}},
		{"rtl and emoji kept", "שלום 👋\n", "שלום 👋\n", nil},
		{"invalid utf8", "ok\nab\xffc", "", []string{"f:2:3: error: invalid UTF-8 (byte 0xff at offset 5); save the file as UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, probs, ok := cleanFile("f", []byte(tt.in))
			if ok && string(out) != tt.out {
				t.Errorf("out = %q, want %q", out, tt.out)
			}
			if strings.Join(problemStrings(probs), "|") != strings.Join(tt.probs, "|") {
				t.Errorf("problems = %q, want %q", problemStrings(probs), tt.probs)
			}
		})
	}
}

// topicFS is base with one topic body under the Alpha heading.
func topicFS(alpha string) fstest.MapFS {
	return mapFS(map[string]string{"topics/t1.md": "---\nid: t1\ntitle: T\n---\n\n## Alpha\n\n" + alpha + "\n## Beta\n\n- B [@s2] {#k}\n"})
}

func TestClaimParsing(t *testing.T) {
	tests := []struct {
		name    string
		md      string
		text    string
		sources []string
		key     string
		cred    int
		days    []string
	}{
		{"simple", "- Said so. [@s1] {#k}\n", "Said so.", []string{"s1"}, "k", 0, nil},
		{"two cites, comma", "- Said so [@s1, @s2] {#k}\n", "Said so", []string{"s1", "s2"}, "k", 0, nil},
		{"cite mid-sentence", "- As S1 [@s1] reported, yes. [@s2] {#k}\n", "As S1 reported, yes.", []string{"s1", "s2"}, "k", 0, nil},
		{"attrs on next line", "- Long claim\n  over two lines. [@s1]\n  {#k cred=3}\n", "Long claim\nover two lines.", []string{"s1"}, "k", 3, nil},
		{"markdown kept", "- *Very* `code` [link](https://x.org) [@s1] {#k}\n", "*Very* `code` [link](https://x.org)", []string{"s1"}, "k", 0, nil},
		{"sic stays text", "- A {sic} quote [@s1] {#k}\n", "A {sic} quote", []string{"s1"}, "k", 0, nil},
		{"citation in code span stays", "- Write `[@s9]` like this [@s1] {#k}\n", "Write `[@s9]` like this", []string{"s1"}, "k", 0, nil},
		{"nested quote", "- Quoted:\n\n  > never\n\n  [@s1] {#k}\n", "Quoted:\n\n> never", []string{"s1"}, "k", 0, nil},
		{"ordered list", "1. First [@s1] {#k}\n", "First", []string{"s1"}, "k", 0, nil},
		{"days", "- D [@s1] {#k day=x,y}\n", "D", []string{"s1"}, "k", 0, []string{"x", "y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &loader{fsys: topicFS(tt.md), d: &Dossier{}, partyKind: map[string]string{}, broken: map[string]bool{}}
			files := l.readFiles()
			l.parseAll(files)
			tp := l.d.Topics[0]
			if len(tp.Sections) == 0 || len(tp.Sections[0].Claims) != 1 {
				t.Fatalf("sections = %+v; problems %v", tp.Sections, problemStrings(l.probs))
			}
			c := tp.Sections[0].Claims[0]
			if c.Text != tt.text {
				t.Errorf("text = %q, want %q", c.Text, tt.text)
			}
			if strings.Join(c.Sources, ",") != strings.Join(tt.sources, ",") || c.Key != tt.key || c.Cred != tt.cred ||
				strings.Join(c.Days, ",") != strings.Join(tt.days, ",") {
				t.Errorf("claim = %+v", c)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	cands := []string{"dawn-2025-10-27", "tolo-1028", "a", "accepted"}
	tests := []struct{ in, want string }{
		{"dawn-1027", "did you mean 'dawn-2025-10-27'?"},
		{"tolo-1029", "did you mean 'tolo-1028'?"},
		{"acepted", "did you mean 'accepted'?"},
		{"zz", ""},
		{"b", ""},
		{"completely-different", ""},
		{strings.Repeat("x", 500), ""},
	}
	for _, tt := range tests {
		if got := didYouMean(tt.in, cands); got != tt.want {
			t.Errorf("didYouMean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSizeLimits(t *testing.T) {
	defer func(f, tot int64) { fileLimit, totalLimit = f, tot }(fileLimit, totalLimit)
	fileLimit, totalLimit = 2000, 4000
	big := "---\nid: t2\ntitle: T\n---\n" + strings.Repeat("x", 2000)
	_, probs := Load(mapFS(map[string]string{"topics/t2.md": big}))
	if got := strings.Join(problemStrings(probs), "\n"); got != "topics/t2.md: error: file is 2024 bytes; the limit is 2000 bytes per file" {
		t.Errorf("per-file limit:\n%s", got)
	}
	mid := "---\nid: tX\ntitle: T\n---\n" + strings.Repeat("x\n", 800)
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d"} {
		files["topics/"+n+".md"] = strings.Replace(mid, "tX", n, 1)
	}
	_, probs = Load(mapFS(files))
	errs := problemStrings(probs.Errors())
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "topics/c.md: error: the dossier is larger than 4000 bytes in all") {
		t.Errorf("total limit: %q", errs)
	}
}

func TestKnownBy(t *testing.T) {
	d, probs := Load(mapFS(map[string]string{"sources.md": "---\nsources:\n  - {id: s1, outlet: S1, reliability: B, date: 2030-01-02}\n  - {id: s2, outlet: S2, reliability: C}\n  - {id: s3, outlet: S3, reliability: C, date: 2030-01-05}\n---\n",
		"topics/t1.md": "---\nid: t1\ntitle: T\n---\n\n## Alpha\n\n- A [@s1; @s2; @s3] {#k}\n\n## Beta\n\n- B [@s1] {#k}\n"}))
	if d == nil {
		t.Fatal(problemStrings(probs))
	}
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tests := []struct {
		srcs []string
		asOf string
		want bool
	}{
		{[]string{"s1"}, "2030-01-01", false},
		{[]string{"s1"}, "2030-01-02", true},
		{[]string{"s3"}, "2030-01-04", false},
		{[]string{"s3", "s1"}, "2030-01-04", true},
		{[]string{"s2"}, "1900-01-01", true}, // no date: never excluded
		{nil, "2030-01-10", false},
		{[]string{"nope"}, "2030-01-10", false},
	}
	for _, tt := range tests {
		if got := d.KnownBy(tt.srcs, day(tt.asOf).Add(15*time.Hour)); got != tt.want {
			t.Errorf("KnownBy(%v, %s) = %v, want %v", tt.srcs, tt.asOf, got, tt.want)
		}
	}
}
