package js

import (
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strconv"
)

// ObjectKeys is Object.keys(v): the own enumerable string keys in JavaScript order.
func ObjectKeys(v any) *Array[string] {
	switch x := v.(type) {
	case string:
		n := Len(x)
		keys := make([]string, n)
		for i := range keys {
			keys[i] = strconv.Itoa(i)
		}
		return ArrayOf(keys)
	case arrayLike:
		n := len(x.elements())
		keys := make([]string, n)
		for i := range keys {
			keys[i] = strconv.Itoa(i)
		}
		return ArrayOf(keys)
	case keyedLike:
		return NewArray[string]()
	}
	fields, _, ok := ownProperties(v)
	if !ok {
		if IsNullish(v) {
			panic(NewTypeError("Cannot convert undefined or null to object"))
		}
		return NewArray[string]()
	}
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.name
	}
	return ArrayOf(keys)
}

// HasOwn is Object.hasOwn(v, key) / v.hasOwnProperty(key).
func HasOwn(v any, key string) bool {
	for _, k := range ObjectKeys(v).items {
		if k == key {
			return true
		}
	}
	return false
}

// HasProperty is `key in v` for a value of unknown type: own properties, and the
// Object.prototype members every object has.
func HasProperty(v any, key string) bool {
	if IsNullish(v) || TypeOf(v) != "object" {
		panic(NewTypeError("Cannot use 'in' operator to search for '" + key + "' in " + ToString(v)))
	}
	return HasOwn(v, key) || prototypeKeys[key]
}

// ForInKeys iterates the keys of an object as for...in does.
func ForInKeys(v any) iter.Seq[string] {
	keys := ObjectKeys(v).items
	return func(yield func(string) bool) {
		for _, k := range keys {
			if HasOwn(v, k) && !yield(k) {
				return
			}
		}
	}
}

// StringForInKeys iterates the indices of a string.
func StringForInKeys(s string) iter.Seq[string] { return ObjectKeys(s).Values() }

// Spread copies the own properties of src into dst ({ ...src } in an object literal);
// null and undefined copy nothing. The overridden properties are set by the literal after
// this spread ({ ...src, b: 2 }), maybe with a value of another type: of those only the
// key is recorded, at src's position in the key order, as JavaScript does.
func Spread(dst, src any, overridden ...string) {
	copyOwn(dst, src, "cannot spread %s into '%s' (%s)", overridden)
}

// Assign is Object.assign(target, ...sources).
func Assign(target any, sources ...any) any {
	for _, s := range sources {
		copyOwn(target, s, "Object.assign cannot copy %s into '%s' (%s)", nil)
	}
	return target
}

// copyOwn copies the own properties of src into dst, except the overridden ones (of
// which only the key is recorded). An absent optional property of src is not an own
// property: the destination keeps its value ({ ...defaults, ...partial }). One present
// but undefined or null ({ b: undefined }) is copied by JavaScript even where the
// destination's type says number, string or boolean; a Go float64, string or bool cannot
// hold it, so that copy throws a TypeError (refusal names the property and its type)
// instead of storing 0, "" or false.
func copyOwn(dst, src any, refusal string, overridden []string) {
	if IsNullish(src) {
		return
	}
	fields, _, ok := ownProperties(src)
	if !ok {
		return
	}
	for _, f := range fields {
		if slices.Contains(overridden, f.name) {
			if k := keysOfAny(dst); k != nil {
				k.Add(f.name)
			}
			continue
		}
		if f.value == nil || f.value == any(Null) {
			if tsType, primitive := primitiveProperty(dst, f.name); primitive {
				missing := "undefined"
				if f.value != nil {
					missing = "null"
				}
				panic(NewTypeError(fmt.Sprintf(refusal, missing, f.name, tsType)))
			}
		}
		setProperty(dst, f.name, f.value)
	}
}

