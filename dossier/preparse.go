package dossier

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Parsing the YAML front matter and the Markdown of each file is most of
// the work of a Load, and it depends on nothing but the file's own bytes.
// The preparser does it on the other CPUs for the next few files while the
// loader works through the current one. The loader still takes the results
// one file at a time and in its fixed order, so problems, references and
// ids come out exactly as from a serial load; and since no file is started
// more than a window ahead of the one in use, a large dossier does not hold
// every file's syntax tree at once.

// serialLoad turns the preparser off, for the test that compares a
// parallel load with a serial one.
var serialLoad bool

// parsed is the pure part of parsing one file.
type parsed struct {
	idx     int         // position in the loader's order
	started atomic.Bool // set by whoever parses it: a worker or the loader
	done    chan struct{}

	// the front matter, as parseFrontMatter returns it; ok is false when
	// the file has no complete front matter (the loader reports that)
	ok    bool
	root  *yval
	probs Problems
	// the Markdown body, parsed from bodyOff; nil when the file is not a
	// topic or briefing, is too deep, or the parser failed (the loader then
	// parses it again and reports what it finds)
	bodyOff int
	doc     ast.Node
	src     []byte
}

// preparser starts files ahead of the loader. Only the loader's goroutine
// calls its methods.
type preparser struct {
	order  []*srcFile
	next   int           // the first file of order not yet started
	window int           // files started ahead of the one in use
	sem    chan struct{} // bounds the workers running at once
	wg     sync.WaitGroup
}

// newPreparser prepares to parse files ahead in the given order; it returns
// nil on a single CPU, where there is nothing to gain.
func newPreparser(order []*srcFile) *preparser {
	n := runtime.GOMAXPROCS(0)
	if n < 2 || len(order) < 2 || serialLoad {
		return nil
	}
	p := &preparser{order: order, window: 2 * n, sem: make(chan struct{}, n)}
	for i, f := range order {
		f.pre = &parsed{idx: i, done: make(chan struct{})}
	}
	return p
}

// get returns f's results, parsing f now if no worker has started it, and
// starts the files after it up to the window. It returns nil when f is not
// in the order.
func (p *preparser) get(f *srcFile) *parsed {
	if p == nil || f.pre == nil {
		return nil
	}
	r := f.pre
	for p.next < min(len(p.order), r.idx+1+p.window) {
		g := p.order[p.next]
		p.next++
		if gr := g.pre; gr != nil && gr.started.CompareAndSwap(false, true) {
			p.wg.Add(1)
			go func() {
				defer p.wg.Done()
				p.sem <- struct{}{}
				defer func() { <-p.sem }()
				gr.fill(g)
			}()
		}
	}
	if r.started.CompareAndSwap(false, true) {
		r.fill(f)
	}
	<-r.done
	return r
}

// wait waits for every worker started; Load calls it before returning.
func (p *preparser) wait() {
	if p != nil {
		p.wg.Wait()
	}
}

// fill parses f. A panic in a parser leaves the results empty: the loader
// then parses the file itself and reports the failure where it belongs.
func (r *parsed) fill(f *srcFile) {
	defer close(r.done)
	defer func() {
		if recover() != nil {
			r.ok, r.root, r.probs, r.doc, r.src = false, nil, nil, nil, nil
		}
	}()
	fm, fmLine, bodyOff, has, closed := splitFrontMatter(f.src)
	switch {
	case !has:
		bodyOff = 0
	case !closed:
		bodyOff = len(f.src)
	default:
		r.root, r.probs = parseFrontMatter(f.name, fm, fmLine, f.lines)
		r.ok = true
	}
	if strings.HasPrefix(f.name, "topics/") || strings.HasPrefix(f.name, "briefings/") {
		if markdownTooDeep(f.src[bodyOff:]) == 0 {
			src := blankFrontMatter(f.src, bodyOff)
			r.doc = mdParser.Parse(text.NewReader(src))
			r.bodyOff, r.src = bodyOff, src
		}
	}
}
