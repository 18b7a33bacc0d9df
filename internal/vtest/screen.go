// Package vtest is a small terminal emulator for tests: it applies the bytes
// a Bubble Tea program writes (cursor movement, erasing, scrolling, insert
// and delete) to a grid of cells, so a test can ask what a user would see.
// It understands what the charm renderer emits for xterm-like terminals and
// ignores colours, modes it has no use for, and OSC/DCS/APC strings.
package vtest

import (
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// Screen is a terminal of a fixed size. It is safe for concurrent use: one
// goroutine may Write while another reads Lines.
type Screen struct {
	mu          sync.Mutex
	w, h        int
	cells       [][]string // "" is blank; a wide rune's second cell holds "\x00"
	x, y        int
	savedX      int
	savedY      int
	top, bottom int // scroll region, inclusive
	insert      bool
	last        string // last printed grapheme, for REP
	pending     bool   // cursor sits past the last column (deferred wrap)
	state       byte
	p           *ansi.Parser
	buf         []byte // an incomplete sequence kept for the next Write
}

// New returns a blank w x h screen.
func New(w, h int) *Screen {
	s := &Screen{w: w, h: h, p: ansi.NewParser()}
	s.p.SetParamsSize(32)
	s.p.SetDataSize(1024)
	s.reset()
	return s
}

func (s *Screen) reset() {
	s.cells = make([][]string, s.h)
	for i := range s.cells {
		s.cells[i] = make([]string, s.w)
	}
	s.x, s.y, s.top, s.bottom = 0, 0, 0, s.h-1
}

// Write applies terminal output to the screen. It never fails.
func (s *Screen) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(b)
	data := append(s.buf, b...)
	s.buf = nil
	for len(data) > 0 {
		seq, width, m, st := ansi.DecodeSequence(data, s.state, s.p)
		if m == 0 {
			break
		}
		if st != ansi.NormalState && m == len(data) {
			// Incomplete sequence: keep it for the next Write.
			s.buf = append([]byte(nil), data...)
			break
		}
		s.state = st
		data = data[m:]
		s.apply(seq, width)
	}
	return n, nil
}

func (s *Screen) apply(seq []byte, width int) {
	if width > 0 {
		s.print(string(seq), width)
		return
	}
	if len(seq) == 1 {
		switch seq[0] {
		case '\r':
			s.x, s.pending = 0, false
		case '\n', '\v', '\f':
			s.lineFeed()
		case '\b':
			if s.x > 0 {
				s.x--
			}
			s.pending = false
		case '\t':
			s.x = min((s.x/8+1)*8, s.w-1)
		}
		return
	}
	if len(seq) < 2 || seq[0] != ansi.ESC {
		return
	}
	switch seq[1] {
	case '[':
		s.csi(ansi.Cmd(s.p.Command()))
	case '7':
		s.savedX, s.savedY = s.x, s.y
	case '8':
		s.x, s.y = s.savedX, s.savedY
	case 'M':
		if s.y == s.top {
			s.scrollDown(1)
		} else if s.y > 0 {
			s.y--
		}
	case 'D':
		s.lineFeed()
	case 'E':
		s.x = 0
		s.lineFeed()
	case 'c':
		s.reset()
	}
}

func (s *Screen) param(i, def int) int {
	v, _, _ := s.p.Params().Param(i, def)
	if v == 0 && def > 0 {
		return def
	}
	return v
}

