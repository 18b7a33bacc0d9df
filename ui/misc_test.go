package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/render"
)

// TestFirstFrameBeforeSize checks the frame drawn before the terminal has
// said its size (or anything else): 80x24, square, with the title.
func TestFirstFrameBeforeSize(t *testing.T) {
	dossiers(t)
	for _, d := range []*dossier.Dossier{embedded, nil, {}} {
		m := New(Options{Dossier: d})
		f := frame{content: m.View().Content, w: 80, h: 24, method: ansi.WcWidth}
		checkFrame(t, 0, f)
		if d == embedded && !contains("Pakistan", "rendering…")(f) {
			t.Errorf("first frame lacks the title or the rendering note:\n%s", strings.Join(f.lines(), "\n"))
		}
	}
}

// TestEveryViewAndOverlayAtManySizes draws every view and overlay of every
// test dossier at sizes from 1x1 up, checking each frame is square and
// carries only SGR escapes.
func TestEveryViewAndOverlayAtManySizes(t *testing.T) {
	dossiers(t)
	sizes := [][2]int{{1, 1}, {2, 3}, {39, 9}, {40, 10}, {41, 11}, {57, 17}, {79, 24}, {80, 24}, {81, 25}, {133, 41}, {240, 60}}
	keys := [][]string{nil, {"?"}, {"t"}, {"t", "z", "z", "z"}, {"a"}, {"a", "enter"}, {"enter"}, {"2"}, {"5"}, {"s", "tab", "j"}, {"/"}}
	for _, d := range []*dossier.Dossier{embedded, example, hostile} {
		for _, st := range []render.Style{render.StyleDark, render.StyleNoTTY} {
			for _, ks := range keys {
				m := New(Options{Dossier: d, Style: st, Width: 100, Height: 30})
				run(m, m.Init())
				for _, k := range ks {
					_, cmd := m.Update(keyMsg(k))
					run(m, cmd)
				}
				for i, sz := range sizes {
					_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					run(m, cmd)
					f := frame{content: m.View().Content, w: sz[0], h: sz[1], method: m.c.Method}
					checkFrame(t, i, f)
				}
			}
		}
	}
}

func TestMouse(t *testing.T) {
	dossiers(t)
	d := embedded
	s := start(t, d, 120, 40)
	s.goTo(d, longest(d))
	s.tm.Send(tea.MouseWheelMsg{X: 90, Y: 10, Button: tea.MouseWheelDown})
	s.waitFor("wheel down", func(f frame) bool { return f.nav.Offset == [2]int{wheelLines, wheelLines} })
	s.tm.Send(tea.MouseClickMsg{X: 90, Y: 20, Button: tea.MouseLeft})
	f := s.waitFor("right pane focused", func(f frame) bool { return f.nav.Focus == FocusRight })
	// line 20 of the screen is line 18 of the pane's content (header, top border)
	if want := rowAt(wheelLines+18, rowStarts(f.lay)); f.nav.Row != want {
		t.Errorf("click picked row %d, want %d", f.nav.Row, want)
	}
	s.press("s") // free scrolling: the wheel scrolls the pane under the pointer
	s.tm.Send(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	s.waitFor("left pane scrolled alone", func(f frame) bool {
		return f.nav.Focus == FocusLeft && f.nav.Offset[0] > f.nav.Offset[1]
	})
}

func TestBackgroundColour(t *testing.T) {
	dossiers(t)
	d := example
	s := start(t, d, 120, 40, func(o *Options) { o.Style = render.StyleAuto })
	s.waitFor("dark at first", func(f frame) bool { return ready(d, 0)(f) && f.lay.Style == render.StyleDark })
	s.tm.Send(tea.BackgroundColorMsg{Color: color.White})
	s.waitFor("re-rendered light", func(f frame) bool { return ready(d, 0)(f) && f.lay.Style == render.StyleLight })

	// a forced style ignores the terminal
	s2 := start(t, d, 120, 40, func(o *Options) { o.Style = render.StyleDark })
	s2.waitFor("dark", ready(d, 0))
	s2.tm.Send(tea.BackgroundColorMsg{Color: color.White})
	s2.press("j")
	f := s2.waitFor("a frame after", func(f frame) bool { return ready(d, 0)(f) })
	if f.lay.Style != render.StyleDark {
		t.Errorf("--style dark was overridden by the terminal's background")
	}

	// NO_COLOR wins over the background
	s3 := start(t, d, 120, 40, func(o *Options) { o.Style, o.NoColor = render.StyleAuto, true })
	s3.waitFor("notty", func(f frame) bool { return ready(d, 0)(f) && f.lay.Style == render.StyleNoTTY })
	s3.tm.Send(tea.BackgroundColorMsg{Color: color.White})
	s3.press("j")
	f = s3.waitFor("a frame after", ready(d, 0))
	if f.lay.Style != render.StyleNoTTY || strings.Contains(f.content, "38;") {
		t.Errorf("NO_COLOR: style %v, colour escapes present: %v", f.lay.Style, strings.Contains(f.content, "38;"))
	}
}

// TestLateLayoutDropped sends a layout rendered for another width: the
// view must not show it.
func TestLateLayoutDropped(t *testing.T) {
	dossiers(t)
	d := example
	m := New(Options{Dossier: d, Style: render.StyleDark, Width: 120, Height: 40})
	run(m, m.Init())
	cv := m.views[ViewCompare].(*compareView)
	good := cv.lay
	old := layoutReq{topic: d.Topics[0].ID, pair: cv.c.Pair, width: 30, style: render.StyleDark}
	late := render.NewCache().Compare(d, &d.Topics[0], cv.c.Pair, 30, render.StyleDark, 0)
	m.Update(LayoutMsg{req: old, layout: late})
	if cv.lay != good {
		t.Errorf("a layout for width 30 replaced the one for width %d", good.Width)
	}
	// a resize to 200 then back to 120 before the 200 render lands: the
	// 200 result is late
	_, cmd200 := m.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
	_, cmd120 := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	run(m, cmd120)
	run(m, cmd200)
	if cv.lay.Width != cv.textWidth() {
		t.Errorf("layout width %d after resizing back, want %d", cv.lay.Width, cv.textWidth())
	}
}
