// Package render turns the claims and topics of a dossier into styled
// terminal lines for a given width and style. It owns the glamour renderers
// (one per width and style, built once) and a cache of rendered claims and
// topic layouts that any number of reader sessions may share. Everything it
// returns is sanitised: the only escape sequences in its output are the SGR
// sequences its own styling produced.
package render

import (
	"container/list"
	"sync"
	"sync/atomic"

	"charm.land/glamour/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/weakmemo"
)

// DefaultMaxLayouts is how many (width, style) renderers a Cache keeps
// before it forgets the least recently used one.
const DefaultMaxLayouts = 12

// DefaultMaxBytes bounds the rendered output a Cache holds: about forty
// full renders of a dossier the size of the embedded one (one width, one
// style, every topic), far more than the widths and versions in use at
// once.
const DefaultMaxBytes = 48 << 20

// maxCosts bounds the memo of Markdown costs (a few bytes each).
const maxCosts = 1 << 16

// Cache holds glamour renderers, one per (width, style), and rendered
// blocks (claims, topic layouts, presenter notes) keyed by what they show
// (Key): a block is rendered once for every dossier, version of a dossier
// and filtered view that shows it unchanged, and a dossier loaded again
// after an edit renders only what the edit changed. Nothing in the cache
// points to a dossier, so nothing needs to be released when a dossier is
// dropped: blocks nobody asks for any more are forgotten, least recently
// used first, once the cache holds more than MaxBytes of them. It is safe
// for concurrent use; one Cache is meant to be shared by every session of
// a process.
type Cache struct {
	// MaxLayouts bounds the number of (width, style) renderers held; set
	// it before first use. Zero means DefaultMaxLayouts.
	MaxLayouts int
	// MaxBytes bounds the size of the rendered blocks held (the bytes of
	// their lines); set it before first use. Zero means DefaultMaxBytes.
	MaxBytes int

	mu      sync.Mutex
	clock   uint64
	layouts map[rendererKey]*layout

	// blocks are the rendered blocks (keyed by a Key or a LayoutKey), most
	// recently used at the front of lru; bytes is their size.
	blocks map[any]*list.Element
	lru    list.List
	bytes  int

	// costs memoises markdownCost by the text's fingerprint: it depends on
	// neither width nor style.
	costs map[Sum]int

	// serials numbers the dossiers layouts are made from (LayoutKey), for
	// as long as each is in use; when one is collected its layouts are
	// dropped.
	serials    weakmemo.Map[dossier.Dossier, uint64]
	lastSerial atomic.Uint64
	onDrop     sync.Once

	stats Stats
}

// Stats counts cache traffic, for benchmarks, tests and the performance
// notes. ClaimMisses is the number of claims rendered.
type Stats struct {
	ClaimHits, ClaimMisses     int
	CompareHits, CompareMisses int
	// Evictions counts renderers dropped (a width no longer in use);
	// Dropped counts blocks dropped to stay under MaxBytes.
	Evictions, Dropped int
	// Blocks and Bytes are what the cache holds now.
	Blocks, Bytes int
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

type rendererKey struct {
	width int
	style Style
}

// layout is the renderer of one (width, style).
type layout struct {
	key   rendererKey
	theme *Theme
	used  uint64

	// renderMu serialises the glamour renderer, which keeps state while it
	// renders; it also makes a second session wait for the first one's
	// result instead of rendering the same block twice.
	renderMu sync.Mutex
	md       *glamour.TermRenderer
}

// block is one entry of the cache.
type block struct {
	key  any // Key or LayoutKey
	size int
	val  any // []string for a claim or notes, *Compare for a layout
}

// Stats returns a snapshot of the cache's counters.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Blocks, s.Bytes = len(c.blocks), c.bytes
	return s
}

// layout returns the renderer for (width, style), creating it and evicting
// the least recently used one when needed.
func (c *Cache) layout(width int, st Style) *layout {
	k := rendererKey{width, st.Concrete()}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clock++
	if l, ok := c.layouts[k]; ok {
		l.used = c.clock
		return l
	}
	if c.layouts == nil {
		c.layouts = make(map[rendererKey]*layout)
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
	l := &layout{key: k, theme: NewTheme(k.style), used: c.clock}
	c.layouts[k] = l
	return l
}

func (c *Cache) count(f func(*Stats)) {
	c.mu.Lock()
	f(&c.stats)
	c.mu.Unlock()
}

// get returns the block stored under k, marking it used.
func (c *Cache) get(k any) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.blocks[k]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*block).val, true
}

// put stores a block of the given size under k, dropping the least
// recently used blocks beyond MaxBytes (never the one just stored).
func (c *Cache) put(k any, val any, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.blocks == nil {
		c.blocks = make(map[any]*list.Element)
	}
	if e, ok := c.blocks[k]; ok { // stored meanwhile by another renderer
		c.lru.MoveToFront(e)
		return
	}
	c.blocks[k] = c.lru.PushFront(&block{key: k, size: size, val: val})
	c.bytes += size
	max := c.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	for c.bytes > max && c.lru.Len() > 1 {
		b := c.lru.Remove(c.lru.Back()).(*block)
		delete(c.blocks, b.key)
		c.bytes -= b.size
		c.stats.Dropped++
	}
}

// linesSize is what a block of lines costs the cache: their bytes and
// their string headers.
func linesSize(lines []string) int {
	n := 24 + 16*len(lines)
	for _, l := range lines {
		n += len(l)
	}
	return n
}

// cost returns the memoised markdownCost of a text, cleaned as every text
// is before it is rendered.
func (c *Cache) cost(text string) int {
	k := textSum(text)
	c.mu.Lock()
	n, ok := c.costs[k]
	c.mu.Unlock()
	if ok {
		return n
	}
	n = markdownCost(Clean(text))
	c.mu.Lock()
	if c.costs == nil || len(c.costs) >= maxCosts {
		c.costs = make(map[Sum]int)
	}
	c.costs[k] = n
	c.mu.Unlock()
	return n
}

// serial returns the serial number of d, numbering it on first use.
func (c *Cache) serial(d *dossier.Dossier) uint64 {
	c.onDrop.Do(func() { c.serials.OnDrop(c.forgetLayouts) })
	return c.serials.Get(d, func() uint64 { return c.lastSerial.Add(1) })
}

// forgetLayouts drops the layouts of a dossier that was collected.
func (c *Cache) forgetLayouts(serial uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for e := c.lru.Front(); e != nil; {
		next := e.Next()
		b := e.Value.(*block)
		if k, ok := b.key.(LayoutKey); ok && k.Dossier == serial {
			c.lru.Remove(e)
			delete(c.blocks, b.key)
			c.bytes -= b.size
		}
		e = next
	}
}
