package server

// A stand-in for the real reader (ui.New), for tests only: it shows who it
// is and where, obeys FollowMsg, and reports its moves to the hub the way the
// reader does. Keys: → next stop (moves), x browse on its own, f follow,
// r request control, h hand off, ! panic, q quit.

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/ui"
)

type fakeReader struct {
	s         Session
	topic     string
	stop      int
	note      string
	presenter string
	w, h      int
}

func newFakeReader(s Session) tea.Model { return &fakeReader{s: s, topic: "start", stop: -1} }

func (m *fakeReader) Init() tea.Cmd { return nil }

func (m *fakeReader) moved() {
	if m.s.Presence != nil {
		m.s.Presence.Moved(ui.Position{View: "compare", Topic: m.topic, Stop: m.stop})
	}
}

func (m *fakeReader) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q":
			return m, tea.Quit
		case "right":
			m.stop++
			m.topic = fmt.Sprintf("topic-%d", m.stop)
			m.moved()
		case "x":
			m.topic, m.stop = "own-browsing", -1
			m.moved()
		case "f":
			m.s.Presence.Follow()
		case "r":
			m.s.Presence.RequestControl()
		case "h":
			m.s.Presence.HandOff()
		case "!":
			panic("fake reader panic")
		}
	case ui.FollowMsg:
		m.topic, m.stop, m.presenter = msg.Position.Topic, msg.Position.Stop, msg.Presenter
		m.moved()
	case ui.ReloadMsg:
		m.s.Dossier = msg.Dossier
	case ui.PresenceMsg:
		m.presenter = msg.Presenter
		if msg.Note != "" {
			m.note = msg.Note
		}
	}
	return m, nil
}

func (m *fakeReader) View() tea.View {
	lines := []string{
		"FAKE READER",
		fmt.Sprintf("user=%s role=%s", m.s.Name, m.s.Role),
		fmt.Sprintf("topic=%s.", m.topic),
		fmt.Sprintf("presenter=%s.", m.presenter),
		fmt.Sprintf("note=%s.", m.note),
		fmt.Sprintf("size=%dx%d.", m.w, m.h),
		fmt.Sprintf("dossier=%s.", m.s.Dossier.Title),
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	return v
}
