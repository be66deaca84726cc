package js

import (
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
)

// Array is a JavaScript array: a reference type (generated code passes *Array[T]), dense
// (no holes), growing as elements are pushed.
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

// ArrayCopy is a rest parameter: a new array of the arguments.
func ArrayCopy[T any](items []T) *Array[T] { return &Array[T]{items: append([]T{}, items...)} }

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

// Get is a[i]! (an index the program asserts is in range): a TypeError when it is not,
// where JavaScript would go on with undefined.
func (a *Array[T]) Get(i int) T {
	if i < 0 || i >= len(a.items) {
		panic(NewTypeError("non-null assertion failed: index " + strconv.Itoa(i) + " is outside an array of length " + strconv.Itoa(len(a.items))))
	}
	return a.items[i]
}

// Index is a[i]: the element and whether i is in range (undefined otherwise).
func (a *Array[T]) Index(i int) (T, bool) {
	if i < 0 || i >= len(a.items) {
		var zero T
		return zero, false
	}
	return a.items[i], true
}

// Set is a[i] = v; i == length appends. A larger i would leave holes (undefined
// elements the element type cannot hold): a RangeError.
func (a *Array[T]) Set(i int, v T) {
	switch {
	case i >= 0 && i < len(a.items):
		a.items[i] = v
	case i == len(a.items):
		a.items = append(a.items, v)
	default:
		panic(NewRangeError("writing index " + strconv.Itoa(i) + " of an array of length " + strconv.Itoa(len(a.items)) + " would leave holes"))
	}
}

// SetLength is a.length = n: shrinking truncates; growing would add holes (a RangeError).
func (a *Array[T]) SetLength(n int) {
	if n < 0 {
		panic(NewRangeError("Invalid array length"))
	}
	if n > len(a.items) {
		panic(NewRangeError("growing an array through length would leave holes"))
	}
	clear(a.items[n:])
	a.items = a.items[:n]
}

// At is a.at(i): negative i counts from the end.
func (a *Array[T]) At(i int) (T, bool) {
	if i < 0 {
		i += len(a.items)
	}
	return a.Index(i)
}

// Push is a.push(values...), returning the new length.
func (a *Array[T]) Push(values ...T) int {
	a.items = append(a.items, values...)
	return len(a.items)
}

// PushAll appends every value of an iteration ([...a, ...set]).
func (a *Array[T]) PushAll(values iter.Seq[T]) {
	for v := range values {
		a.items = append(a.items, v)
	}
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
	out := append([]T{}, a.items...)
	for _, o := range others {
		out = append(out, o.items...)
	}
	return ArrayOf(out)
}

// Reverse is a.reverse(): in place, returning a.
func (a *Array[T]) Reverse() *Array[T] {
	slices.Reverse(a.items)
	return a
}

// Fill is a.fill(v, start, end): in place, returning a.
func (a *Array[T]) Fill(v T, start, end int) *Array[T] {
	n := len(a.items)
	for i := relativeIndex(start, n); i < relativeIndex(end, n); i++ {
		a.items[i] = v
	}
	return a
}

// Splice is a.splice(start, deleteCount, items...): removes and returns deleted elements.
func (a *Array[T]) Splice(start, deleteCount int, items ...T) *Array[T] {
	n := len(a.items)
	from := relativeIndex(start, n)
	count := min(max(deleteCount, 0), n-from)
	removed := append([]T{}, a.items[from:from+count]...)
	rest := append(append([]T(nil), items...), a.items[from+count:]...)
	a.items = append(a.items[:from], rest...)
	return ArrayOf(removed)
}

// SpliceInPlace splices and returns the array itself (toSpliced on a copy).
func (a *Array[T]) SpliceInPlace(start, deleteCount int, items ...T) *Array[T] {
	a.Splice(start, deleteCount, items...)
	return a
}

