package js

import (
	"iter"
	"sort"
)

// Array is a JavaScript array: a reference type (generated code passes *Array[T]),
// dense (no holes), growing as elements are pushed.
type Array[T any] struct {
	items []T
}

// NewArray is the array literal [items...].
func NewArray[T any](items ...T) *Array[T] {
	if items == nil {
		items = []T{}
	}
	return &Array[T]{items: items}
}

// ArrayOf wraps a Go slice (without copying) as an array.
func ArrayOf[T any](items []T) *Array[T] {
	if items == nil {
		items = []T{}
	}
	return &Array[T]{items: items}
}

// Collect is Array.from(iterable) / [...iterable].
func Collect[T any](seq iter.Seq[T]) *Array[T] {
	a := NewArray[T]()
	for v := range seq {
		a.items = append(a.items, v)
	}
	return a
}

// Items returns the elements as a Go slice (shared, not copied).
func (a *Array[T]) Items() []T { return a.items }

// Len is a.length.
func (a *Array[T]) Len() int { return len(a.items) }

func (a *Array[T]) indexError(i int) *Error {
	return NewRangeError("index " + IntToString(i) + " out of range for array of length " + IntToString(len(a.items)))
}

// Get is a[i]. Reading past the end is a RangeError (the compiler's arrays hold no
// undefined).
func (a *Array[T]) Get(i int) T {
	if i < 0 || i >= len(a.items) {
		panic(a.indexError(i))
	}
	return a.items[i]
}

// Set is a[i] = v; i == length appends, a larger i (a hole) is a RangeError.
func (a *Array[T]) Set(i int, v T) {
	switch {
	case i >= 0 && i < len(a.items):
		a.items[i] = v
	case i == len(a.items):
		a.items = append(a.items, v)
	default:
		panic(a.indexError(i))
	}
}

// At is a.at(i): negative i counts from the end.
func (a *Array[T]) At(i int) (T, bool) {
	if i < 0 {
		i += len(a.items)
	}
	if i < 0 || i >= len(a.items) {
		var zero T
		return zero, false
	}
	return a.items[i], true
}

// Push is a.push(values...), returning the new length.
func (a *Array[T]) Push(values ...T) int {
	a.items = append(a.items, values...)
	return len(a.items)
}

// Pop is a.pop().
func (a *Array[T]) Pop() (T, bool) {
	var zero T
	if len(a.items) == 0 {
		return zero, false
	}
	last := a.items[len(a.items)-1]
	a.items[len(a.items)-1] = zero
	a.items = a.items[:len(a.items)-1]
	return last, true
}

// Shift is a.shift().
func (a *Array[T]) Shift() (T, bool) {
	var zero T
	if len(a.items) == 0 {
		return zero, false
	}
	first := a.items[0]
	a.items = append(a.items[:0:0], a.items[1:]...)
	return first, true
}

// Unshift is a.unshift(values...), returning the new length.
func (a *Array[T]) Unshift(values ...T) int {
	a.items = append(append(make([]T, 0, len(values)+len(a.items)), values...), a.items...)
	return len(a.items)
}

// Slice is a.slice(start, end): a copy.
func (a *Array[T]) Slice(start, end int) *Array[T] {
	n := len(a.items)
	from, to := relativeIndex(start, n), relativeIndex(end, n)
	if from >= to {
		return NewArray[T]()
	}
	return ArrayOf(append([]T(nil), a.items[from:to]...))
}

// SliceFrom is a.slice(start).
func (a *Array[T]) SliceFrom(start int) *Array[T] { return a.Slice(start, len(a.items)) }

// Concat is a.concat(others...).
func (a *Array[T]) Concat(others ...*Array[T]) *Array[T] {
	out := append([]T(nil), a.items...)
	for _, o := range others {
		out = append(out, o.items...)
	}
	return ArrayOf(out)
}

// Reverse is a.reverse(): in place, returning a.
func (a *Array[T]) Reverse() *Array[T] {
	for i, j := 0, len(a.items)-1; i < j; i, j = i+1, j-1 {
		a.items[i], a.items[j] = a.items[j], a.items[i]
	}
	return a
}

// Splice is a.splice(start, deleteCount, items...): removes and returns deleted elements.
func (a *Array[T]) Splice(start, deleteCount int, items ...T) *Array[T] {
	n := len(a.items)
	from := relativeIndex(start, n)
	count := min(max(deleteCount, 0), n-from)
	removed := append([]T(nil), a.items[from:from+count]...)
	rest := append(append([]T(nil), items...), a.items[from+count:]...)
	a.items = append(a.items[:from], rest...)
	return ArrayOf(removed)
}

// sameValueZero compares elements as includes() does (NaN equals NaN).
func sameValueZero(x, y any) bool {
	if fx, ok := x.(float64); ok {
		if fy, ok := y.(float64); ok {
			return fx == fy || (fx != fx && fy != fy)
		}
	}
	return x == y
}

// IndexOf is a.indexOf(v) (strict equality: NaN is never found).
func (a *Array[T]) IndexOf(v T) int {
	for i, x := range a.items {
		if any(x) == any(v) {
			return i
		}
	}
	return -1
}

// LastIndexOf is a.lastIndexOf(v).
func (a *Array[T]) LastIndexOf(v T) int {
	for i := len(a.items) - 1; i >= 0; i-- {
		if any(a.items[i]) == any(v) {
			return i
		}
	}
	return -1
}

// Includes is a.includes(v) (SameValueZero: NaN is found).
func (a *Array[T]) Includes(v T) bool {
	for _, x := range a.items {
		if sameValueZero(x, v) {
			return true
		}
	}
	return false
}

