package ui

import (
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// shownSources returns the citations the filters leave: under "as of",
// the sources already published that day.
func (c *Common) shownSources(ids []string) []string {
	if c.Sel.AsOf.IsZero() {
		return ids
	}
	var out []string
	for _, id := range ids {
		if c.Base.KnownBy([]string{id}, c.Sel.AsOf) {
			out = append(out, id)
		}
	}
	return out
}

// admits reports whether the filters let through something citing ids.
func (c *Common) admits(ids []string) bool { return c.Sel.Admits(c.Base, ids) }

// shorts names sources by their badge names, without grades: "Dawn, MNTV".
func (c *Common) shorts(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ", "
		}
		name := id
		if s, ok := c.Base.Source(id); ok {
			name = s.Short
			if name == "" {
				name = s.Outlet
			}
		}
		out += render.Clean(name)
	}
	return out
}

// partyLabel names a party or mediator with its role: "Türkiye (host)".
func (c *Common) partyLabel(id string) string {
	name := render.Clean(c.Base.PartyName(id))
	for _, p := range c.Base.Mediators {
		if p.ID == id && p.Role != "" {
			return name + " (" + render.Clean(p.Role) + ")"
		}
	}
	return name
}

// claimByID finds a claim of the shown dossier and its account.
func (c *Common) claimByID(id string) (*dossier.Claim, string, bool) {
	for ti := range c.Dossier.Topics {
		t := &c.Dossier.Topics[ti]
		for si := range t.Sections {
			s := &t.Sections[si]
			for ci := range s.Claims {
				if s.Claims[ci].ID == id {
					return &s.Claims[ci], s.Account, true
				}
			}
		}
	}
	return nil, "", false
}
