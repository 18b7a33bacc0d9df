// Package session holds the plain types that describe one reading session
// to the packages around the reader: its part in a presentation (Role), where
// it is (Position), the colour style it renders in (Style), and the messages a
// presentation hub or a file watcher sends it. It is a leaf: it imports only
// the domain (dossier), so the presentation hub (present), the SSH server
// (server) and the settings file (config) can speak to the reader (ui)
// without importing it, and without pulling in glamour.
//
// The reader re-exports these names (ui.Role, ui.FollowMsg, …); both spellings
// are the same types.
package session

// Role is a session's part in a presentation.
type Role int

// Roles.
const (
	RoleAlone     Role = iota // no presentation: a plain reader
	RoleFollower              // follows the driving presenter
	RolePresenter             // may drive; sees presenter notes
)

var roleNames = [...]string{"alone", "follower", "presenter"}

// String returns "alone", "follower" or "presenter".
func (r Role) String() string {
	if int(r) >= 0 && int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// Position is what a presenter shares: where the reader is, not what it
// looks like. Each follower renders it at its own size and colours.
type Position struct {
	View     string    // one of dossier.Views: "overview", "compare", "days", …
	Topic    string    // topic id
	Day      string    // day id
	Accounts [2]string // account ids, left and right
	// Third is the id of a third account shown beside them, "" for two.
	Third  string
	Anchor string // id of the claim (or row key) at the top of the panes
	// Stop is the index of the briefing stop the presenter last went to
	// (they may have navigated on from it since); -1 before the first.
	Stop int
}

// Presence links one reader session to a presentation hub. Implementations
// must be safe for concurrent use and must never block the caller (the
// reader calls them from Update).
type Presence interface {
	// Moved reports the session's new position; the hub forwards it to
	// followers only when this session is the driving presenter.
	Moved(Position)
	// RequestControl asks the driving presenter for control.
	RequestControl()
	// HandOff gives control to the presenter who asked for it longest ago.
	HandOff()
	// Follow re-attaches a follower that browsed on its own; the hub answers
	// with a FollowMsg carrying the current position.
	Follow()
}

// FollowMsg is sent by the hub to a following session: show this position.
type FollowMsg struct {
	Position  Position
	Presenter string // display name of the driving presenter
	Stops     int    // number of stops in the briefing
}

// PresenceMsg is sent by the hub whenever the presentation changes shape:
// roles, who drives, who follows, who asks for control.
type PresenceMsg struct {
	Role      Role
	Driving   bool     // this session drives
	Presenter string   // the driving presenter's name, "" when none
	Followers []string // names of the followers, for presenters
	Browsing  []string // of the Followers, those browsing on their own (not following now)
	Requests  []string // presenters asking for control, for the driver
	Note      string   // one-line notice to show ("alice left; you stay where you are")
}
