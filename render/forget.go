package render

import "github.com/dossier-dev/dossier/dossier"

// Forget drops every rendered claim, topic layout, presenter note and cost
// the cache holds for the given dossiers, keeping the glamour renderers
// (which depend only on width and style). Entries are keyed by the
// *Dossier they were rendered from, so a dossier loaded again (dossier
// --watch) never meets the renders of its previous version, even for a
// claim whose id stayed while its text changed; Forget is how the previous
// version's renders are given back once nobody shows it. A reader still
// showing a forgotten dossier keeps working: it renders again what it needs.
func (c *Cache) Forget(ds ...*dossier.Dossier) {
	if len(ds) == 0 {
		return
	}
	gone := make(map[*dossier.Dossier]bool, len(ds))
	for _, d := range ds {
		gone[d] = true
	}
	c.costs.Range(func(k, _ any) bool {
		if ck, ok := k.(claimKey); ok && gone[ck.d] {
			c.costs.Delete(k)
		}
		return true
	})
	c.mu.Lock()
	layouts := make([]*layout, 0, len(c.layouts))
	for _, l := range c.layouts {
		layouts = append(layouts, l)
	}
	c.mu.Unlock()
	for _, l := range layouts {
		l.mu.Lock()
		for k := range l.claims {
			if gone[k.d] {
				delete(l.claims, k)
			}
		}
		for k := range l.compares {
			if gone[k.d] {
				delete(l.compares, k)
			}
		}
		l.mu.Unlock()
		l.notes.Range(func(k, _ any) bool {
			if nk, ok := k.(notesKey); ok && gone[nk.d] {
				l.notes.Delete(k)
			}
			return true
		})
	}
}

// held reports how many rendered claims and topic layouts the cache holds
// for d, for tests of Forget.
func (c *Cache) held(d *dossier.Dossier) (claims, layouts int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, l := range c.layouts {
		l.mu.RLock()
		for k := range l.claims {
			if k.d == d {
				claims++
			}
		}
		for k := range l.compares {
			if k.d == d {
				layouts++
			}
		}
		l.mu.RUnlock()
	}
	return claims, layouts
}