// Join is a.join(sep).
func (a *Array[T]) Join(sep string) string {
	out := make([]byte, 0, 16*len(a.items))
	for i, x := range a.items {
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, joinElement(x)...)
	}
	return string(out)
}

// joinElement converts an element as join() and String(array) do (undefined → "").
func joinElement(x any) string {
	switch v := x.(type) {
	case string:
		return v
	case float64:
		return NumberToString(v)
	case *string:
		if v == nil {
			return ""
		}
		return *v
	case *float64:
		if v == nil {
			return ""
		}
		return NumberToString(*v)
	}
	return ToString(x)
}

// String is String(a): the elements joined by ",".
func (a *Array[T]) String() string { return a.Join(",") }

// Values iterates the elements as for-of does: an element pushed during the loop is
// visited, the length is re-read at every step.
func (a *Array[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := 0; i < len(a.items); i++ {
			if !yield(a.items[i]) {
				return
			}
		}
	}
}

// ForEach is a.forEach(fn).
func (a *Array[T]) ForEach(fn func(T)) {
	for i := 0; i < len(a.items); i++ {
		fn(a.items[i])
	}
}

// ForEachIndexed is a.forEach((value, index) => ...).
func (a *Array[T]) ForEachIndexed(fn func(T, float64)) {
	for i := 0; i < len(a.items); i++ {
		fn(a.items[i], float64(i))
	}
}

// Filter is a.filter(fn).
func (a *Array[T]) Filter(fn func(T) bool) *Array[T] {
	return a.FilterIndexed(func(v T, _ float64) bool { return fn(v) })
}

// FilterIndexed is a.filter((value, index) => ...).
func (a *Array[T]) FilterIndexed(fn func(T, float64) bool) *Array[T] {
	out := NewArray[T]()
	n := len(a.items)
	for i := 0; i < n && i < len(a.items); i++ {
		if v := a.items[i]; fn(v, float64(i)) {
			out.items = append(out.items, v)
		}
	}
	return out
}

// Some is a.some(fn).
func (a *Array[T]) Some(fn func(T) bool) bool {
	return a.FindIndex(fn) >= 0
}

// SomeIndexed is a.some((value, index) => ...).
func (a *Array[T]) SomeIndexed(fn func(T, float64) bool) bool {
	return a.FindIndexIndexed(fn) >= 0
}

// Every is a.every(fn).
func (a *Array[T]) Every(fn func(T) bool) bool {
	return a.FindIndex(func(v T) bool { return !fn(v) }) < 0
}

// EveryIndexed is a.every((value, index) => ...).
func (a *Array[T]) EveryIndexed(fn func(T, float64) bool) bool {
	return a.FindIndexIndexed(func(v T, i float64) bool { return !fn(v, i) }) < 0
}

// Find is a.find(fn).
func (a *Array[T]) Find(fn func(T) bool) (T, bool) {
	return a.FindIndexed(func(v T, _ float64) bool { return fn(v) })
}

// FindIndexed is a.find((value, index) => ...).
func (a *Array[T]) FindIndexed(fn func(T, float64) bool) (T, bool) {
	if i := a.FindIndexIndexed(fn); i >= 0 {
		return a.items[i], true
	}
	var zero T
	return zero, false
}

// FindIndex is a.findIndex(fn).
func (a *Array[T]) FindIndex(fn func(T) bool) int {
	return a.FindIndexIndexed(func(v T, _ float64) bool { return fn(v) })
}

// FindIndexIndexed is a.findIndex((value, index) => ...).
func (a *Array[T]) FindIndexIndexed(fn func(T, float64) bool) int {
	n := len(a.items)
	for i := 0; i < n && i < len(a.items); i++ {
		if fn(a.items[i], float64(i)) {
			return i
		}
	}
	return -1
}

// Sort is a.sort(compare): stable, in place. A nil compare sorts by String(element) in
// UTF-16 order, as JavaScript's default does.
func (a *Array[T]) Sort(compare func(x, y T) float64) *Array[T] {
	if compare == nil {
		keys := make([]string, len(a.items))
		for i, x := range a.items {
			keys[i] = joinElement(x)
		}
		idx := make([]int, len(a.items))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(i, j int) bool { return CompareStrings(keys[idx[i]], keys[idx[j]]) < 0 })
		sorted := make([]T, len(a.items))
		for i, k := range idx {
			sorted[i] = a.items[k]
		}
		copy(a.items, sorted)
		return a
	}
	sort.SliceStable(a.items, func(i, j int) bool { return compare(a.items[i], a.items[j]) < 0 })
	return a
}

// MapArray is a.map(fn).
func MapArray[T, U any](a *Array[T], fn func(T) U) *Array[U] {
	return MapArrayIndexed(a, func(v T, _ float64) U { return fn(v) })
}

// MapArrayIndexed is a.map((value, index) => ...).
func MapArrayIndexed[T, U any](a *Array[T], fn func(T, float64) U) *Array[U] {
	n := len(a.items)
	out := make([]U, 0, n)
	for i := 0; i < n && i < len(a.items); i++ {
		out = append(out, fn(a.items[i], float64(i)))
	}
	return ArrayOf(out)
}

// Reduce is a.reduce(fn, initial).
func Reduce[T, U any](a *Array[T], fn func(U, T) U, initial U) U {
	acc := initial
	for i := 0; i < len(a.items); i++ {
		acc = fn(acc, a.items[i])
	}
	return acc
}

// ReduceNoInitial is a.reduce(fn) without an initial value.
func ReduceNoInitial[T any](a *Array[T], fn func(T, T) T) T {
	if len(a.items) == 0 {
		panic(NewTypeError("Reduce of empty array with no initial value"))
	}
	acc := a.items[0]
	for i := 1; i < len(a.items); i++ {
		acc = fn(acc, a.items[i])
	}
	return acc
}
