// Package render turns the claims and topics of a dossier into styled
// terminal lines for a given width and style. It owns the glamour renderers
// (one per width and style, built once) and a cache of rendered claims and
// topic layouts that any number of reader sessions may share. Everything it
// returns is sanitised: the only escape sequences in its output are the SGR
// sequences its own styling produced.
package render

import (
	"sync"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// DefaultMaxLayouts is how many (width, style) layouts a Cache keeps before
// it forgets the least recently used one.
const DefaultMaxLayouts = 12

// Cache holds glamour renderers and rendered output keyed by (claim, width,
// style), and topic layouts keyed by (topic, accounts, width, style, width
// method). It is safe for concurrent use; one Cache is meant to be shared by
// every session that shows the same dossiers. Entries for the least recently
// used width are dropped once more than MaxLayouts widths are held, so a
// server whose clients resize all day does not grow without bound.
type Cache struct {
	// MaxLayouts bounds the number of (width, style) pairs held; set it
	// before first use. Zero means DefaultMaxLayouts.
	MaxLayouts int

	mu      sync.Mutex
	clock   uint64
	layouts map[layoutKey]*layout

	// costs memoises markdownCost per claim (claimKey with no note): it
	// depends on neither width nor style, and claims never change.
	costs sync.Map

	stats Stats
}

// Stats counts cache traffic, for benchmarks and the performance notes.
type Stats struct {
	ClaimHits, ClaimMisses     int
	CompareHits, CompareMisses int
	Evictions                  int
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

type layoutKey struct {
	width int
	style Style
}

// layout is everything cached for one (width, style).
type layout struct {
	key   layoutKey
	theme *Theme
	used  uint64

	// renderMu serialises the glamour renderer, which keeps state while it
	// renders; it also makes a second session wait for the first one's
	// result instead of rendering the same claim twice.
	renderMu sync.Mutex
	md       *glamour.TermRenderer
	costs    *sync.Map // the cache's, shared by every layout

	mu       sync.RWMutex
	claims   map[claimKey][]string
	compares map[compareKey]*Compare
	notes    sync.Map // notesKey → []string: presenter notes (notes.go)
}

type claimKey struct {
	d     *dossier.Dossier
	id    string
	plain string // the note of a plain-text render, "" for a formatted one
}

type compareKey struct {
	d      *dossier.Dossier
	topic  string
	pair   [2]string
	method ansi.Method
}

// Stats returns a snapshot of the cache's counters.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// layout returns the entry for (width, style), creating it and evicting the
// least recently used entry when needed.
func (c *Cache) layout(width int, st Style) *layout {
	k := layoutKey{width, st.Concrete()}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clock++
	if l, ok := c.layouts[k]; ok {
		l.used = c.clock
		return l
	}
	if c.layouts == nil {
		c.layouts = make(map[layoutKey]*layout)
	}
	max := c.MaxLayouts
	if max <= 0 {
		max = DefaultMaxLayouts
	}
	for len(c.layouts) >= max {
		var oldest *layout
		for _, l := range c.layouts {
			if oldest == nil || l.used < oldest.used {
				oldest = l
			}
		}
		delete(c.layouts, oldest.key)
		c.stats.Evictions++
	}
	l := &layout{
		key:      k,
		theme:    NewTheme(k.style),
		costs:    &c.costs,
		used:     c.clock,
		claims:   make(map[claimKey][]string),
		compares: make(map[compareKey]*Compare),
	}
	c.layouts[k] = l
	return l
}

func (c *Cache) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

func (l *layout) cachedClaim(k claimKey) ([]string, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	lines, ok := l.claims[k]
	return lines, ok
}

func (l *layout) cachedCompare(k compareKey) (*Compare, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	cmp, ok := l.compares[k]
	return cmp, ok
}
