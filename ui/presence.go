package ui

// sess, not session: the tests have a type of that name.
import sess "github.com/dossier-dev/dossier/session"

// This file is the contract between the reader and a presentation hub (the
// SSH server's, or the local `dossier present`). The hub owns who drives and
// who follows; the reader only reports where it is and obeys FollowMsg. The
// types live in the leaf package session, so that the hub and the server
// need not import the reader; these are the same types under the reader's
// names.

// Role is a session's part in a presentation (session.Role).
type Role = sess.Role

// Roles.
const (
	RoleAlone     = sess.RoleAlone     // no presentation: a plain reader
	RoleFollower  = sess.RoleFollower  // follows the driving presenter
	RolePresenter = sess.RolePresenter // may drive; sees presenter notes
)

// Position is what a presenter shares (session.Position).
type Position = sess.Position

// Presence links one reader session to a presentation hub
// (session.Presence).
type Presence = sess.Presence

// FollowMsg is sent by the hub to a following session (session.FollowMsg).
type FollowMsg = sess.FollowMsg

// PresenceMsg is sent by the hub whenever the presentation changes shape
// (session.PresenceMsg).
type PresenceMsg = sess.PresenceMsg

// ReloadMsg tells the reader that its dossier was loaded again from disk
// (session.ReloadMsg).
type ReloadMsg = sess.ReloadMsg

// ReloadFailedMsg tells the reader that the dossier on disk has errors
// (session.ReloadFailedMsg).
type ReloadFailedMsg = sess.ReloadFailedMsg
