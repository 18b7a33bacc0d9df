package ui

import (
	"testing"
)

func TestNavigate(t *testing.T) {
	b := Bounds{Topics: 3, Lines: 100, Height: 20, RowStarts: []int{0, 10, 25, 40, 70}}
	synced := Nav{Sync: true}
	free := Nav{Sync: false}
	tests := []struct {
		name string
		from Nav
		keys []string
		b    Bounds
		want Nav
	}{
		{"j moves both", synced, []string{"j"}, b, Nav{Sync: true, Offset: [2]int{1, 1}}},
		{"down arrow", synced, []string{"down", "down"}, b, Nav{Sync: true, Offset: [2]int{2, 2}}},
		{"k at top stays", synced, []string{"k"}, b, synced},
		{"page down is height-1", synced, []string{"pgdown"}, b, Nav{Sync: true, Offset: [2]int{19, 19}, Row: 1}},
		{"space pages", synced, []string{"space", "space"}, b, Nav{Sync: true, Offset: [2]int{38, 38}, Row: 2}},
		{"b pages up", Nav{Sync: true, Offset: [2]int{50, 50}}, []string{"b"}, b, Nav{Sync: true, Offset: [2]int{31, 31}, Row: 2}},
		{"G to the bottom", synced, []string{"G"}, b, Nav{Sync: true, Offset: [2]int{80, 80}, Row: 4}},
		{"j at the bottom stays", Nav{Sync: true, Offset: [2]int{80, 80}, Row: 4}, []string{"j"}, b, Nav{Sync: true, Offset: [2]int{80, 80}, Row: 4}},
		{"g to the top", Nav{Sync: true, Offset: [2]int{33, 33}}, []string{"g"}, b, synced},
		{"short content never scrolls", synced, []string{"G", "j"}, Bounds{Topics: 1, Lines: 5, Height: 20}, synced},
		{"next topic resets scroll", Nav{Sync: true, Offset: [2]int{12, 12}}, []string{"]"}, b, Nav{Sync: true, Topic: 1}},
		{"next at the last topic stays", Nav{Sync: true, Topic: 2, Offset: [2]int{4, 4}}, []string{"]"}, b, Nav{Sync: true, Topic: 2, Offset: [2]int{4, 4}}},
		{"previous at the first stays", Nav{Sync: true, Offset: [2]int{4, 4}}, []string{"["}, b, Nav{Sync: true, Offset: [2]int{4, 4}}},
		{"previous topic", Nav{Sync: true, Topic: 2}, []string{"[", "["}, b, Nav{Sync: true}},
		{"free: j moves the focused pane only", free, []string{"j", "j"}, b, Nav{Offset: [2]int{2, 0}}},
		{"free: tab then j moves the right", free, []string{"tab", "j"}, b, Nav{Focus: FocusRight, Offset: [2]int{0, 1}}},
		{"tab twice comes back", synced, []string{"tab", "tab"}, b, synced},
		{"s frees", synced, []string{"s"}, b, free},
		{"s back re-aligns on the focused pane's claim", Nav{Offset: [2]int{30, 3}}, []string{"s"}, b, Nav{Sync: true, Offset: [2]int{25, 25}, Row: 2}},
		{"s back on the right pane's claim", Nav{Focus: FocusRight, Offset: [2]int{30, 12}}, []string{"s"}, b, Nav{Sync: true, Focus: FocusRight, Offset: [2]int{10, 10}, Row: 1}},
		{"s back on a row start keeps it", Nav{Offset: [2]int{40, 0}}, []string{"s"}, b, Nav{Sync: true, Offset: [2]int{40, 40}, Row: 3}},
		{"s back past the last row start", Nav{Offset: [2]int{78, 0}}, []string{"s"}, b, Nav{Sync: true, Offset: [2]int{70, 70}, Row: 4}},
		{"} brings the next claim to the top", synced, []string{"}"}, b, Nav{Sync: true, Offset: [2]int{10, 10}, Row: 1}},
		{"} twice", synced, []string{"}", "}"}, b, Nav{Sync: true, Offset: [2]int{25, 25}, Row: 2}},
		{"} at the end moves the current row only", synced, []string{"}", "}", "}", "}"}, b, Nav{Sync: true, Offset: [2]int{70, 70}, Row: 4}},
		{"} past the last row stays", Nav{Sync: true, Offset: [2]int{80, 80}, Row: 4}, []string{"}"}, b, Nav{Sync: true, Offset: [2]int{80, 80}, Row: 4}},
		{"} when everything fits: row moves, no scroll", synced, []string{"}", "}"}, Bounds{Topics: 1, Lines: 15, Height: 20, RowStarts: []int{0, 5, 9}}, Nav{Sync: true, Row: 2}},
		{"{ goes back", Nav{Sync: true, Offset: [2]int{25, 25}, Row: 2}, []string{"{"}, b, Nav{Sync: true, Offset: [2]int{10, 10}, Row: 1}},
		{"{ at the first row stays", synced, []string{"{"}, b, synced},
		{"j after } at the end follows the top again", Nav{Sync: true, Offset: [2]int{80, 80}, Row: 4}, []string{"k"}, b, Nav{Sync: true, Offset: [2]int{79, 79}, Row: 4}},
		{"free: } scrolls the focused pane only", free, []string{"}"}, b, Nav{Offset: [2]int{10, 0}, Row: 1}},
		{"no topics: ] does nothing", synced, []string{"]"}, Bounds{Height: 20}, synced},
		{"zero height pages by one", synced, []string{"pgdown"}, Bounds{Topics: 1, Lines: 10, Height: 0}, Nav{Sync: true, Offset: [2]int{1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.from
			for _, k := range tt.keys {
				var ok bool
				s, ok = Navigate(s, DefaultKeyMap(), keyMsg(k), tt.b)
				if !ok {
					t.Fatalf("%q is not a navigation key", k)
				}
			}
			if s != tt.want {
				t.Errorf("after %v from %+v: %+v, want %+v", tt.keys, tt.from, s, tt.want)
			}
		})
	}
}

func TestNavigateIgnoresOtherKeys(t *testing.T) {
	for _, k := range []string{"q", "t", "a", "x", "?", "/", "1", "enter", "esc", "f"} {
		if _, ok := Navigate(Nav{}, DefaultKeyMap(), keyMsg(k), Bounds{}); ok {
			t.Errorf("%q was taken as a navigation key", k)
		}
	}
}

// TestStepKeepsOffsetsInRange throws every action at many states and checks
// the invariants Step promises.
func TestStepKeepsOffsetsInRange(t *testing.T) {
	kinds := []ActionKind{ActScroll, ActPageDown, ActPageUp, ActTop, ActBottom, ActNextTopic, ActPrevTopic,
		ActToggleSync, ActFocusNext, ActFocus, ActNextClaim, ActPrevClaim, ActSelectLine}
	for _, b := range []Bounds{
		{Topics: 0}, {Topics: 1, Lines: 3, Height: 10}, {Topics: 5, Lines: 200, Height: 7, RowStarts: []int{0, 50, 51, 199}},
	} {
		for _, sync := range []bool{true, false} {
			s := Nav{Sync: sync}
			for i := 0; i < 500; i++ {
				a := Action{Kind: kinds[(i*7)%len(kinds)], N: (i%13 - 6) * 5}
				s = Step(s, a, b)
				hi := max(0, b.Lines-b.Height)
				for side, o := range s.Offset {
					if o < 0 || o > hi {
						t.Fatalf("%v after %v: offset %d of side %d outside [0,%d]", b, a, o, side, hi)
					}
				}
				if s.Sync && s.Offset[0] != s.Offset[1] {
					t.Fatalf("synchronised panes apart: %v", s.Offset)
				}
				if s.Row < 0 || (len(b.RowStarts) > 0 && s.Row >= len(b.RowStarts)) {
					t.Fatalf("row %d outside %d rows", s.Row, len(b.RowStarts))
				}
				if s.Topic < 0 || (b.Topics > 0 && s.Topic >= b.Topics) {
					t.Fatalf("topic %d outside %d topics", s.Topic, b.Topics)
				}
			}
		}
	}
}

func TestFocusString(t *testing.T) {
	if FocusLeft.String() != "left" || FocusRight.String() != "right" || Focus(7).String() != "unknown" {
		t.Errorf("Focus.String: %q %q %q", FocusLeft, FocusRight, Focus(7))
	}
	if ActToggleSync.String() != "toggle-sync" {
		t.Errorf("ActToggleSync.String() = %q", ActToggleSync)
	}
}
