package js

import (
	"iter"
	"slices"
	"strconv"
)

// Record is a JavaScript object used as a dictionary (Record<string, V>, index
// signatures). Keys iterate in JavaScript's order: array-index keys ("0", "1", ...)
// ascending first, then the other keys in insertion order.
type Record[V any] struct {
	// nullProto marks an object without prototype (a match's groups): console output says so.
	nullProto bool
	index     map[string]int
	keys      []string
	vals      []V
	live      []bool
	size      int
}

// NewRecord is the empty object literal {} typed as a Record.
func NewRecord[V any]() *Record[V] { return &Record[V]{index: map[string]int{}} }

// prototypeKeys are the members every plain object inherits from Object.prototype.
var prototypeKeys = map[string]bool{
	"constructor": true, "toString": true, "toLocaleString": true, "valueOf": true, "hasOwnProperty": true,
	"isPrototypeOf": true, "propertyIsEnumerable": true, "__proto__": true, "__defineGetter__": true,
	"__defineSetter__": true, "__lookupGetter__": true, "__lookupSetter__": true,
}

// arrayIndex reports whether a key is an array index (a canonical uint32 below 2^32-1).
func arrayIndex(k string) (uint64, bool) {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	if err != nil || n >= 4294967295 {
		return 0, false
	}
	return n, true
}

// Get is r[k]: the value and whether k is an own key. Reading a missing key that names
// an Object.prototype member (r["constructor"]) would give that member in JavaScript, a
// function the type does not allow: it throws instead.
func (r *Record[V]) Get(k string) (V, bool) {
	if i, ok := r.index[k]; ok {
		return r.vals[i], true
	}
	if prototypeKeys[k] {
		panic(NewTypeError("reading the inherited Object.prototype member " + strconv.Quote(k) + " through a Record is not supported"))
	}
	var zero V
	return zero, false
}

// Set is r[k] = v.
func (r *Record[V]) Set(k string, v V) {
	if k == "__proto__" {
		panic(NewTypeError("assigning __proto__ through a Record is not supported"))
	}
	r.define(k, v)
}

// define creates or replaces an own property, as JSON.parse and Object.fromEntries do
// (CreateDataProperty): "__proto__" too is then an ordinary own key.
func (r *Record[V]) define(k string, v V) {
	if r.index == nil {
		r.index = map[string]int{}
	}
	if i, ok := r.index[k]; ok {
		r.vals[i] = v
		return
	}
	r.index[k] = len(r.keys)
	r.keys = append(r.keys, k)
	r.vals = append(r.vals, v)
	r.live = append(r.live, true)
	r.size++
}

// Has is r.hasOwnProperty(k) / Object.hasOwn(r, k).
func (r *Record[V]) Has(k string) bool {
	_, ok := r.index[k]
	return ok
}

// In is `k in r`: own keys and the Object.prototype members.
func (r *Record[V]) In(k string) bool { return r.Has(k) || prototypeKeys[k] }

// Delete is delete r[k].
func (r *Record[V]) Delete(k string) bool {
	i, ok := r.index[k]
	if !ok {
		return true
	}
	delete(r.index, k)
	var zero V
	r.vals[i], r.live[i] = zero, false
	r.size--
	if len(r.keys) > 32 && r.size < len(r.keys)/2 {
		r.compact()
	}
	return true
}

func (r *Record[V]) compact() {
	keys, vals := r.keys[:0:0], r.vals[:0:0]
	r.index = map[string]int{}
	for i, k := range r.keys {
		if r.live[i] {
			r.index[k] = len(keys)
			keys, vals = append(keys, k), append(vals, r.vals[i])
		}
	}
	r.keys, r.vals = keys, vals
	r.live = make([]bool, len(keys))
	for i := range r.live {
		r.live[i] = true
	}
}

// order returns the positions of the live entries in JavaScript key order.
func (r *Record[V]) order() []int {
	var ints, others []int
	for i, k := range r.keys {
		if !r.live[i] {
			continue
		}
		if _, ok := arrayIndex(k); ok {
			ints = append(ints, i)
		} else {
			others = append(others, i)
		}
	}
	if len(ints) > 1 {
		slices.SortFunc(ints, func(a, b int) int {
			x, _ := arrayIndex(r.keys[a])
			y, _ := arrayIndex(r.keys[b])
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		})
	}
	return append(ints, others...)
}

// Len is the number of own keys.
func (r *Record[V]) Len() int { return r.size }

// Keys is Object.keys(r).
func (r *Record[V]) Keys() *Array[string] {
	out := make([]string, 0, r.size)
	for _, i := range r.order() {
		out = append(out, r.keys[i])
	}
	return ArrayOf(out)
}

// ValuesArray is Object.values(r).
func (r *Record[V]) ValuesArray() *Array[V] {
	out := make([]V, 0, r.size)
	for _, i := range r.order() {
		out = append(out, r.vals[i])
	}
	return ArrayOf(out)
}

// All iterates the entries in JavaScript key order.
func (r *Record[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, i := range r.order() {
			if r.live[i] && !yield(r.keys[i], r.vals[i]) {
				return
			}
		}
	}
}

// ForInKeys iterates the keys as for...in does: the keys present when the loop starts,
// skipping those deleted before their turn.
func (r *Record[V]) ForInKeys() iter.Seq[string] {
	keys := r.Keys().items
	return func(yield func(string) bool) {
		for _, k := range keys {
			if r.Has(k) && !yield(k) {
				return
			}
		}
	}
}

func (r *Record[V]) recordEntries() (keys []string, values []any) {
	for k, v := range r.All() {
		keys, values = append(keys, k), append(values, toJSValue(v))
	}
	return keys, values
}

// recordSetter lets reflective code (spread, JSON) store into a Record.
type recordSetter interface {
	setAny(k string, v any)
}

func (r *Record[V]) setAny(k string, v any) {
	var x V
	if v == any(Null) {
		// A Record of `T | null` values (Go any) keeps null apart from undefined.
		if tv, ok := v.(V); ok {
			x = tv
		}
	} else if v != nil {
		if tv, ok := v.(V); ok {
			x = tv
		} else if p, ok := any(&x).(**float64); ok {
			f := v.(float64)
			*p = &f
		} else if p, ok := any(&x).(**string); ok {
			s := v.(string)
			*p = &s
		} else if p, ok := any(&x).(**bool); ok {
			b := v.(bool)
			*p = &b
		} else {
			panic(NewTypeError("cannot store a " + TypeOf(v) + " in this Record"))
		}
	}
	r.Set(k, x)
}

// RecordEntries is Object.entries(r): [key, value] tuples (E is the tuples' element type).
func RecordEntries[E, V any](r *Record[V]) *Array[*Array[E]] {
	out := NewArray[*Array[E]]()
	for k, v := range r.All() {
		out.Push(NewArray(cast[E](k), cast[E](v)))
	}
	return out
}

// RecordFromEntries is Object.fromEntries(entries) for [key, value] tuples.
func RecordFromEntries[V, E any](entries *Array[*Array[E]]) *Record[V] {
	r := NewRecord[V]()
	for _, e := range entries.items {
		r.define(ToString(toJSValue(e.Get(0))), cast[V](e.Get(1)))
	}
	return r
}

// RecordFromMap is Object.fromEntries(map).
func RecordFromMap[V, K any](entries iter.Seq2[K, V]) *Record[V] {
	r := NewRecord[V]()
	for k, v := range entries {
		r.define(ToString(toJSValue(k)), v)
	}
	return r
}
