package ui

import (
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
)

// detachedNote is the status of a follower browsing on its own.
const detachedNote = "browsing on your own — press f to follow again"

// presence is the reader's side of a presentation: what the hub last said
// and whether the user has wandered off.
type presence struct {
	hub       Presence // nil: alone
	role      Role
	driving   bool
	presenter string
	followers []string
	browsing  []string // of the followers, those browsing on their own
	requests  []string
	note      string // the hub's last one-line notice
	detached  bool   // the user navigated away from the presenter
	stop      int    // briefing stop, -1 when none
	stops     int
}

// following reports whether FollowMsg positions are applied.
func (p *presence) following() bool {
	return p.hub != nil && !p.driving && !p.detached
}

// line is the status line's text for the presentation.
func (p *presence) line() string {
	if p.hub == nil {
		return ""
	}
	var parts []string
	switch {
	case p.driving:
		s := "presenting"
		if render.Clean(p.note) == "you are presenting" {
			s = p.note // said once, not "presenting · you are presenting"
		}
		if c := p.count(); c != "" {
			s += " · " + c
		}
		parts = append(parts, s)
		for _, r := range p.requests {
			parts = append(parts, render.Clean(r)+" asks for control")
		}
	case p.detached && p.presenter == "":
		parts = append(parts, "browsing on your own; nobody presents")
	case p.detached:
		parts = append(parts, detachedNote)
	case p.presenter != "":
		s := "following " + render.Clean(p.presenter)
		if p.stops > 0 && p.stop >= 0 {
			s += " · stop " + strconv.Itoa(p.stop+1) + "/" + strconv.Itoa(p.stops)
		}
		parts = append(parts, s)
	}
	if n := render.Clean(p.note); n != "" && !slices.Contains(parts, n) {
		parts = append(parts, n)
	}
	return strings.Join(parts, " · ")
}

// count says who follows: "2 following, 1 browsing"; "" with no follower.
func (p *presence) count() string {
	n, b := len(p.followers), len(p.browsing)
	switch {
	case n == 0:
		return ""
	case b == 0:
		return strconv.Itoa(n) + " following"
	case b == n:
		return strconv.Itoa(b) + " browsing, none following"
	}
	return strconv.Itoa(n-b) + " following, " + strconv.Itoa(b) + " browsing"
}

// moved reports the user's own navigation to the hub when it changed the
// position. A following session that navigates (nav) is detached, even if
// its position did not change: FollowMsg positions are then ignored until
// f.
func (m *Model) moved(before Position, nav bool) tea.Cmd {
	if m.pres.hub == nil {
		return nil
	}
	after := m.position()
	detach := nav && !m.pres.driving && m.pres.presenter != "" && !m.pres.detached
	if detach {
		m.pres.detached = true
	}
	if after != before || detach {
		m.pres.hub.Moved(after)
	}
	return nil
}

// follow applies a presenter's position unless the user detached.
func (m *Model) follow(msg FollowMsg) tea.Cmd {
	m.pres.presenter = msg.Presenter
	m.pres.stops = msg.Stops
	if !m.pres.following() {
		return nil
	}
	p := msg.Position
	m.pres.stop = p.Stop
	var cmds []tea.Cmd
	if id, ok := ParseViewID(p.View); ok {
		cmds = append(cmds, m.show(id))
	}
	_, ok0 := m.c.Dossier.Account(p.Accounts[0])
	_, ok1 := m.c.Dossier.Account(p.Accounts[1])
	if ok0 && ok1 {
		cmds = append(cmds, m.setAccounts(p.Accounts, p.Third))
	}
	if v, ok := m.views[m.active]; ok {
		cmds = append(cmds, v.SetPosition(p))
	}
	return tea.Batch(cmds...)
}

// presenceChanged records the hub's view of the presentation.
func (m *Model) presenceChanged(msg PresenceMsg) tea.Cmd {
	p := &m.pres
	if msg.Presenter == "" && p.role != RolePresenter {
		// the stop was the last presenter's: a new one's comes with their
		// first position
		p.stop = -1
	}
	p.role, p.driving, p.presenter = msg.Role, msg.Driving, msg.Presenter
	p.browsing = msg.Browsing
	p.followers, p.requests, p.note = msg.Followers, msg.Requests, msg.Note
	if p.driving {
		p.detached = false
	}
	m.presenterKeys()
	return nil
}

// followAgain re-attaches a detached follower; the hub answers with a
// FollowMsg carrying the presenter's place.
func (m *Model) followAgain() tea.Cmd {
	if m.pres.hub == nil || m.pres.driving {
		return nil
	}
	m.pres.detached = false
	m.pres.hub.Follow()
	return nil
}
