package render

import (
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
)

// copyFS copies a dossier folder into memory, so that a test can edit it.
func copyFS(t testing.TB, src fs.FS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mustLoad(t testing.TB, fsys fs.FS) *dossier.Dossier {
	t.Helper()
	d, probs := dossier.Load(fsys)
	if d == nil {
		t.Fatal(probs.Err())
	}
	return d
}

// editClaim returns a copy of fsys in which the claim cl starts with
// "Edited: ".
func editClaim(t testing.TB, fsys fstest.MapFS, cl *dossier.Claim) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	for p, f := range fsys {
		out[p] = f
	}
	lines := strings.Split(string(fsys[cl.Pos.File].Data), "\n")
	i := cl.Pos.Line - 1
	if i < 0 || i >= len(lines) || !strings.HasPrefix(strings.TrimLeft(lines[i], " "), "- ") {
		t.Fatalf("claim %s at %v: line %q is not a list item", cl.ID, cl.Pos, lines[max(0, min(i, len(lines)-1))])
	}
	lines[i] = strings.Replace(lines[i], "- ", "- Edited: ", 1)
	out[cl.Pos.File] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	return out
}

// renderAll renders every claim of every account, and every topic for
// the default pair, as a reader looking at all of them would.
func renderAll(c *Cache, d *dossier.Dossier, w int) {
	for i := range d.Topics {
		t := &d.Topics[i]
		for _, sec := range t.Sections {
			for j := range sec.Claims {
				c.Claim(d, &sec.Claims[j], w, StyleDark)
			}
		}
		c.Compare(d, t, d.DefaultPair, w, StyleDark, ansi.WcWidth)
	}
}

// Reloading a dossier in which one claim changed renders that claim again
// and no other: the cache is keyed by what a claim shows, not by the
// *Dossier it came from.
func TestReloadRendersOnlyTheChangedClaim(t *testing.T) {
	fsys := copyFS(t, content.Default())
	old := mustLoad(t, fsys)
	cl := &old.Topics[0].Sections[0].Claims[0]
	edited := mustLoad(t, editClaim(t, fsys, cl))

	c := NewCache()
	renderAll(c, old, 57)
	before := c.Stats()
	if before.ClaimMisses == 0 {
		t.Fatal("nothing rendered")
	}
	renderAll(c, edited, 57)
	after := c.Stats()
	if n := after.ClaimMisses - before.ClaimMisses; n != 1 {
		t.Errorf("reload rendered %d claims, want 1 (the edited one)", n)
	}
	// the edited claim shows its new text; the old version still its old
	// one, from the same cache
	got := ansi.Strip(strings.Join(c.Claim(edited, &edited.Topics[0].Sections[0].Claims[0], 57, StyleDark), "\n"))
	if !strings.Contains(got, "Edited:") {
		t.Errorf("edited claim served stale:\n%s", got)
	}
	got = ansi.Strip(strings.Join(c.Claim(old, cl, 57, StyleDark), "\n"))
	if strings.Contains(got, "Edited:") {
		t.Errorf("old claim shows the edit:\n%s", got)
	}
	// a filtered view of the same dossier renders nothing new for the
	// claims it keeps
	sel := edited.Select(dossier.Selection{AsOf: edited.Days[len(edited.Days)/2].Date})
	before = c.Stats()
	for i := range sel.Topics {
		c.Compare(sel, &sel.Topics[i], sel.DefaultPair, 57, StyleDark, ansi.WcWidth)
	}
	if n := c.Stats().ClaimMisses - before.ClaimMisses; n > 0 {
		// a claim whose citations the as-of view trims shows other badges:
		// count those, and only those, as new
		trimmed := 0
		for i := range sel.Topics {
			for _, sec := range sel.Topics[i].Sections {
				if acct := sec.Account; acct != sel.DefaultPair[0] && acct != sel.DefaultPair[1] {
					continue
				}
				for _, c2 := range sec.Claims {
					base, ok := claimByID(edited, c2.ID)
					if !ok || !slices.Equal(base.Sources, c2.Sources) {
						trimmed++
					}
				}
			}
		}
		if n > trimmed {
			t.Errorf("the as-of view rendered %d claims; only %d show other badges", n, trimmed)
		}
	}
}

func claimByID(d *dossier.Dossier, id string) (*dossier.Claim, bool) {
	for i := range d.Topics {
		for j := range d.Topics[i].Sections {
			for k := range d.Topics[i].Sections[j].Claims {
				if cl := &d.Topics[i].Sections[j].Claims[k]; cl.ID == id {
					return cl, true
				}
			}
		}
	}
	return nil, false
}

