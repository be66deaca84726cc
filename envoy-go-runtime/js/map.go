package js

import (
	"iter"
	"math"
)

// Map is a JavaScript Map: insertion-ordered, keys compared by SameValueZero (NaN equals
// NaN, -0 equals 0). Entries added during iteration are visited; deleted ones are not.
type Map[K comparable, V any] struct {
	index     map[K]int
	entries   []mapEntry[K, V]
	size      int
	iterating int
}

type mapEntry[K comparable, V any] struct {
	key     K
	value   V
	deleted bool
}

// NewMap is new Map().
func NewMap[K comparable, V any]() *Map[K, V] {
	return &Map[K, V]{index: map[K]int{}}
}

// normalizeKey maps -0 to 0 so both find the same entry, and a string whose surrogate
// halves were joined by concatenation to the same bytes as the whole character (NaN keys
// are found by a scan: Go's map cannot find NaN).
func normalizeKey[K comparable](k K) (K, bool) {
	switch x := any(k).(type) {
	case float64:
		if x == 0 {
			return any(0.0).(K), false
		}
		if x != x {
			return k, true
		}
	case string:
		if hasSurrogateBytes(x) {
			return any(joinSurrogates(x)).(K), false
		}
	}
	return k, false
}

func (m *Map[K, V]) find(k K) (int, bool) {
	k, isNaN := normalizeKey(k)
	if isNaN {
		for i, e := range m.entries {
			if !e.deleted {
				if f, ok := any(e.key).(float64); ok && math.IsNaN(f) {
					return i, true
				}
			}
		}
		return 0, false
	}
	i, ok := m.index[k]
	return i, ok
}

// Get is m.get(k).
func (m *Map[K, V]) Get(k K) (V, bool) {
	if i, ok := m.find(k); ok {
		return m.entries[i].value, true
	}
	var zero V
	return zero, false
}

// Has is m.has(k).
func (m *Map[K, V]) Has(k K) bool {
	_, ok := m.find(k)
	return ok
}

// Set is m.set(k, v), returning m.
func (m *Map[K, V]) Set(k K, v V) *Map[K, V] {
	if i, ok := m.find(k); ok {
		m.entries[i].value = v
		return m
	}
	k, isNaN := normalizeKey(k)
	m.compact()
	if !isNaN {
		m.index[k] = len(m.entries)
	}
	m.entries = append(m.entries, mapEntry[K, V]{key: k, value: v})
	m.size++
	return m
}

// Delete is m.delete(k).
func (m *Map[K, V]) Delete(k K) bool {
	i, ok := m.find(k)
	if !ok {
		return false
	}
	var zero V
	m.entries[i].deleted, m.entries[i].value = true, zero
	delete(m.index, m.entries[i].key)
	m.size--
	return true
}

// Clear is m.clear().
func (m *Map[K, V]) Clear() {
	for i := range m.entries {
		m.Delete(m.entries[i].key)
	}
}

// Size is m.size.
func (m *Map[K, V]) Size() int { return m.size }

// compact drops deleted entries once they outnumber live ones, unless a loop is
// iterating (its position would shift).
func (m *Map[K, V]) compact() {
	if m.iterating > 0 || len(m.entries)-m.size <= m.size+8 {
		return
	}
	live := m.entries[:0]
	for _, e := range m.entries {
		if !e.deleted {
			live = append(live, e)
		}
	}
	clear(m.entries[len(live):])
	m.entries = live
	for i, e := range m.entries {
		if k, isNaN := normalizeKey(e.key); !isNaN {
			m.index[k] = i
		}
	}
}

// All iterates the entries in insertion order (for-of over m or m.entries()).
func (m *Map[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		m.iterating++
		defer func() { m.iterating-- }()
		for i := 0; i < len(m.entries); i++ {
			if e := m.entries[i]; !e.deleted && !yield(e.key, e.value) {
				return
			}
		}
	}
}

// Keys is m.keys().
func (m *Map[K, V]) Keys() iter.Seq[K] {
	return func(yield func(K) bool) {
		for k := range m.All() {
			if !yield(k) {
				return
			}
		}
	}
}

// Values is m.values().
func (m *Map[K, V]) Values() iter.Seq[V] {
	return func(yield func(V) bool) {
		for _, v := range m.All() {
			if !yield(v) {
				return
			}
		}
	}
}

// ForEach is m.forEach((value, key) => ...).
func (m *Map[K, V]) ForEach(fn func(V, K)) {
	for k, v := range m.All() {
		fn(v, k)
	}
}

// ForEachValue is m.forEach(value => ...).
func (m *Map[K, V]) ForEachValue(fn func(V)) {
	for _, v := range m.All() {
		fn(v)
	}
}

// MapFrom is new Map(entries).
func MapFrom[K comparable, V any](entries iter.Seq2[K, V]) *Map[K, V] {
	m := NewMap[K, V]()
	for k, v := range entries {
		m.Set(k, v)
	}
	return m
}

// Set is a JavaScript Set: insertion-ordered, SameValueZero membership.
type Set[T comparable] struct {
	m *Map[T, struct{}]
}

// NewSet is new Set(items).
func NewSet[T comparable](items ...T) *Set[T] {
	s := &Set[T]{m: NewMap[T, struct{}]()}
	for _, v := range items {
		s.Add(v)
	}
	return s
}

// SetFrom is new Set(iterable).
func SetFrom[T comparable](values iter.Seq[T]) *Set[T] {
	s := NewSet[T]()
	for v := range values {
		s.Add(v)
	}
	return s
}

// Entries iterates [value, value] pairs (s.entries()).
func (s *Set[T]) Entries() iter.Seq2[T, T] {
	return func(yield func(T, T) bool) {
		for v := range s.Values() {
			if !yield(v, v) {
				return
			}
		}
	}
}

// Add is s.add(v), returning s.
func (s *Set[T]) Add(v T) *Set[T] {
	s.m.Set(v, struct{}{})
	return s
}

// Has is s.has(v).
func (s *Set[T]) Has(v T) bool { return s.m.Has(v) }

// Delete is s.delete(v).
func (s *Set[T]) Delete(v T) bool { return s.m.Delete(v) }

// Clear is s.clear().
func (s *Set[T]) Clear() { s.m.Clear() }

// Size is s.size.
func (s *Set[T]) Size() int { return s.m.Size() }

// Values iterates the members in insertion order.
func (s *Set[T]) Values() iter.Seq[T] { return s.m.Keys() }

// ForEach is s.forEach(value => ...).
func (s *Set[T]) ForEach(fn func(T)) {
	for v := range s.Values() {
		fn(v)
	}
}
