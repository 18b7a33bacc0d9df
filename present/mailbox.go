package present

import (
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/dossier-dev/dossier/session"
)

// mailbox holds at most one pending FollowMsg and one pending PresenceMsg
// for a session. Putting never blocks: a newer message replaces one not yet
// delivered, so a session that stops reading holds two messages, not a
// growing queue.
type mailbox struct {
	mu       sync.Mutex
	follow   *session.FollowMsg
	presence *session.PresenceMsg
	wake     chan struct{} // capacity 1: "something is pending"
	done     chan struct{} // closed by close
	closed   bool
	dropped  uint64 // messages replaced before delivery, for tests and logs
}

func newMailbox() *mailbox {
	return &mailbox{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

func (b *mailbox) putFollow(m session.FollowMsg) {
	b.mu.Lock()
	if b.follow != nil {
		b.dropped++
	}
	b.follow = &m
	b.mu.Unlock()
	b.signal()
}

// putPresence replaces a pending PresenceMsg; a pending note survives a
// newer message without one, so "alice left" is not lost to a later refresh.
func (b *mailbox) putPresence(m session.PresenceMsg) {
	b.mu.Lock()
	if b.presence != nil {
		b.dropped++
		if m.Note == "" {
			m.Note = b.presence.Note
		}
	}
	b.presence = &m
	b.mu.Unlock()
	b.signal()
}

func (b *mailbox) signal() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// pop removes and returns one pending message, the PresenceMsg first. A
// message leaves the box only when it is about to be delivered, so one that
// waits behind a slow delivery can still be replaced by a newer one.
func (b *mailbox) pop() (tea.Msg, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.presence != nil {
		m := *b.presence
		b.presence = nil
		return m, true
	}
	if b.follow != nil {
		m := *b.follow
		b.follow = nil
		return m, true
	}
	return nil, false
}

func (b *mailbox) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// Run delivers the member's messages with send, one at a time, until Leave
// is called. send may block (a Bubble Tea program's Send waits for its event
// loop); only this member's delivery waits, never the hub. Run is meant to
// be started once per member, in its own goroutine.
func (m *Member) Run(send func(tea.Msg)) {
	b := m.box
	for {
		select {
		case <-b.done:
			return
		case <-b.wake:
		}
		for {
			select {
			case <-b.done:
				return
			default:
			}
			msg, ok := b.pop()
			if !ok {
				break
			}
			send(msg)
		}
	}
}

// Dropped returns how many of the member's messages were replaced by newer
// ones before delivery.
func (m *Member) Dropped() uint64 {
	m.box.mu.Lock()
	defer m.box.mu.Unlock()
	return m.box.dropped
}