// primitiveProperty reports whether the property name of obj (a generated struct or a
// Record) is stored as a plain Go number, string or bool, which cannot be undefined or
// null, and names its TypeScript type.
func primitiveProperty(obj any, name string) (tsType string, ok bool) {
	var t reflect.Type
	if _, isRecord := obj.(recordSetter); isRecord {
		// Record[V].Get returns (V, bool): V is the type of every entry.
		get := reflect.ValueOf(obj).MethodByName("Get")
		if !get.IsValid() {
			return "", false
		}
		t = get.Type().Out(0)
	} else {
		rv := reflect.ValueOf(obj)
		if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
			return "", false
		}
		info := infoOf(rv.Elem().Type())
		i, known := info.byName[name]
		if !known {
			return "", false
		}
		t = rv.Elem().Type().FieldByIndex(info.fields[i].index).Type
	}
	switch t.Kind() {
	case reflect.Float64, reflect.Float32, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "number", true
	case reflect.String:
		return "string", true
	case reflect.Bool:
		return "boolean", true
	}
	return "", false
}

// Rest is the rest of a destructured object ({ a, ...rest } = src): a new T holding src's
// own properties except the named ones.
func Rest[T any](src any, exclude ...string) T {
	var out T
	rv := reflect.ValueOf(&out).Elem()
	switch rv.Kind() {
	case reflect.Pointer:
		rv.Set(reflect.New(rv.Type().Elem()))
	default:
		panic(NewTypeError("rest of a value that is not an object"))
	}
	if r, ok := any(out).(interface{ initEmpty() }); ok {
		r.initEmpty()
	}
	if k := keysOfAny(any(out)); k != nil {
		*k = KeysOf()
	}
	fields, _, _ := ownProperties(src)
	for _, f := range fields {
		skip := false
		for _, e := range exclude {
			skip = skip || e == f.name
		}
		if !skip {
			setProperty(any(out), f.name, f.value)
		}
	}
	return out
}

// ObjectValues is Object.values(v) of an object (a generated struct): its own property
// values in key order, each stored as E, the element type of the result.
func ObjectValues[E any](v any) *Array[E] {
	fields := objectFields(v, "values")
	out := make([]E, len(fields))
	for i, f := range fields {
		out[i] = valueAs[E](f.value)
	}
	return ArrayOf(out)
}

// ObjectEntries is Object.entries(v) of an object: [key, value] tuples of element type E.
func ObjectEntries[E any](v any) *Array[*Array[E]] {
	fields := objectFields(v, "entries")
	out := make([]*Array[E], len(fields))
	for i, f := range fields {
		out[i] = NewArray(valueAs[E](f.name), valueAs[E](f.value))
	}
	return ArrayOf(out)
}

func objectFields(v any, method string) []objectField {
	fields, _, ok := ownProperties(v)
	if !ok && IsNullish(v) {
		panic(NewTypeError("Cannot convert undefined or null to object (Object." + method + ")"))
	}
	return fields
}

// valueAs stores a value of the `any` convention as the Go type E (an optional primitive
// becomes a pointer, null stays null in an `any`).
func valueAs[E any](x any) E {
	var e E
	assignJS(reflect.ValueOf(&e).Elem(), x)
	return e
}

func keysOfAny(v any) *Keys {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return nil
	}
	return keysOf(rv.Elem(), infoOf(rv.Elem().Type()))
}

// EntriesArray collects key/value pairs as [key, value] tuples (Array.from(map)).
func EntriesArray[E, K, V any](entries iter.Seq2[K, V]) *Array[*Array[E]] {
	out := NewArray[*Array[E]]()
	for k, v := range entries {
		out.Push(NewArray(cast[E](k), cast[E](v)))
	}
	return out
}

// IndexNumbers turns array indices into numbers (Array.from(array.keys())).
func IndexNumbers(keys iter.Seq[int]) iter.Seq[float64] {
	return func(yield func(float64) bool) {
		for k := range keys {
			if !yield(float64(k)) {
				return
			}
		}
	}
}

// EntryTuples turns key/value pairs into [key, value] tuples ([...map], map.entries()).
func EntryTuples[E, K, V any](entries iter.Seq2[K, V]) iter.Seq[*Array[E]] {
	return func(yield func(*Array[E]) bool) {
		for k, v := range entries {
			if !yield(NewArray(cast[E](k), cast[E](v))) {
				return
			}
		}
	}
}
