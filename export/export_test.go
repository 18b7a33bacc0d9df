package export

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

func embedded(t *testing.T) *dossier.Dossier {
	t.Helper()
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatalf("embedded dossier: %v", probs.Err())
	}
	return d
}

func export(t *testing.T, d *dossier.Dossier, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, opts); err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	return b.String()
}

// pairOf returns the accounts a stop compares.
func pairOf(d *dossier.Dossier, s dossier.Stop) [2]string {
	if s.Accounts[0] != "" {
		return s.Accounts
	}
	return d.DefaultPair
}

var (
	rowRE   = regexp.MustCompile(`<div class="row rel-([a-z-]+)"(?: data-key="([^"]*)")?>`)
	claimRE = regexp.MustCompile(`data-claim="([^"]+)"`)
)

// TestHTMLStops checks every stop of every briefing: its title is there,
// and for compare stops every claim of both accounts appears exactly once,
// in a row with the claim it is aligned with, in the order of dossier.Relate.
func TestHTMLStops(t *testing.T) {
	d := embedded(t)
	for _, b := range d.Briefings {
		out := export(t, d, Options{Briefing: b.ID})
		sections := strings.Split(out, `<section class="stop `)[1:]
		if len(sections) != len(b.Stops) {
			t.Fatalf("%s: %d stop sections, want %d", b.ID, len(sections), len(b.Stops))
		}
		for i, s := range b.Stops {
			sec := sections[i]
			if !strings.Contains(sec, htmlText(s.Title)) {
				t.Errorf("stop %d: title %q missing", i+1, s.Title)
			}
			if s.View != "compare" {
				continue
			}
			pair := pairOf(d, s)
			tp, _ := d.Topic(s.Topic)
			want := d.Relate(tp.ID, pair[:], "").Visible()
			rows := rowRE.FindAllStringSubmatchIndex(sec, -1)
			if len(rows) != len(want) {
				t.Fatalf("stop %d (%s): %d rows, want %d", i+1, s.Topic, len(rows), len(want))
			}
			for r, p := range want {
				end := len(sec)
				if r+1 < len(rows) {
					end = rows[r+1][0]
				}
				ids := claimRE.FindAllStringSubmatch(sec[rows[r][0]:end], -1)
				var got []string
				for _, m := range ids {
					got = append(got, m[1])
				}
				var exp []string
				for _, c := range p.Cells {
					if c.Shown() {
						exp = append(exp, c.Claim.ID)
					}
				}
				if strings.Join(got, " ") != strings.Join(exp, " ") {
					t.Errorf("stop %d row %d: claims %v, want %v", i+1, r, got, exp)
				}
				if l, rt := p.Cells[0], p.Cells[1]; l.Shown() && rt.Shown() && l.Claim.Key != rt.Claim.Key {
					t.Errorf("stop %d row %d pairs keys %q and %q", i+1, r, l.Claim.Key, rt.Claim.Key)
				}
			}
			all := 0
			for _, acct := range pair {
				if sc, ok := tp.Section(acct); ok {
					all += len(sc.Claims)
				}
			}
			if n := len(claimRE.FindAllString(sec, -1)); n != all {
				t.Errorf("stop %d: %d claims shown, want %d", i+1, n, all)
			}
		}
	}
}

// htmlText escapes text as html/template does in element content.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

// checkSelfContained parses the page and fails on anything that would
// make a browser fetch or run something: a src attribute, a script,
// link, img, iframe, object or embed element, an event handler, CSS that
// imports or loads a url(), any external href but a source's page, and
// control characters anywhere.
func checkSelfContained(t *testing.T, name, out string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(out))
	inStyle := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatalf("%s: %v", name, z.Err())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.Data {
			case "script", "link", "img", "iframe", "object", "embed", "base", "form", "svg", "video", "audio", "source":
				t.Errorf("%s: <%s> element", name, tok.Data)
			}
			inStyle = tok.Data == "style"
			class := ""
			for _, a := range tok.Attr {
				if a.Key == "class" {
					class = a.Val
				}
			}
			for _, a := range tok.Attr {
				switch {
				case a.Key == "src" || a.Key == "srcset" || a.Key == "style" || strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: attribute %s=%q on <%s>", name, a.Key, a.Val, tok.Data)
				case a.Key == "href" && !strings.HasPrefix(a.Val, "#"):
					if class != "url" || !strings.HasPrefix(a.Val, "http://") && !strings.HasPrefix(a.Val, "https://") {
						if tok.Data != "a" || strings.Contains(strings.ToLower(a.Val), "script:") {
							t.Errorf("%s: href %q on <%s class=%q>", name, a.Val, tok.Data, class)
						}
					}
				}
			}
		case html.EndTagToken:
			inStyle = false
		case html.TextToken:
			if inStyle && (strings.Contains(tok.Data, "url(") || strings.Contains(tok.Data, "@import")) {
				t.Errorf("%s: the CSS loads something", name)
			}
		}
	}
	for i, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			t.Fatalf("%s: control character %U at byte %d", name, r, i)
		}
	}
}

