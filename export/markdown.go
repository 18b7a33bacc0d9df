package export

import (
	"bytes"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// md turns dossier Markdown into HTML. goldmark runs without its unsafe
// option, so raw HTML in a dossier is dropped (goldmark writes an "omitted"
// comment in its place) and links with a dangerous scheme lose their
// target; images are replaced by their text so that the handout loads
// nothing from anywhere.
var md = goldmark.New(
	goldmark.WithExtensions(extension.Strikethrough),
	goldmark.WithRendererOptions(
		renderer.WithNodeRenderers(util.Prioritized(noImages{}, 100)),
	),
)

// noImages renders an image as its alternative text in brackets.
type noImages struct{}

func (noImages) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="img">[image: `)
		} else {
			_, _ = w.WriteString(`]</span>`)
		}
		return ast.WalkContinue, nil
	})
}

// blockHTML renders Markdown as HTML blocks.
func blockHTML(src string) template.HTML {
	var b bytes.Buffer
	if err := md.Convert([]byte(render.Clean(src)), &b); err != nil {
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	// goldmark decodes character references (render.Clean drops the ones
	// naming a control, but not named ones it does not know): the one
	// sanitiser again after the decoding.
	return template.HTML(sanitize.Text(b.String())) //nolint:gosec // goldmark output without raw HTML
}

// inlineHTML renders one paragraph of Markdown without the <p> around it.
func inlineHTML(src string) template.HTML {
	h := strings.TrimSpace(string(blockHTML(src)))
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		h = strings.TrimSuffix(strings.TrimPrefix(h, "<p>"), "</p>")
	}
	return template.HTML(h) //nolint:gosec // as blockHTML
}

// clean makes dossier text fit for one line: sanitised, white space runs
// made one space.
func clean(s string) string {
	return strings.Join(strings.Fields(render.Clean(s)), " ")
}

// safeURL reports whether u is an absolute http(s) address.
func safeURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// mdText prepares dossier Markdown for a handout: sanitised, and with its
// HTML comments (notes an author left for authors) removed. A comment
// that is never closed is left for the writers to escape.
func mdText(s string) string {
	s = render.Clean(s)
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			return strings.TrimSpace(s)
		}
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			return strings.TrimSpace(s)
		}
		s = s[:i] + s[i+4+j+3:]
	}
}
