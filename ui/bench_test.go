package ui

import (
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dossier-dev/dossier/render"
)

// run executes a Cmd the way Bubble Tea would, one level deep: every
// message it yields goes to Update, and the Cmds those return (prefetching
// neighbouring topics, which a program runs concurrently, off the key
// path) are dropped.
func run(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(m, c)
		}
	default:
		m.Update(msg)
	}
}

// newBench returns a reader on the embedded dossier at w×h whose first
// layout is in, sharing cache (nil: a fresh one).
func newBench(b *testing.B, cache *render.Cache, w, h int) *Model {
	dossiers(b)
	if cache == nil {
		cache = render.NewCache()
	}
	m := New(Options{Dossier: embedded, Cache: cache, Style: render.StyleDark, Width: w, Height: h})
	run(m, m.Init())
	return m
}

// BenchmarkFirstFrame is a new session's first full frame at 120x40: the
// model, the first topic's layout, the View. Cold renders the topic with
// glamour; shared-cache is a second SSH session on a server that already
// rendered it.
func BenchmarkFirstFrame(b *testing.B) {
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			m := newBench(b, nil, 120, 40)
			_ = m.View()
		}
	})
	b.Run("shared-cache", func(b *testing.B) {
		cache := render.NewCache()
		newBench(b, cache, 120, 40)
		for b.Loop() {
			m := newBench(b, cache, 120, 40)
			_ = m.View()
		}
	})
}

// BenchmarkScrollStep is one synchronised scroll step: Update with j (or k
// at the bottom) and the View that follows.
func BenchmarkScrollStep(b *testing.B) {
	for _, sz := range [][2]int{{120, 40}, {240, 60}} {
		b.Run(sizeName(sz), func(b *testing.B) {
			m := newBench(b, nil, sz[0], sz[1])
			run(m, func() tea.Msg { return TopicChosenMsg{Index: longest(embedded)} })
			down, up := keyMsg("j"), keyMsg("k")
			dir := down
			b.ReportAllocs()
			for b.Loop() {
				cv := m.views[ViewCompare].(*compareView)
				if o := cv.nav.Offset[0]; o >= maxOffset(cv.bounds()) {
					dir = up
				} else if o == 0 {
					dir = down
				}
				_, cmd := m.Update(dir)
				run(m, cmd)
				_ = m.View()
			}
		})
	}
}

// BenchmarkTopicSwitch is ] (or [ at the end) with the neighbouring topic
// already rendered (as the reader prefetches it), and the View.
func BenchmarkTopicSwitch(b *testing.B) {
	m := newBench(b, nil, 120, 40)
	n := len(embedded.Topics)
	for i := 0; i < n; i++ { // warm every topic, as prefetching would
		run(m, func() tea.Msg { return TopicChosenMsg{Index: i} })
	}
	next, prev := keyMsg("]"), keyMsg("[")
	dir := next
	b.ReportAllocs()
	for b.Loop() {
		cv := m.views[ViewCompare].(*compareView)
		if cv.nav.Topic == n-1 {
			dir = prev
		} else if cv.nav.Topic == 0 {
			dir = next
		}
		_, cmd := m.Update(dir)
		run(m, cmd)
		_ = m.View()
	}
}

// BenchmarkResize is a re-layout after a resize between 120 and 200
// columns and the first frame at the new size. Cached: both widths were
// rendered before (the key path only re-slices); cold: every resize renders
// the topic for the new width with glamour (in a Cmd, off the key path in a
// real program).
func BenchmarkResize(b *testing.B) {
	sizes := []tea.WindowSizeMsg{{Width: 200, Height: 60}, {Width: 120, Height: 40}}
	b.Run("cached", func(b *testing.B) {
		m := newBench(b, nil, 120, 40)
		for _, s := range sizes {
			_, cmd := m.Update(s)
			run(m, cmd)
		}
		i := 0
		for b.Loop() {
			_, cmd := m.Update(sizes[i%2])
			run(m, cmd)
			_ = m.View()
			i++
		}
	})
	b.Run("cold", func(b *testing.B) {
		i := 0
		m := newBench(b, nil, 120, 40)
		for b.Loop() {
			b.StopTimer()
			m.c.Cache = render.NewCache()
			b.StartTimer()
			_, cmd := m.Update(sizes[i%2])
			run(m, cmd)
			_ = m.View()
			i++
		}
	})
	b.Run("first-frame", func(b *testing.B) {
		// the frame drawn right after the resize, before the new layout
		// arrives: the old layout cut to the new width
		i := 0
		m := newBench(b, nil, 120, 40)
		for b.Loop() {
			m.Update(sizes[i%2]) // the render Cmd is not run
			_ = m.View()
			i++
		}
	})
}

func sizeName(sz [2]int) string {
	return strconv.Itoa(sz[0]) + "x" + strconv.Itoa(sz[1])
}