func TestHTMLSelfContained(t *testing.T) {
	d := embedded(t)
	out := export(t, d, Options{Notes: true})
	checkSelfContained(t, "embedded", out)
	for _, want := range []string{"<!DOCTYPE html>", "@media print", "@media screen and (max-width: 700px)",
		`<section class="appendix" id="sources">`, "Presenter notes"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	// every badge points at an entry of the sources list
	for _, m := range regexp.MustCompile(`href="#src-([^"]+)"`).FindAllStringSubmatch(out, -1) {
		if !strings.Contains(out, `id="src-`+m[1]+`"`) {
			t.Errorf("badge for %s has no entry in the sources list", m[1])
		}
	}
	if strings.Contains(export(t, d, Options{}), "Presenter notes</h3>") {
		t.Error("presenter notes exported without --notes")
	}
}

// hostile is a dossier whose text tries everything a handout must not pass.
var hostile = fstest.MapFS{
	"dossier.md": {Data: []byte("---\nid: x\ntitle: \"T </title><script>alert(1)</script> \\e[31m\"\n" +
		"accounts: [{id: a, name: \"A <b>\"}, {id: b, name: B}]\n---\n" +
		"Summary <script>alert(2)</script> ![t](http://evil.example/t.png) &#27;[2J\n")},
	"sources.md": {Data: []byte("---\nsources:\n  - {id: s, outlet: \"Out<img src=x>\", reliability: B, url: \"https://example.org/a\"}\n---\n")},
	"topics/t.md": {Data: []byte("---\nid: t\ntitle: T\n---\n\n## a\n\n" +
		"- One <img src=http://evil.example/x.png> [js](javascript:alert(3)) ![i](https://evil.example/i.png) [@s] {#k .contradict}\n" +
		"- Two <style>@import url(http://evil.example/c.css);</style> \\<script>x\\</script> [@s] {#o .one-sided}\n\n" +
		"## b\n\n- Three `code <script>` &#x9b;31m [@s] {#k}\n")},
	"briefings/b.md": {Data: []byte("---\nid: b\ntitle: B\n---\n\n## Stop <script> {view=compare topic=t}\n\nNotes <iframe src=http://evil.example>\n\n## S {view=sources}\n")},
}

func TestHostileHTML(t *testing.T) {
	d, probs := dossier.Load(hostile)
	if d == nil {
		t.Fatalf("hostile dossier did not load: %v", probs)
	}
	out := export(t, d, Options{Notes: true})
	checkSelfContained(t, "hostile", out)
	if strings.Contains(out, "javascript:") {
		t.Error("a javascript: link survived")
	}
	for _, want := range []string{"One ", "Two ", "Three ", "[image: i]"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestHostileMarkdown(t *testing.T) {
	d, _ := dossier.Load(hostile)
	out := export(t, d, Options{Format: Markdown, Notes: true})
	for i, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
			t.Fatalf("control character %U at byte %d", r, i)
		}
	}
	// the only "<" allowed is the autolink to the source's page
	rest := strings.ReplaceAll(out, "<https://example.org/a>", "")
	if i := strings.Index(rest, "<"); i >= 0 {
		t.Errorf("raw '<' in the Markdown: %q", rest[max(0, i-40):min(len(rest), i+40)])
	}
	if regexp.MustCompile(`(^|[^\\])!\[`).MatchString(out) {
		t.Error("an image survived into the Markdown")
	}
}

func TestMarkdownTables(t *testing.T) {
	d := embedded(t)
	out := export(t, d, Options{Format: Markdown})
	b := d.Briefings[0]
	for i, s := range b.Stops {
		head := "## " + itoa(i+1) + ". " + esc(s.Title) + "\n"
		at := strings.Index(out, head)
		if at < 0 {
			t.Fatalf("no heading %q", head)
		}
		if s.View != "compare" {
			continue
		}
		sec := out[at+len(head):]
		if j := strings.Index(sec, "\n## "); j >= 0 {
			sec = sec[:j]
		}
		pair := pairOf(d, s)
		tp, _ := d.Topic(s.Topic)
		var rows int
		for _, line := range strings.Split(sec, "\n") {
			if strings.HasPrefix(line, "| `") {
				rows++
				if n := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(line, -1)); n != 4 {
					t.Errorf("stop %d: row with %d cell borders: %s", i+1, n, line)
				}
			}
		}
		if want := len(d.Relate(tp.ID, pair[:], "").Visible()); rows != want {
			t.Errorf("stop %d: %d table rows, want %d", i+1, rows, want)
		}
	}
}

func TestPickBriefing(t *testing.T) {
	d := embedded(t)
	var b bytes.Buffer
	if err := Write(&b, d, Options{Briefing: "no-such"}); err == nil || !strings.Contains(err.Error(), d.Briefings[0].ID) {
		t.Errorf("unknown briefing: %v", err)
	}
	if err := Write(&b, &dossier.Dossier{}, Options{}); err == nil {
		t.Error("a dossier without briefings exported")
	}
	if f, err := ParseFormat("Markdown"); err != nil || f != Markdown {
		t.Errorf("ParseFormat: %v %v", f, err)
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("pdf accepted")
	}
}

func TestCommentsDropped(t *testing.T) {
	for in, want := range map[string]string{
		"<!-- for authors -->\n\nText.": "Text.",
		"A <!-- x --> b <!--y\nz--> c":  "A  b  c",
		"Open <!-- never closed":        "Open <!-- never closed",
		"\x1b[31m<!-- a -->red":         "[31mred",
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMarkdownExplainsItsMarks: every mark the Markdown handout puts on a
// claim is in its "How to read it" line (*disputed* and the day tags were
// not).
func TestMarkdownExplainsItsMarks(t *testing.T) {
	out := export(t, embedded(t), Options{Format: Markdown})
	i := strings.Index(out, "**How to read it:**")
	if i < 0 {
		t.Fatal("no 'How to read it'")
	}
	key := out[i : i+strings.Index(out[i:], "\n")]
	for _, mark := range []string{"`=`", "`≠`", "`◂`", "B2", "*disputed*", "day a claim speaks of"} {
		if strings.Contains(out, strings.Trim(mark, "`")) && !strings.Contains(key, mark) {
			t.Errorf("the handout uses %s but 'How to read it' does not explain it: %s", mark, key)
		}
	}
}
