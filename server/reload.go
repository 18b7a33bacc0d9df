package server

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/session"
)

// Reloading (serve --watch): the server holds the current version of the
// dossier, which every session that starts reads, and hands each new
// version to the sessions already open through a mailbox of one message
// per session, so that a session whose client stopped reading never holds
// up the others, and skips straight to the latest version when it reads
// again.

// reloadBox is a session's mailbox for reload messages: the latest new
// version and the latest failure, each replacing an older one that was not
// yet delivered. A new version clears a waiting failure (its ReloadMsg
// clears the banner); a failure leaves a waiting version, which is
// delivered first.
type reloadBox struct {
	mu     sync.Mutex
	reload *session.ReloadMsg
	failed *session.ReloadFailedMsg
	ready  chan struct{} // one token while something waits
}

func newReloadBox() *reloadBox { return &reloadBox{ready: make(chan struct{}, 1)} }

func (b *reloadBox) put(msg tea.Msg) {
	b.mu.Lock()
	switch msg := msg.(type) {
	case session.ReloadMsg:
		b.reload, b.failed = &msg, nil
	case session.ReloadFailedMsg:
		b.failed = &msg
	}
	b.mu.Unlock()
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

// take returns what waits, in the order it must be delivered.
func (b *reloadBox) take() []tea.Msg {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []tea.Msg
	if b.reload != nil {
		out = append(out, *b.reload)
	}
	if b.failed != nil {
		out = append(out, *b.failed)
	}
	b.reload, b.failed = nil, nil
	return out
}

// run gives waiting messages to the program until done is closed. Send
// returns at once once the program has ended.
func (b *reloadBox) run(p *tea.Program, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-b.ready:
			for _, msg := range b.take() {
				p.Send(msg)
			}
		}
	}
}

// reloads is the server's reload state, guarded by Server.mu.
type reloads struct {
	boxes  map[*reloadBox]bool
	failed *session.ReloadFailedMsg // the latest version on disk has errors
}

// joinReloads registers a starting session: it returns the version the
// session must show and its mailbox, holding the banner when the version on
// disk has errors. leave unregisters it.
func (s *Server) joinReloads() (d *dossier.Dossier, box *reloadBox, leave func()) {
	box = newReloadBox()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reload.boxes == nil {
		s.reload.boxes = map[*reloadBox]bool{}
	}
	s.reload.boxes[box] = true
	if s.reload.failed != nil {
		box.put(*s.reload.failed)
	}
	return s.dossier, box, func() {
		s.mu.Lock()
		delete(s.reload.boxes, box)
		s.mu.Unlock()
	}
}

// Reloaded serves a new version of the dossier: sessions that start from
// now on read d, and every open session is sent a session.ReloadMsg and shows d
// where it was. The presented briefing keeps its id; its number of stops
// follows the new version. Nothing is released by hand: what the sessions
// derived from an old version (its renders, search index, filtered
// versions) is keyed by content or held weakly, and goes when the last
// session lets go of the version.
func (s *Server) Reloaded(d *dossier.Dossier) {
	if d == nil {
		return
	}
	s.mu.Lock()
	if d == s.dossier {
		s.mu.Unlock()
		return
	}
	s.dossier, s.reload.failed = d, nil
	for box := range s.reload.boxes {
		box.put(session.ReloadMsg{Dossier: d})
	}
	s.mu.Unlock()
	if s.hub != nil && s.briefing != "" {
		stops := 0
		if b, err := pickBriefing(d, s.briefing); err == nil && b != nil {
			stops = len(b.Stops)
		}
		s.hub.SetStops(stops)
	}
}

// ReloadFailed tells every open session, and every session that starts
// before the next Reloaded, that the dossier on disk has errors: they keep
// the version they show, under a banner naming the first error.
func (s *Server) ReloadFailed(probs dossier.Problems) {
	msg := session.ReloadFailedMsg{Problems: probs}
	s.mu.Lock()
	s.reload.failed = &msg
	for box := range s.reload.boxes {
		box.put(msg)
	}
	s.mu.Unlock()
}