// With is a.with(i, v): a copy with one element replaced.
func (a *Array[T]) With(i int, v T) *Array[T] {
	n := len(a.items)
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		panic(NewRangeError("Invalid index : " + strconv.Itoa(i)))
	}
	out := a.SliceFrom(0)
	out.items[i] = v
	return out
}

// strictEqual is === between two elements.
func strictEqual(x, y any) bool {
	if fx, ok := x.(float64); ok {
		fy, ok := y.(float64)
		return ok && fx == fy
	}
	return StrictEquals(toJSValue(x), toJSValue(y))
}

// sameValueZero compares elements as includes() does (NaN equals NaN).
func sameValueZero(x, y any) bool {
	if fx, ok := x.(float64); ok {
		if fy, ok := y.(float64); ok {
			return fx == fy || (fx != fx && fy != fy)
		}
	}
	return strictEqual(x, y)
}

// IndexOf is a.indexOf(v) (strict equality: NaN is never found).
func (a *Array[T]) IndexOf(v T) int { return a.IndexOfFrom(v, 0) }

// IndexOfFrom is a.indexOf(v, from).
func (a *Array[T]) IndexOfFrom(v T, from int) int {
	for i := relativeIndex(from, len(a.items)); i < len(a.items); i++ {
		if strictEqual(a.items[i], v) {
			return i
		}
	}
	return -1
}

// LastIndexOf is a.lastIndexOf(v).
func (a *Array[T]) LastIndexOf(v T) int { return a.LastIndexOfFrom(v, len(a.items)-1) }

// LastIndexOfFrom is a.lastIndexOf(v, from).
func (a *Array[T]) LastIndexOfFrom(v T, from int) int {
	if from < 0 {
		from += len(a.items)
	}
	for i := min(from, len(a.items)-1); i >= 0; i-- {
		if strictEqual(a.items[i], v) {
			return i
		}
	}
	return -1
}

// Includes is a.includes(v) (SameValueZero: NaN is found).
func (a *Array[T]) Includes(v T) bool { return a.IncludesFrom(v, 0) }

// IncludesFrom is a.includes(v, from).
func (a *Array[T]) IncludesFrom(v T, from int) bool {
	for i := relativeIndex(from, len(a.items)); i < len(a.items); i++ {
		if sameValueZero(a.items[i], v) {
			return true
		}
	}
	return false
}

// Join is a.join(sep): null and undefined elements are empty.
func (a *Array[T]) Join(sep string) string {
	out := make([]byte, 0, 16*len(a.items))
	for i, x := range a.items {
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, StringOf(toJSValue(x))...)
	}
	return string(out)
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

// Keys iterates the indices (a.keys()).
func (a *Array[T]) Keys() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < len(a.items); i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Entries iterates index/element pairs (a.entries()).
func (a *Array[T]) Entries() iter.Seq2[float64, T] {
	return func(yield func(float64, T) bool) {
		for i := 0; i < len(a.items); i++ {
			if !yield(float64(i), a.items[i]) {
				return
			}
		}
	}
}

// ForInKeys iterates the indices as strings (for...in over an array).
func (a *Array[T]) ForInKeys() iter.Seq[string] {
	n := len(a.items)
	return func(yield func(string) bool) {
		for i := 0; i < n && i < len(a.items); i++ {
			if !yield(strconv.Itoa(i)) {
				return
			}
		}
	}
}

// ForEach is a.forEach(fn).
func (a *Array[T]) ForEach(fn func(T)) {
	a.ForEachIndexed(func(v T, _ float64) { fn(v) })
}

