package main

import "testing"

func TestNormalise(t *testing.T) {
	const fg, bg = "38;5;7", "48;5;0"
	for _, tc := range []struct{ in, want string }{
		// a default-colour reset (39, 49) becomes a full reset
		{"\x1b[38;5;141mA\x1b[39mB", "\x1b[0m\x1b[38;5;141mA\x1b[0mB\x1b[0m"},
		{"\x1b[48;2;1;2;3mA\x1b[49mB", "\x1b[0m\x1b[48;2;1;2;3mA\x1b[0mB\x1b[0m"},
		// bold and a colour in one sequence; 22 ends bold only
		{"\x1b[1;38;5;141mA\x1b[22mB", "\x1b[0m\x1b[1;38;5;141mA\x1b[0m\x1b[38;5;141mB\x1b[0m"},
		// reverse video swaps the colours, the defaults standing in
		{"\x1b[7mA", "\x1b[0m\x1b[38;5;0;48;5;7mA\x1b[0m"},
		{"\x1b[38;5;1;7mA", "\x1b[0m\x1b[38;5;0;48;5;1mA\x1b[0m"},
		// basic colours become 256-colour ones; lines end with a reset
		{"\x1b[31mA\nB", "\x1b[0m\x1b[38;5;1mA\x1b[0m\n\x1b[0m\x1b[38;5;1mB\x1b[0m"},
		// the same style twice is written once; other sequences are dropped
		{"\x1b[31mA\x1b[31mB\x1b[2J", "\x1b[0m\x1b[38;5;1mAB\x1b[0m"},
		{"é│▌", "\x1b[0mé│▌\x1b[0m"},
	} {
		if got := normalise(tc.in, fg, bg); got != tc.want {
			t.Errorf("normalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
