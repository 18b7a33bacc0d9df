package server

import (
	"fmt"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/dossier-dev/dossier/content"
	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
	"github.com/dossier-dev/dossier/session"
	"github.com/dossier-dev/dossier/ui"
)

// ignoredByGroups are the messages of Bubble Tea's own commands that a
// frame group may drop (group.deliver says why), by type name.
var ignoredByGroups = map[string]bool{
	"tea.QuitMsg":            true,
	"tea.backgroundColorMsg": true, // the background query: newGroup sends the group's
}

// The frame loop (group.deliver) runs the reader's commands in place of a
// tea.Program. This drives the real reader through what a group's reader
// receives — the terminal's description, the presenter going to every view,
// presence changes, a reload and a failed one — runs every command it
// returns the way the loop does, and fails on a message of a Bubble Tea
// command the loop neither runs nor may ignore (a clipboard write, a line
// printed above the program, an exec, a terminal query…). When it fails,
// teach group.deliver to run the command, or keep it out of a follower's
// reader.
func TestFrameLoopRunsEveryCommandOfTheReader(t *testing.T) {
	d, probs := dossier.Load(content.Default())
	if d == nil {
		t.Fatal(probs.Err())
	}
	d2, _ := dossier.Load(content.Default())
	m := ui.New(ui.Options{Dossier: d, Cache: render.NewCache(), Width: 120, Height: 40,
		Role: session.RoleFollower, Presence: groupPresence{}})

	var pending []tea.Msg
	seen := map[string]bool{}
	var run func(cmd tea.Cmd)
	run = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		msg := cmd()
		if msg == nil {
			return
		}
		name := fmt.Sprintf("%T", msg)
		seen[name] = true
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				run(c)
			}
			return
		}
		if cmds, ok := sequence(msg); ok {
			for _, c := range cmds {
				run(c)
			}
			return
		}
		if reflect.TypeOf(msg).PkgPath() == teaPath {
			if !ignoredByGroups[name] {
				t.Errorf("the reader returned a %s, which a frame group does not run (server/frames.go group.deliver)", name)
			}
			return
		}
		pending = append(pending, msg)
	}
	steps := 0
	feed := func(msgs ...tea.Msg) {
		pending = append(pending, msgs...)
		for len(pending) > 0 {
			msg := pending[0]
			pending = pending[1:]
			_, cmd := m.Update(msg)
			run(cmd)
			if steps++; steps > 10_000 {
				t.Fatal("the reader's commands do not settle")
			}
		}
		m.View()
	}

	run(m.Init())
	feed(tea.ColorProfileMsg{Profile: colorprofile.TrueColor}, tea.WindowSizeMsg{Width: 120, Height: 40},
		tea.EnvMsg(nil), tea.BackgroundColorMsg{})
	feed(session.PresenceMsg{Role: session.RoleFollower, Presenter: "alice", Note: "alice presents"})
	pos := session.Position{Accounts: d.DefaultPair, Stop: -1}
	for _, view := range []string{"overview", "compare", "days", "delegations", "demands", "sources", "discrepancies"} {
		pos.View = view
		for i := range min(3, len(d.Topics)) {
			pos.Topic, pos.Anchor = d.Topics[i].ID, ""
			if len(d.Days) > i {
				pos.Day = d.Days[i].ID
			}
			feed(session.FollowMsg{Position: pos, Presenter: "alice", Stops: 3})
		}
	}
	feed(session.ReloadMsg{Dossier: d2})
	feed(session.ReloadFailedMsg{Problems: dossier.Problems{{Severity: dossier.SeverityError, Msg: "bad"}}})
	feed(session.PresenceMsg{Role: session.RoleFollower, Note: "alice left; you stay where you are"})
	if len(seen) == 0 {
		t.Fatal("the reader returned no command at all: the test drives nothing")
	}
	t.Logf("messages of the reader's commands: %v", seen)
}

// A tea.Sequence returned to a group runs its commands in order.
func TestFrameLoopRunsSequences(t *testing.T) {
	g := &group{msgs: make(chan tea.Msg, 8), quit: make(chan struct{})}
	type step int
	say := func(i int) tea.Cmd { return func() tea.Msg { return step(i) } }
	g.deliver(tea.Sequence(say(1), tea.Batch(say(2), nil), say(3))())
	for want := 1; want <= 3; want++ {
		if got := <-g.msgs; got != step(want) {
			t.Fatalf("message %d: got %v", want, got)
		}
	}
}
