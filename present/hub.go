// Package present is the presentation hub: the shared position of one
// briefing, who drives it, who follows, and who asks for control. It speaks
// to readers only through the contract in ui/presence.go and knows nothing of
// SSH, so the server and a local `dossier present` can both use it.
//
// The hub never waits on a reader: every session has a mailbox of one
// pending session.FollowMsg and one pending session.PresenceMsg, and a newer message
// replaces an older one that was not yet delivered. A follower that stops
// reading therefore costs the presenter nothing and, once it reads again,
// jumps straight to the latest position.
package present

import (
	"fmt"
	"sync"

	"github.com/dossier-dev/dossier/session"
)

// recentEchoes is how many positions recently sent to a follower are
// remembered, so that a reader reporting (through Moved) the position it was
// just told to show is not mistaken for a reader browsing on its own.
const recentEchoes = 8

// Hub is one presentation. The zero value is not usable; call NewHub. All
// methods are safe for concurrent use and return without waiting on any
// session.
type Hub struct {
	mu       sync.Mutex
	stops    int       // number of stops of the briefing, for FollowMsg
	members  []*Member // in join order, so name lists are stable
	driver   *Member   // nil when nobody drives
	requests []*Member // presenters asking for control, oldest first
	pos      session.Position
	hasPos   bool // pos has been reported by a driver
}

// NewHub returns an empty presentation of a briefing with the given number
// of stops (0 when there is no briefing).
func NewHub(stops int) *Hub {
	return &Hub{stops: stops}
}

// Member is one session's link to the hub; it implements session.Presence. Its
// messages wait in its mailbox until Run delivers them.
type Member struct {
	hub  *Hub
	name string
	role session.Role
	box  *mailbox

	// Guarded by hub.mu.
	attached bool             // follows the driver (the default)
	pos      session.Position // last position this session reported
	hasPos   bool
	// own says pos is where the session is: it moved there itself and was
	// sent no position since (a reader does not report the positions it is
	// sent, so after one pos is stale).
	own      bool
	recent   [recentEchoes]session.Position // ring of positions sent to it
	nrecent  int
	left     bool
	lastPres session.PresenceMsg // last presence queued, to skip repeats
	sentPres bool
}

var _ session.Presence = (*Member)(nil)

// Join adds a session with a display name and a role (session.RolePresenter or
// session.RoleFollower; anything else is treated as a follower). The first
// presenter to join while nobody drives becomes the driver: nobody had
// control, so nothing is taken from anyone. A follower that joins while a
// presentation is live is sent the current position at once.
func (h *Hub) Join(name string, role session.Role) *Member {
	if role != session.RolePresenter {
		role = session.RoleFollower
	}
	m := &Member{hub: h, name: name, role: role, box: newMailbox(), attached: true}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.members = append(h.members, m)
	notes := map[*Member]string{}
	if role == session.RolePresenter && h.driver == nil {
		h.driver = m
		notes[m] = "you are presenting"
		h.noteAllBut(notes, m, name+" is presenting")
	} else if h.driver != nil {
		h.sendFollowLocked(m)
	}
	h.refreshLocked(notes)
	return m
}

// Name returns the member's display name.
func (m *Member) Name() string { return m.name }

// Role returns the member's role.
func (m *Member) Role() session.Role { return m.role }

// Moved implements session.Presence. A driver's position is forwarded to every
// attached session. A follower that reports a position it was not sent has
// navigated on its own and is detached until it calls Follow.
func (m *Member) Moved(p session.Position) {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left {
		return
	}
	m.pos, m.hasPos = p, true
	m.own = !m.isEchoLocked(p)
	if m == h.driver {
		if h.hasPos && h.pos == p {
			return
		}
		h.pos, h.hasPos = p, true
		for _, o := range h.members {
			if o != m && o.attached {
				h.sendFollowLocked(o)
			}
		}
		return
	}
	if m.attached && h.driver != nil && !m.isEchoLocked(p) {
		m.attached = false
		h.refreshLocked(nil) // presenters count who browses
	}
}

// RequestControl implements session.Presence. When nobody drives, a presenter
// takes control at once; otherwise the request waits for the driver's
// HandOff. Followers cannot drive and are told so.
func (m *Member) RequestControl() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left || m == h.driver {
		return
	}
	notes := map[*Member]string{}
	switch {
	case m.role != session.RolePresenter:
		notes[m] = "only presenters can take control"
	case h.driver == nil:
		h.promoteLocked(m)
		notes[m] = "you are presenting"
		h.noteAllBut(notes, m, m.name+" is presenting")
	default:
		if !contains(h.requests, m) {
			h.requests = append(h.requests, m)
		}
		notes[m] = "asked " + h.driver.name + " for control"
		notes[h.driver] = m.name + " asks for control"
	}
	h.refreshLocked(notes)
}

// HandOff implements session.Presence: the driver gives control to the presenter
// who asked longest ago, and becomes an attached presenter itself.
func (m *Member) HandOff() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left {
		return
	}
	notes := map[*Member]string{}
	switch {
	case m != h.driver:
		notes[m] = "you are not presenting"
	case len(h.requests) == 0:
		notes[m] = "nobody asked for control"
	default:
		next := h.requests[0]
		h.promoteLocked(next)
		m.attached = true
		notes[next] = m.name + " handed you control"
		h.noteAllBut(notes, next, next.name+" is presenting")
	}
	h.refreshLocked(notes)
}