// ForEachIndexed is a.forEach((value, index) => ...): the length is read once, as in JS.
func (a *Array[T]) ForEachIndexed(fn func(T, float64)) {
	n := len(a.items)
	for i := 0; i < n && i < len(a.items); i++ {
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
func (a *Array[T]) Some(fn func(T) bool) bool { return a.FindIndex(fn) >= 0 }

// SomeIndexed is a.some((value, index) => ...).
func (a *Array[T]) SomeIndexed(fn func(T, float64) bool) bool { return a.FindIndexIndexed(fn) >= 0 }

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

// FindLast is a.findLast(fn).
func (a *Array[T]) FindLast(fn func(T) bool) (T, bool) {
	return a.FindLastIndexed(func(v T, _ float64) bool { return fn(v) })
}

// FindLastIndexed is a.findLast((value, index) => ...).
func (a *Array[T]) FindLastIndexed(fn func(T, float64) bool) (T, bool) {
	if i := a.FindLastIndexIndexed(fn); i >= 0 {
		return a.items[i], true
	}
	var zero T
	return zero, false
}

// FindLastIndex is a.findLastIndex(fn).
func (a *Array[T]) FindLastIndex(fn func(T) bool) int {
	return a.FindLastIndexIndexed(func(v T, _ float64) bool { return fn(v) })
}

// FindLastIndexIndexed is a.findLastIndex((value, index) => ...).
func (a *Array[T]) FindLastIndexIndexed(fn func(T, float64) bool) int {
	for i := len(a.items) - 1; i >= 0; i-- {
		if i < len(a.items) && fn(a.items[i], float64(i)) {
			return i
		}
	}
	return -1
}

// Sort is a.sort(compare): stable, in place, with V8's algorithm. A nil compare sorts by String(element) in
// UTF-16 order, as JavaScript's default does; undefined elements go last.
func (a *Array[T]) Sort(compare func(x, y T) float64) *Array[T] {
	if compare == nil {
		type keyed struct {
			key   string
			undef bool
			v     T
		}
		ks := make([]keyed, len(a.items))
		for i, x := range a.items {
			v := toJSValue(x)
			ks[i] = keyed{key: ToString(v), undef: v == nil, v: x}
		}
		sort.SliceStable(ks, func(i, j int) bool {
			if ks[i].undef || ks[j].undef {
				return !ks[i].undef && ks[j].undef
			}
			return CompareStrings(ks[i].key, ks[j].key) < 0
		})
		for i := range ks {
			a.items[i] = ks[i].v
		}
		return a
	}
	// As in V8, undefined elements go last without being compared, and the rest are sorted
	// with V8's algorithm, so an inconsistent comparator gives V8's order too.
	defined := make([]T, 0, len(a.items))
	var undefined []T
	for _, x := range a.items {
		if toJSValue(x) == nil {
			undefined = append(undefined, x)
		} else {
			defined = append(defined, x)
		}
	}
	timSort(defined, compare)
	copy(a.items, defined)
	copy(a.items[len(defined):], undefined)
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

// FlatMapArray is a.flatMap(fn) where fn returns arrays.
func FlatMapArray[T, U any](a *Array[T], fn func(T) *Array[U]) *Array[U] {
	return FlatMapArrayIndexed(a, func(v T, _ float64) *Array[U] { return fn(v) })
}

// FlatMapArrayIndexed is a.flatMap((value, index) => ...).
func FlatMapArrayIndexed[T, U any](a *Array[T], fn func(T, float64) *Array[U]) *Array[U] {
	out := NewArray[U]()
	n := len(a.items)
	for i := 0; i < n && i < len(a.items); i++ {
		out.items = append(out.items, fn(a.items[i], float64(i)).items...)
	}
	return out
}

// FlatArray is a.flat() for an array of arrays.
func FlatArray[T any](a *Array[*Array[T]]) *Array[T] {
	out := NewArray[T]()
	for _, inner := range a.items {
		out.items = append(out.items, inner.items...)
	}
	return out
}

// Reduce is a.reduce(fn, initial).
func Reduce[T, U any](a *Array[T], fn func(U, T) U, initial U) U {
	return ReduceIndexed(a, func(acc U, v T, _ float64) U { return fn(acc, v) }, initial)
}

// ReduceIndexed is a.reduce((acc, value, index) => ..., initial).
func ReduceIndexed[T, U any](a *Array[T], fn func(U, T, float64) U, initial U) U {
	acc := initial
	n := len(a.items)
	for i := 0; i < n && i < len(a.items); i++ {
		acc = fn(acc, a.items[i], float64(i))
	}
	return acc
}

// ReduceNoInitial is a.reduce(fn) without an initial value.
func ReduceNoInitial[T any](a *Array[T], fn func(T, T) T) T {
	return ReduceNoInitialIndexed(a, func(acc, v T, _ float64) T { return fn(acc, v) })
}

// ReduceNoInitialIndexed is a.reduce((acc, value, index) => ...).
func ReduceNoInitialIndexed[T any](a *Array[T], fn func(T, T, float64) T) T {
	if len(a.items) == 0 {
		panic(NewTypeError("Reduce of empty array with no initial value"))
	}
	acc := a.items[0]
	n := len(a.items)
	for i := 1; i < n && i < len(a.items); i++ {
		acc = fn(acc, a.items[i], float64(i))
	}
	return acc
}

// ReduceRight is a.reduceRight(fn, initial).
func ReduceRight[T, U any](a *Array[T], fn func(U, T) U, initial U) U {
	return ReduceRightIndexed(a, func(acc U, v T, _ float64) U { return fn(acc, v) }, initial)
}

// ReduceRightIndexed is a.reduceRight((acc, value, index) => ..., initial).
func ReduceRightIndexed[T, U any](a *Array[T], fn func(U, T, float64) U, initial U) U {
	acc := initial
	for i := len(a.items) - 1; i >= 0; i-- {
		if i < len(a.items) {
			acc = fn(acc, a.items[i], float64(i))
		}
	}
	return acc
}

// ReduceRightNoInitial is a.reduceRight(fn).
func ReduceRightNoInitial[T any](a *Array[T], fn func(T, T) T) T {
	return ReduceRightNoInitialIndexed(a, func(acc, v T, _ float64) T { return fn(acc, v) })
}

// ReduceRightNoInitialIndexed is a.reduceRight((acc, value, index) => ...).
func ReduceRightNoInitialIndexed[T any](a *Array[T], fn func(T, T, float64) T) T {
	if len(a.items) == 0 {
		panic(NewTypeError("Reduce of empty array with no initial value"))
	}
	acc := a.items[len(a.items)-1]
	for i := len(a.items) - 2; i >= 0; i-- {
		if i < len(a.items) {
			acc = fn(acc, a.items[i], float64(i))
		}
	}
	return acc
}

// ArrayOfLength is new Array(n), which the compiler accepts only right before .fill(v):
// JavaScript's holes are filled at once, so zero values stand in for them meanwhile. As in
// JavaScript, n must be an integer from 0 to 2**32-1 (else a RangeError).
func ArrayOfLength[T any](n float64) *Array[T] {
	if n != math.Trunc(n) || n < 0 || n > math.MaxUint32 {
		panic(NewRangeError("Invalid array length"))
	}
	return ArrayOf(make([]T, int(n)))
}

// ArrayFromLength is Array.from({ length: n }, fn): fn gets undefined and each index.
// The length is ToLength(n); one above 2**32-1 is a RangeError, as in JavaScript.
func ArrayFromLength[T any](n float64, fn func(any, float64) T) *Array[T] {
	if n != n || n < 0 {
		n = 0
	}
	if n > math.MaxUint32 {
		panic(NewRangeError("Invalid array length"))
	}
	length := int64(n)
	out := make([]T, 0, length)
	for i := int64(0); i < length; i++ {
		out = append(out, fn(nil, float64(i)))
	}
	return ArrayOf(out)
}

// CopyWithin is a.copyWithin(target, start, end): copies the elements [start, end) over the
// ones from target on, within the array's length.
func (a *Array[T]) CopyWithin(target, start, end int) *Array[T] {
	n := len(a.items)
	to, from, final := relativeIndex(target, n), relativeIndex(start, n), relativeIndex(end, n)
	count := min(final-from, n-to)
	if count > 0 {
		copy(a.items[to:to+count], a.items[from:from+count])
	}
	return a
}
