// Package weakmemo keeps values derived from an object for as long as the
// object is in use, and no longer. The object is held by a weak pointer;
// when the garbage collector reclaims it, its entry goes too. It is how what
// is derived from a *dossier.Dossier (its search index, its filtered
// versions) is shared between sessions without anyone having to release it
// when a reload replaces the dossier.
package weakmemo

import (
	"runtime"
	"sync"
	"weak"
)

// Map maps objects of type K, by pointer, to values of type V. The zero Map
// is empty and ready to use; it is safe for concurrent use and must not be
// copied.
//
// A value must not point back to its object (directly or through anything
// it holds): the map holds values strongly, so such an object would never
// be reclaimed.
type Map[K, V any] struct {
	mu      sync.Mutex
	m       map[weak.Pointer[K]]V
	dropped func(V)
}

// OnDrop makes f be called with the value of each object collected from
// now on, after its entry is gone (on the runtime's cleanup goroutine: f
// must not block for long).
func (m *Map[K, V]) OnDrop(f func(V)) {
	m.mu.Lock()
	m.dropped = f
	m.mu.Unlock()
}

// Get returns the value for k, calling make to create it on first use. make
// runs under the map's lock, so each value is made once, however many
// goroutines ask for it at the same time. A nil k is never stored.
func (m *Map[K, V]) Get(k *K, make func() V) V {
	if k == nil {
		return make()
	}
	wp := weak.Make(k)
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[wp]; ok {
		return v
	}
	v := make()
	if m.m == nil {
		m.m = map[weak.Pointer[K]]V{}
	}
	m.m[wp] = v
	runtime.AddCleanup(k, m.drop, wp)
	return v
}

// drop forgets the value of an object the collector reclaimed.
func (m *Map[K, V]) drop(wp weak.Pointer[K]) {
	m.mu.Lock()
	v, ok := m.m[wp]
	delete(m.m, wp)
	f := m.dropped
	m.mu.Unlock()
	if ok && f != nil {
		f(v)
	}
}

// Len returns the number of objects with a value, for tests.
func (m *Map[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}