// A dossier loaded again after an edit never meets the renders of its
// previous version, even for a claim whose id stayed while its text
// changed.
func TestReloadedClaimIsNotServedStale(t *testing.T) {
	fsys := copyFS(t, os.DirFS("../docs/example/water-talks"))
	old := mustLoad(t, fsys)
	flows := string(fsys["topics/01-flows.md"].Data)
	fsys["topics/01-flows.md"] = &fstest.MapFile{Data: []byte(strings.Replace(flows, "no figure was ever put on paper", "a figure went on paper after all", 1))}
	edited := mustLoad(t, fsys)

	c := NewCache()
	text := func(d *dossier.Dossier) string {
		l := c.Compare(d, &d.Topics[0], [2]string{"up", "down"}, 60, StyleNoTTY, ansi.WcWidth)
		if l.Dossier != d {
			t.Errorf("layout names another dossier")
		}
		return ansi.Strip(strings.Join(l.Lines[1], "\n"))
	}
	if got := text(old); !strings.Contains(got, "no figure was ever put on paper") {
		t.Fatalf("old version:\n%s", got)
	}
	if got := text(edited); !strings.Contains(got, "a figure went on paper after all") {
		t.Fatalf("edited version served stale:\n%s", got)
	}
	if got := text(old); !strings.Contains(got, "no figure was ever put on paper") {
		t.Fatalf("old version after the edit:\n%s", got)
	}
}

// However many versions of a dossier come and go, the cache holds at most
// MaxBytes of rendered blocks, and nothing in it keeps a dossier alive.
func TestCacheStaysBoundedAcrossReloads(t *testing.T) {
	fsys := copyFS(t, os.DirFS("../docs/example/water-talks"))
	c := &Cache{MaxBytes: 64 << 10}
	d := mustLoad(t, fsys)
	for i := range 30 {
		cl := &d.Topics[i%len(d.Topics)].Sections[0].Claims[0]
		fsys = editClaim(t, fsys, cl)
		d = mustLoad(t, fsys)
		for w := 40; w < 44; w++ {
			renderAll(c, d, w)
		}
		if s := c.Stats(); s.Bytes > c.MaxBytes {
			t.Fatalf("version %d: the cache holds %d bytes, over %d", i, s.Bytes, c.MaxBytes)
		}
	}
	if c.Stats().Dropped == 0 {
		t.Error("nothing was dropped: the bound was never reached, the test tests nothing")
	}
}

// Every field of a claim that can reach the screen is part of the keys.
// A new field of dossier.Claim fails this test until it is either written
// into claimShown or named here as not part of a claim block.
func TestKeysCoverEveryClaimField(t *testing.T) {
	covered := map[string]string{
		"ID":            "not shown in a claim block; layouts are keyed by dossier",
		"Text":          "shown",
		"Sources":       "shown (badges)",
		"Cred":          "shown (badges)",
		"Days":          "shown (day tags)",
		"Key":           "read by dossier.Relate; layouts are keyed by dossier",
		"Relation":      "read by dossier.Relate; layouts are keyed by dossier",
		"Discrepancies": "shown (disputed)",
		"Pos":           "not shown",
	}
	ty := reflect.TypeFor[dossier.Claim]()
	for i := range ty.NumField() {
		if _, ok := covered[ty.Field(i).Name]; !ok {
			t.Errorf("dossier.Claim.%s is not in the render keys: add it to claimShown (render/claim.go), or here if it is never shown", ty.Field(i).Name)
		}
	}
}

// layoutsHeld counts the topic layouts the cache holds.
func (c *Cache) layoutsHeld() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k := range c.blocks {
		if _, ok := k.(LayoutKey); ok {
			n++
		}
	}
	return n
}

// The layouts of a dossier nobody holds any more leave the cache once the
// dossier is collected; its claims stay (another version may show them).
func TestLayoutsGoWithTheirDossier(t *testing.T) {
	c := NewCache()
	d := mustLoad(t, os.DirFS("../docs/example/water-talks"))
	for i := range d.Topics {
		c.Compare(d, &d.Topics[i], d.DefaultPair, 50, StyleDark, ansi.WcWidth)
	}
	if c.layoutsHeld() == 0 {
		t.Fatal("no layout cached")
	}
	claims := c.Stats().Blocks - c.layoutsHeld()
	d = nil
	for i := 0; i < 1000 && c.layoutsHeld() > 0; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if n := c.layoutsHeld(); n != 0 {
		t.Fatalf("%d layouts of a collected dossier are still held", n)
	}
	if got := c.Stats().Blocks; got != claims {
		t.Errorf("%d blocks left, want the %d claims", got, claims)
	}
	if s := c.Stats(); s.Bytes <= 0 {
		t.Errorf("the byte count is %d", s.Bytes)
	}
}
