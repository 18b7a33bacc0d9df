package weakmemo

import (
	"runtime"
	"testing"
	"weak"
)

type obj struct{ name string }

// An object's value is made once, shared, and dropped with the object.
func TestValuesGoWithTheirObject(t *testing.T) {
	var m Map[obj, *string]
	made := 0
	mk := func() *string { made++; s := "derived"; return &s }
	a := &obj{"a"}
	v1 := m.Get(a, mk)
	v2 := m.Get(a, mk)
	if v1 != v2 || made != 1 {
		t.Fatalf("made %d times, same value %v", made, v1 == v2)
	}
	b := &obj{"b"}
	m.Get(b, mk)
	if m.Len() != 2 {
		t.Fatalf("len %d, want 2", m.Len())
	}
	wa := weak.Make(a)
	runtime.KeepAlive(a)
	a = nil
	runtime.GC()
	if wa.Value() != nil {
		t.Fatal("the map keeps its object alive")
	}
	// the cleanup runs on its own goroutine after the collection
	for i := 0; i < 1000 && m.Len() > 1; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if m.Len() != 1 {
		t.Fatalf("len %d after a was collected, want 1", m.Len())
	}
	if m.Get(b, mk); made != 2 {
		t.Fatalf("b's value made again")
	}
	runtime.KeepAlive(b)
}