// Follow implements session.Presence: re-attach and jump to the driver's place.
func (m *Member) Follow() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left || m == h.driver {
		return
	}
	was := m.attached
	m.attached = true
	if h.driver == nil {
		h.refreshLocked(map[*Member]string{m: "nobody is presenting; you will follow when someone does"})
		return
	}
	h.sendFollowLocked(m)
	if !was {
		h.refreshLocked(nil)
	}
}

// Leave removes the member. When the driver leaves, everyone is told, and
// nobody takes over without asking: the presenter who asked for control
// longest ago (if any) becomes the driver, since control was theirs to be
// handed next; otherwise nobody drives, followers stay where they are, and
// every presenter is told they may take control (RequestControl then
// promotes the first to ask at once). Leave stops Run and may be called
// more than once.
func (m *Member) Leave() {
	h := m.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if m.left {
		return
	}
	m.left = true
	m.box.close()
	h.members = remove(h.members, m)
	h.requests = remove(h.requests, m)
	notes := map[*Member]string{}
	if m == h.driver {
		h.driver = nil
		if len(h.requests) > 0 {
			next := h.requests[0]
			h.promoteLocked(next)
			notes[next] = m.name + " left; you asked for control, you are presenting"
			h.noteAllBut(notes, next, m.name+" left; "+next.name+" is presenting")
		} else {
			for _, o := range h.members {
				if o.role == session.RolePresenter {
					notes[o] = m.name + " left; nobody is presenting, you may take control"
				}
			}
			h.noteAllBut(notes, nil, m.name+" left; you stay where you are")
		}
	}
	h.refreshLocked(notes)
}

// promoteLocked makes m the driver. Where m is becomes the shared
// position: where it moved itself, if it did since it was last sent a
// position; else the shared position it was sent, which stays.
func (h *Hub) promoteLocked(m *Member) {
	h.driver = m
	h.requests = remove(h.requests, m)
	if m.hasPos && (m.own || !h.hasPos) {
		h.pos, h.hasPos = m.pos, true
	}
	for _, o := range h.members {
		if o != m && o.attached {
			h.sendFollowLocked(o)
		}
	}
}

// sendFollowLocked queues the shared position for m, if there is one.
func (h *Hub) sendFollowLocked(m *Member) {
	if h.driver == nil || !h.hasPos || m == h.driver {
		return
	}
	m.recent[m.nrecent%recentEchoes] = h.pos
	m.nrecent++
	m.own = false
	m.box.putFollow(session.FollowMsg{Position: h.pos, Presenter: h.driver.name, Stops: h.stops})
}

func (m *Member) isEchoLocked(p session.Position) bool {
	if m.hub.hasPos && p == m.hub.pos {
		return true
	}
	n := min(m.nrecent, recentEchoes)
	for i := range n {
		if m.recent[i] == p {
			return true
		}
	}
	return false
}

// refreshLocked queues a PresenceMsg for every member whose view of the
// presentation changed, or that has a note in notes.
func (h *Hub) refreshLocked(notes map[*Member]string) {
	var followers, browsing []string
	for _, o := range h.members {
		if o.role == session.RoleFollower {
			followers = append(followers, o.name)
			if !o.attached && h.driver != nil {
				browsing = append(browsing, o.name)
			}
		}
	}
	var requests []string
	for _, o := range h.requests {
		requests = append(requests, o.name)
	}
	presenter := ""
	if h.driver != nil {
		presenter = h.driver.name
	}
	for _, o := range h.members {
		msg := session.PresenceMsg{Role: o.role, Driving: o == h.driver, Presenter: presenter}
		if o.role == session.RolePresenter {
			msg.Followers, msg.Browsing = followers, browsing
		}
		if o == h.driver {
			msg.Requests = requests
		}
		note, hasNote := notes[o]
		if !hasNote && o.sentPres && samePresence(o.lastPres, msg) {
			continue
		}
		o.lastPres, o.sentPres = msg, true
		msg.Note = note
		o.box.putPresence(msg)
	}
}

// noteAllBut sets note for every member except skip, keeping notes already
// set.
func (h *Hub) noteAllBut(notes map[*Member]string, skip *Member, note string) {
	for _, o := range h.members {
		if o == skip {
			continue
		}
		if _, ok := notes[o]; !ok {
			notes[o] = note
		}
	}
}

// State is a snapshot of the presentation, for logs and tests.
type State struct {
	Driver      string // "" when nobody drives
	Members     int
	Attached    int // sessions other than the driver that follow it
	Requests    []string
	Position    session.Position
	HasPosition bool
}

// State returns a snapshot of the presentation.
func (h *Hub) State() State {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := State{Members: len(h.members), Position: h.pos, HasPosition: h.hasPos}
	if h.driver != nil {
		s.Driver = h.driver.name
	}
	for _, o := range h.members {
		if o != h.driver && o.attached {
			s.Attached++
		}
	}
	for _, o := range h.requests {
		s.Requests = append(s.Requests, o.name)
	}
	return s
}

// String describes the snapshot in one line.
func (s State) String() string {
	return fmt.Sprintf("driver=%q members=%d attached=%d requests=%v", s.Driver, s.Members, s.Attached, s.Requests)
}

func samePresence(a, b session.PresenceMsg) bool {
	return a.Role == b.Role && a.Driving == b.Driving && a.Presenter == b.Presenter &&
		equalStrings(a.Followers, b.Followers) && equalStrings(a.Browsing, b.Browsing) && equalStrings(a.Requests, b.Requests)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func contains(ms []*Member, m *Member) bool {
	for _, o := range ms {
		if o == m {
			return true
		}
	}
	return false
}

func remove(ms []*Member, m *Member) []*Member {
	for i, o := range ms {
		if o == m {
			return append(ms[:i:i], ms[i+1:]...)
		}
	}
	return ms
}
