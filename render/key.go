package render

import (
	"hash/maphash"
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
)

// Key names one rendered block in a Cache: a fingerprint of everything that
// reaches the block's output, and the width and style it is rendered at.
// Nothing in it points to a dossier, so two claims with the same text,
// badges and tags share one entry whichever dossier, or version of a
// dossier, they come from; and a claim whose text changed has a new key, so
// an edited dossier is never served its previous version's renders.
type Key struct {
	// Sum fingerprints the inputs: the kind of block, the Markdown, and
	// every value drawn beside it (badge names and grades, day tags, …).
	Sum Sum
	// Width is the width in cells the block is laid out at.
	Width int
	// Style is the concrete style (never StyleAuto) it is rendered in. The
	// colour profile of the terminal is not part of the key: the profiles
	// that cannot show colour are rendered in StyleNoTTY (the reader
	// resolves them so), and the others receive the same bytes, which the
	// terminal's writer downsamples.
	Style Style
}

// Sum is a 128-bit fingerprint (two independent 64-bit hashes): collisions
// between the few hundred thousand blocks a cache sees in its life are
// out of reach.
type Sum [2]uint64

// seeds of the fingerprints: random per process, the same for every
// fingerprint taken in it.
var seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// hasher takes a fingerprint of a sequence of fields. Every field is
// followed by a separator byte that text fields cannot hold after
// sanitising (and which a length-prefix would equally serve), so ("ab",
// "c") and ("a", "bc") differ.
type hasher struct{ h [2]maphash.Hash }

func newHasher(kind string) *hasher {
	x := &hasher{}
	x.h[0].SetSeed(seeds[0])
	x.h[1].SetSeed(seeds[1])
	x.str(kind)
	return x
}

func (x *hasher) str(s string) {
	for i := range x.h {
		x.h[i].WriteString(strconv.Itoa(len(s)))
		x.h[i].WriteByte(0)
		x.h[i].WriteString(s)
	}
}

func (x *hasher) num(n int) {
	var b [8]byte
	for i := range b {
		b[i] = byte(uint64(n) >> (8 * i))
	}
	for i := range x.h {
		x.h[i].Write(b[:])
	}
}

func (x *hasher) flag(b bool) {
	if b {
		x.num(1)
	} else {
		x.num(0)
	}
}

func (x *hasher) sum() Sum { return Sum{x.h[0].Sum64(), x.h[1].Sum64()} }

// shown writes what a block shows: its badges (each source's id, short
// name, outlet and grade, and the credibility), its day tags (id and date),
// whether it is disputed, and its Markdown. A claim's id is not shown, so
// it is not part of the key.
func (x *hasher) shown(d *dossier.Dossier, sh shown) {
	x.num(len(sh.sources))
	for _, id := range sh.sources {
		x.str(id)
		if s, ok := d.Source(id); ok {
			x.str(s.Short)
			x.str(s.Outlet)
			x.str(s.Reliability)
		} else {
			x.str("\x00unknown")
		}
	}
	x.num(sh.cred)
	x.num(len(sh.days))
	for _, id := range sh.days {
		x.str(id)
		if day, ok := d.Day(id); ok {
			x.num(int(day.Date.Unix()))
			x.flag(day.Date.IsZero())
		} else {
			x.str("\x00unknown")
		}
	}
	x.flag(sh.disputed)
	x.str(sh.text)
}

// ClaimKey returns the key of a claim rendered at width in style st.
func ClaimKey(d *dossier.Dossier, cl *dossier.Claim, width int, st Style) Key {
	return blockKey(d, claimShown(cl), width, st, "")
}

// blockKey returns the key of a block rendered under a plain-text note
// ("" for a formatted one). A claim and an event that show the same share
// it.
func blockKey(d *dossier.Dossier, sh shown, width int, st Style, plain string) Key {
	x := newHasher("block")
	x.str(plain)
	x.shown(d, sh)
	return Key{Sum: x.sum(), Width: width, Style: st.Concrete()}
}

// LayoutKey names a topic layout in a Cache. A layout is made from one
// dossier (dossier.Relate reads the whole topic and the selection the
// dossier was seen through), so it is keyed by the dossier, but by a serial
// number the cache gives each dossier rather than a pointer: the cache keeps
// no dossier alive, and drops a dossier's layouts when the dossier is
// collected. The claims inside a layout come from the content-keyed blocks,
// so a layout made again for a new version of a dossier renders only the
// claims that changed.
type LayoutKey struct {
	Dossier uint64 // the cache's serial number of the dossier
	Topic   string
	Day     string // "" for the whole topic
	Pair    [2]string
	Third   string // the third account of a synopsis, "" for two
	Width   int
	Style   Style // concrete
	Method  ansi.Method
}

// layoutKey returns the key of a layout of d.
func (c *Cache) layoutKey(d *dossier.Dossier, topic, day string, pair [2]string, width int, st Style, m ansi.Method) LayoutKey {
	return LayoutKey{Dossier: c.serial(d), Topic: topic, Day: day, Pair: pair, Width: width, Style: st.Concrete(), Method: m}
}

// notesKey returns the key of presenter notes.
func notesKey(text string, width int, st Style) Key {
	x := newHasher("notes")
	x.str(text)
	return Key{Sum: x.sum(), Width: width, Style: st.Concrete()}
}

// textSum fingerprints a text alone, for the cost memo.
func textSum(text string) Sum {
	x := newHasher("text")
	x.str(text)
	return x.sum()
}
