package session

import "testing"

func TestNames(t *testing.T) {
	for _, r := range []Role{RoleAlone, RoleFollower, RolePresenter} {
		if r.String() == "unknown" {
			t.Errorf("role %d has no name", r)
		}
	}
	for _, s := range []Style{StyleAuto, StyleDark, StyleLight, StyleNoTTY} {
		got, err := ParseStyle(s.String())
		if err != nil || got != s {
			t.Errorf("ParseStyle(%q) = %v, %v", s.String(), got, err)
		}
	}
	if _, err := ParseStyle("sepia"); err == nil {
		t.Error("an unknown style was accepted")
	}
	if StyleAuto.Concrete() != StyleDark || Style(9).Concrete() != StyleDark || StyleLight.Concrete() != StyleLight {
		t.Error("Concrete does not read auto and unknown styles as dark")
	}
}