func (s *Screen) csi(cmd ansi.Cmd) {
	n := s.param(0, 1)
	s.pending = false
	switch cmd.Prefix() {
	case '?':
		if cmd.Final() == 'h' || cmd.Final() == 'l' {
			s.p.Params().ForEach(0, func(_, p int, _ bool) {
				if p == 1049 || p == 47 || p == 1047 {
					s.clear(0, 0, s.w, s.h) // entering or leaving the alternate screen
				}
			})
		}
		return
	case 0:
	default:
		return
	}
	switch cmd.Final() {
	case 'A':
		s.y = max(s.y-n, 0)
	case 'B', 'e':
		s.y = min(s.y+n, s.h-1)
	case 'C', 'a':
		s.x = min(s.x+n, s.w-1)
	case 'D':
		s.x = max(s.x-n, 0)
	case 'E':
		s.x, s.y = 0, min(s.y+n, s.h-1)
	case 'F':
		s.x, s.y = 0, max(s.y-n, 0)
	case 'G', '`':
		s.x = clamp(n-1, s.w)
	case 'd':
		s.y = clamp(n-1, s.h)
	case 'H', 'f':
		s.y, s.x = clamp(s.param(0, 1)-1, s.h), clamp(s.param(1, 1)-1, s.w)
	case 'J':
		switch s.param(0, 0) {
		case 0:
			s.clear(s.x, s.y, s.w, s.y+1)
			s.clear(0, s.y+1, s.w, s.h)
		case 1:
			s.clear(0, 0, s.w, s.y)
			s.clear(0, s.y, s.x+1, s.y+1)
		default:
			s.clear(0, 0, s.w, s.h)
		}
	case 'K':
		switch s.param(0, 0) {
		case 0:
			s.clear(s.x, s.y, s.w, s.y+1)
		case 1:
			s.clear(0, s.y, s.x+1, s.y+1)
		default:
			s.clear(0, s.y, s.w, s.y+1)
		}
	case 'X':
		s.clear(s.x, s.y, min(s.x+n, s.w), s.y+1)
	case '@':
		row := s.cells[s.y]
		n = min(n, s.w-s.x)
		copy(row[s.x+n:], row[s.x:s.w-n])
		s.clear(s.x, s.y, s.x+n, s.y+1)
	case 'P':
		row := s.cells[s.y]
		n = min(n, s.w-s.x)
		copy(row[s.x:], row[s.x+n:])
		s.clear(s.w-n, s.y, s.w, s.y+1)
	case 'L':
		if s.y >= s.top && s.y <= s.bottom {
			s.shift(s.y, s.bottom, -n)
		}
	case 'M':
		if s.y >= s.top && s.y <= s.bottom {
			s.shift(s.y, s.bottom, n)
		}
	case 'S':
		s.shift(s.top, s.bottom, n)
	case 'T':
		s.scrollDown(n)
	case 'r':
		s.top, s.bottom = clamp(s.param(0, 1)-1, s.h), clamp(s.param(1, s.h)-1, s.h)
		if s.top >= s.bottom {
			s.top, s.bottom = 0, s.h-1
		}
		s.x, s.y = 0, 0
	case 'b':
		for range n {
			if s.last != "" {
				s.print(s.last, max(1, ansi.StringWidth(s.last)))
			}
		}
	case 'h', 'l':
		if s.param(0, 0) == 4 {
			s.insert = cmd.Final() == 'h'
		}
	}
}

func (s *Screen) print(g string, width int) {
	if s.pending {
		s.x, s.pending = 0, false
		s.lineFeed()
	}
	if s.x+width > s.w {
		s.x = 0
		s.lineFeed()
	}
	row := s.cells[s.y]
	if s.insert {
		copy(row[s.x+width:], row[s.x:s.w-width])
	}
	row[s.x] = g
	for i := 1; i < width && s.x+i < s.w; i++ {
		row[s.x+i] = "\x00"
	}
	s.last = g
	s.x += width
	if s.x >= s.w {
		s.x, s.pending = s.w-1, true
	}
}

func (s *Screen) lineFeed() {
	s.pending = false
	if s.y == s.bottom {
		s.shift(s.top, s.bottom, 1)
		return
	}
	s.y = min(s.y+1, s.h-1)
}

func (s *Screen) scrollDown(n int) { s.shift(s.top, s.bottom, -n) }

// shift moves rows top..bottom up by n (down when n < 0), blanking the rows
// that come in.
func (s *Screen) shift(top, bottom, n int) {
	for range abs(n) {
		if n > 0 {
			copy(s.cells[top:bottom+1], s.cells[top+1:bottom+1])
			s.cells[bottom] = make([]string, s.w)
		} else {
			copy(s.cells[top+1:bottom+1], s.cells[top:bottom])
			s.cells[top] = make([]string, s.w)
		}
	}
}

func (s *Screen) clear(x0, y0, x1, y1 int) {
	for y := max(y0, 0); y < min(y1, s.h); y++ {
		for x := max(x0, 0); x < min(x1, s.w); x++ {
			s.cells[y][x] = ""
		}
	}
}

// Lines returns the screen as text, one string per row, trailing blanks
// trimmed.
func (s *Screen) Lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, s.h)
	for y, row := range s.cells {
		var b strings.Builder
		for _, c := range row {
			switch c {
			case "":
				b.WriteByte(' ')
			case "\x00":
			default:
				b.WriteString(c)
			}
		}
		out[y] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// Line returns row y as text, trailing blanks trimmed; "" outside the
// screen. It is cheaper than Lines for a caller that watches one row.
func (s *Screen) Line(y int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if y < 0 || y >= s.h {
		return ""
	}
	var b strings.Builder
	for _, c := range s.cells[y] {
		switch c {
		case "":
			b.WriteByte(' ')
		case "\x00":
		default:
			b.WriteString(c)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// String returns the screen as text, rows joined by newlines.
func (s *Screen) String() string { return strings.Join(s.Lines(), "\n") }

// Contains reports whether sub appears on one row of the screen.
func (s *Screen) Contains(sub string) bool {
	for _, l := range s.Lines() {
		if strings.Contains(l, sub) {
			return true
		}
	}
	return false
}

func clamp(v, n int) int { return max(0, min(v, n-1)) }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
