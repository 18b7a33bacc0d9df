package suggest

import "testing"

func TestClosest(t *testing.T) {
	for _, tt := range []struct {
		s     string
		cands []string
		want  string
	}{
		{"dawn-1027", []string{"tolo-1028", "dawn-2025-10-27"}, "dawn-2025-10-27"},
		{"acepted", []string{"rejected", "accepted"}, "accepted"},
		{"stlye", []string{"accounts", "style", "mouse"}, "style"},
		{"qiut", []string{"next-topic", "quit", "swap"}, "quit"},
		{"pgdwn", []string{"pgup", "pgdown"}, "pgdown"},
		{"Downstrem", []string{"Upstream", "Downstream"}, "Downstream"},
		{"s1", []string{"s2", "s3"}, "s2"}, // ties: the earlier
		{"zzzzzz", []string{"style", "mouse"}, ""},
		{"x", []string{"x"}, ""},
		{"ALPAH", []string{"Alpha"}, "Alpha"},
	} {
		if got := Closest(tt.s, tt.cands); got != tt.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tt.s, tt.cands, got, tt.want)
		}
	}
}
