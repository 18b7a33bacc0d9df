package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
)

// sourceClaims lists, under a source's details, the claims it supports,
// topic by topic; { and } choose one and enter opens it.
type sourceClaims struct {
	source string     // the source refs were made for
	refs   []claimRef // in dossier order
	sel    int        // the chosen claim, -1 for none
	top    int        // the line of the details where the list starts
}

// supported returns the claims a source supports, in dossier order, as
// the filters show them.
func (c *Common) supported(id string) []claimRef {
	var out []claimRef
	for _, t := range c.Dossier.Topics {
		for _, s := range t.Sections {
			for i := range s.Claims {
				if c.Base.Supports(id, s.Claims[i].Sources) {
					out = append(out, claimRef{topic: t.ID, account: s.Account, claim: &s.Claims[i]})
				}
			}
		}
	}
	return out
}

// refresh lists the claims of the selected source.
func (v *sourcesView) refreshClaims() {
	id := ""
	if s := v.source(); s != nil {
		id = s.ID
	}
	if id == v.claims.source && v.claims.refs != nil {
		return
	}
	v.claims = sourceClaims{source: id, refs: v.c.supported(id), sel: -1}
}

// claimKey handles { } and enter on a chosen claim; ok is false for any
// other key.
func (v *sourcesView) claimKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := v.c.Keys
	v.refreshClaims()
	sc := &v.claims
	switch {
	case key.Matches(msg, k.NextClaim) && len(sc.refs) > 0:
		sc.sel = min(sc.sel+1, len(sc.refs)-1)
	case key.Matches(msg, k.PrevClaim) && sc.sel >= 0:
		sc.sel--
	case key.Matches(msg, k.Open) && sc.sel >= 0 && sc.sel < len(sc.refs):
		r := sc.refs[sc.sel]
		return JumpCmd(JumpMsg{View: ViewCompare, Pos: Position{Topic: r.topic, Anchor: r.claim.ID, Accounts: v.c.pairWith(r.account)}}), true
	default:
		if key.Matches(msg, k.Down, k.Up, k.Top, k.Bottom) {
			sc.sel = -1 // another row: the list is another source's
		}
		return nil, false
	}
	v.gen++
	return nil, true
}

// claimLines appends the list of claims a source supports, topic by
// topic, to the details.
func (v *sourcesView) claimLines(out []string, id string, w int) []string {
	v.refreshClaims()
	c, st := v.c, v.c.Styles
	sc := &v.claims
	if len(sc.refs) == 0 {
		return out
	}
	keys := c.Keys.PrevClaim.Help().Key + " " + c.Keys.NextClaim.Help().Key
	out = append(out, "", st.Label.Render(plural(len(sc.refs), "claim it supports", "claims it supports"))+
		st.Faint.Render(" ("+keys+" choose, enter opens)"))
	sc.top = len(out)
	topic := ""
	for i, r := range sc.refs {
		if r.topic != topic {
			topic = r.topic
			t, _ := c.Base.Topic(r.topic)
			out = append(out, st.OverlayTitle.Render(render.Clean(t.Title)))
		}
		mark := "  "
		if i == sc.sel {
			mark = st.Selected.Render("›") + " "
			sc.top = len(out) // the chosen line, for keeping it in sight
		}
		out = append(out, c.cut(mark+st.Label.Render(c.AccountName(r.account))+st.Faint.Render(" — "+inline(r.claim.Text)), w))
	}
	v.keepClaim()
	return out
}

// keepClaim keeps the chosen claim in sight.
func (v *sourcesView) keepClaim() {
	v.pane.keep = -1
	if v.claims.sel >= 0 {
		v.pane.keep = v.claims.top
	}
}
