package hostile

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/export"
	"github.com/dossier-dev/dossier/textout"
)

// The injection dossier through the text outputs: dossier print (textout)
// and the handouts (export).

// TestInjectPrint writes every part of the injection dossier with `dossier
// print` (every view, a day, every topic), in colour and without, at several
// widths: nothing but SGR may come out, and no line may be wider than asked.
// The same on the raw, unsanitised dossier through textout directly is in
// TestRawInjectPrint.
func TestInjectPrint(t *testing.T) {
	loadInject(t)
	var parts [][]string
	for _, v := range textout.Views {
		parts = append(parts, []string{"--view", v})
	}
	parts = append(parts, []string{"--day", "d1"}, []string{"--topic", "flows", "--accounts", "ind,down"}, nil)
	for _, part := range parts {
		for _, colour := range []string{"never", "always"} {
			for _, w := range []int{textout.MinWidth, 61, 200} {
				args := append([]string{"print", injectDir, "--color", colour, "--width", strconv.Itoa(w)}, part...)
				code, out, errOut := cliRun(t, args...)
				if code != 0 {
					t.Errorf("%v: exit %d: %s", args, code, oneLine(errOut))
					continue
				}
				checkPrinted(t, args, out, w)
			}
		}
	}
}

// checkPrinted fails t when printed text holds anything but SGR or has a
// line wider than w.
func checkPrinted(t *testing.T, what any, out string, w int) {
	t.Helper()
	if bad := nonSGR(out); bad != "" {
		t.Errorf("%v printed %q", what, bad)
	}
	for i, l := range strings.Split(out, "\n") {
		if got := ansi.StringWidth(l); got > w {
			t.Errorf("%v: line %d is %d wide: %q", what, i, got, ansi.Strip(l))
			break
		}
	}
}

// TestRawInjectPrint is defence in depth for print: textout gets the
// dossier with the payload never sanitised.
func TestRawInjectPrint(t *testing.T) {
	d := rawInject(t)
	opts := []textout.Options{{Day: "d1"}, {Topic: "flows", Pair: [2]string{"up", "down"}}, {}}
	for _, v := range textout.Views {
		opts = append(opts, textout.Options{View: v})
	}
	for _, o := range opts {
		for _, colour := range []bool{false, true} {
			for _, w := range []int{textout.MinWidth, 97} {
				o := o
				o.Width = w
				o.Color = colour
				var b bytes.Buffer
				if err := textout.Write(&b, d, o); err != nil {
					t.Errorf("%+v: %v", o, err)
					continue
				}
				checkPrinted(t, o, b.String(), w)
			}
		}
	}
}

// TestRawInjectExport is defence in depth for the handout: the export
// package gets the dossier with the payload never sanitised, and a source
// URL that is a script. No control character and no live markup from the
// dossier may come out.
func TestRawInjectExport(t *testing.T) {
	d := rawInject(t)
	d.Sources[0].URL = "javascript:alert('PWNED-URL')"
	d.Topics[0].Sections[0].Claims[0].Text += "\n\n<script>alert('PWNED-SCRIPT')</script><img src=x onerror=alert(1)>"
	for _, f := range []export.Format{export.HTML, export.Markdown} {
		var b bytes.Buffer
		if err := export.Write(&b, d, export.Options{Format: f, Notes: true}); err != nil {
			t.Fatalf("format %v: %v", f, err)
		}
		out := b.String()
		if bad := firstControl(strings.ReplaceAll(out, "\t", " ")); bad != "" {
			t.Errorf("format %v: the handout holds %q", f, bad)
		}
		for _, live := range []string{"<script>alert", "<img src=x", "href=\"javascript:", "onerror="} {
			if f == export.HTML && strings.Contains(out, live) {
				t.Errorf("the HTML handout holds %q", live)
			}
		}
		if !strings.Contains(out, "PWNED-TITLE") {
			t.Errorf("format %v: the payload's text is not in the handout; the test saw nothing", f)
		}
	}
}
