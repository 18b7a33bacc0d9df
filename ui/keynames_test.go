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
	n := 0
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.Anonymous { // ViewKeys
				walk(v.Field(i))
				continue
			}
			if f.Name == "Views" {
				continue
			}
			n++
			if _, ok := byAddr[v.Field(i).Addr().Interface().(*key.Binding)]; !ok {
				t.Errorf("KeyMap.%s has no name in Named", f.Name)
			}
		}
	}
	walk(reflect.ValueOf(&k).Elem())
	if len(named) != n {
		t.Errorf("%d names for %d bindings", len(named), n)
	}
}
