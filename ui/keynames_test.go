package ui

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestNamedCoversKeyMap checks that every binding but Views has a name, so
// that a binding added to KeyMap cannot be forgotten by the config file.
func TestNamedCoversKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	named := k.Named()
	byAddr := map[*key.Binding]string{}
	for n, b := range named {
		byAddr[b] = n
	}
	v := reflect.ValueOf(&k).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if f.Name == "Views" {
			continue
		}
		if _, ok := byAddr[v.Field(i).Addr().Interface().(*key.Binding)]; !ok {
			t.Errorf("KeyMap.%s has no name in Named", f.Name)
		}
	}
	if len(named) != v.NumField()-1 {
		t.Errorf("%d names for %d bindings", len(named), v.NumField()-1)
	}
}
