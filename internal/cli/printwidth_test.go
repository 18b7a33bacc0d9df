package cli

import (
	"errors"
	"testing"
)

// TestPrintWidth: through a pipe, print takes $COLUMNS, then the
// controlling terminal's width, else 80.
func TestPrintWidth(t *testing.T) {
	env := func(cols string) func(string) string {
		return func(k string) string {
			if k == "COLUMNS" {
				return cols
			}
			return ""
		}
	}
	ctty := func(w int, err error) func() (int, error) { return func() (int, error) { return w, err } }
	none := errors.New("no terminal")
	cases := []struct {
		name string
		cols string
		tty  func() (int, error)
		want int
	}{
		{"COLUMNS", "120", ctty(100, nil), 120},
		{"controlling terminal", "", ctty(132, nil), 132},
		{"bad COLUMNS", "wide", ctty(90, nil), 90},
		{"nothing", "", ctty(0, none), 80},
	}
	for _, tc := range cases {
		if got := printWidth(false, 0, env(tc.cols), tc.tty); got != tc.want {
			t.Errorf("%s: width %d, want %d", tc.name, got, tc.want)
		}
	}
}
