package js

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Generic containers expose their contents to the reflective helpers (JSON, console
// output, Object.keys) through these unexported interfaces.

type arrayLike interface {
	elements() []any
}

type keyedLike interface {
	// keyedEntries returns the entries in order; sets return their members as keys.
	keyedEntries() (keys, values []any)
	kindName() string
}

// recordLike is a Record: string keys in JavaScript property order.
type recordLike interface {
	recordEntries() (keys []string, values []any)
	hasNullPrototype() bool
}

func (r *Record[V]) hasNullPrototype() bool { return r.nullProto }

func (a *Array[T]) elements() []any {
	out := make([]any, len(a.items))
	for i, v := range a.items {
		out[i] = toJSValue(v)
	}
	return out
}

func (m *Map[K, V]) keyedEntries() (keys, values []any) {
	for k, v := range m.All() {
		keys, values = append(keys, toJSValue(k)), append(values, toJSValue(v))
	}
	return keys, values
}

func (m *Map[K, V]) kindName() string { return "Map" }

func (s *Set[T]) keyedEntries() (keys, values []any) {
	for v := range s.Values() {
		keys = append(keys, toJSValue(v))
	}
	return keys, nil
}

func (s *Set[T]) kindName() string { return "Set" }

// toJSValue normalizes a Go value read from a container to the `any` convention:
// optional primitives (*T) become their value or undefined, typed nil pointers undefined.
func toJSValue(v any) any {
	switch x := v.(type) {
	case *float64:
		if x == nil {
			return nil
		}
		return *x
	case *string:
		if x == nil {
			return nil
		}
		return *x
	case *bool:
		if x == nil {
			return nil
		}
		return *x
	case int:
		return float64(x)
	}
	if isNilPointer(v) {
		return nil
	}
	return v
}

func isNilPointer(v any) bool {
	if v == nil {
		return false
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Interface:
		return r.IsNil()
	}
	return false
}

func isMapOrSet(v any) bool {
	_, ok := v.(keyedLike)
	return ok
}

func mapOrSetName(v any) string {
	if k, ok := v.(keyedLike); ok {
		return k.kindName()
	}
	return "Object"
}

// fieldInfo is a JavaScript property of a generated struct.
type fieldInfo struct {
	name     string
	index    []int
	optional bool
}

// structInfo describes a generated struct: its properties in declaration order (the
// fields of an embedded base class first), the class name of a class, where it keeps
// its key order.
type structInfo struct {
	fields    []fieldInfo
	byName    map[string]int
	className string
	keys      []int // index path of the keys field, nil when the struct has none
}

var structInfos sync.Map // reflect.Type → *structInfo

var keysType = reflect.TypeFor[Keys]()
var classType = reflect.TypeFor[Class]()
var errorType = reflect.TypeFor[Error]()

func infoOf(t reflect.Type) *structInfo {
	if cached, ok := structInfos.Load(t); ok {
		return cached.(*structInfo)
	}
	info := &structInfo{byName: map[string]int{}}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			path := append(append([]int(nil), prefix...), i)
			switch {
			case f.Type == classType:
				if name, ok := f.Tag.Lookup("js"); ok && info.className == "" {
					info.className = name
				}
			case f.Type == keysType:
				info.keys = path
			case f.Anonymous && f.Type.Kind() == reflect.Struct && f.Type != errorType:
				walk(f.Type, path)
			default:
				tag, ok := f.Tag.Lookup("js")
				if !ok {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if _, dup := info.byName[name]; dup {
					continue
				}
				info.byName[name] = len(info.fields)
				info.fields = append(info.fields, fieldInfo{name: name, index: path, optional: opts == "optional"})
			}
		}
	}
	walk(t, nil)
	// The class name of the most derived class is the outermost marker.
	if t.NumField() > 0 && t.Field(0).Type == classType {
		info.className = t.Field(0).Tag.Get("js")
	}
	structInfos.Store(t, info)
	return info
}

// objectField is one own property of an object.
type objectField struct {
	name  string
	value any
}

// fieldByIndex reads a possibly unexported field.
func fieldByIndex(s reflect.Value, index []int) reflect.Value {
	f := s.FieldByIndex(index)
	if !f.CanInterface() {
		f = reflect.NewAt(f.Type(), f.Addr().UnsafePointer()).Elem()
	}
	return f
}

// keysOf returns the key order a struct records, or nil.
func keysOf(s reflect.Value, info *structInfo) *Keys {
	if info.keys == nil {
		return nil
	}
	return fieldByIndex(s, info.keys).Addr().Interface().(*Keys)
}

// ownProperties returns the own enumerable properties of an object, in JavaScript
// order: a struct's (recorded key order, or declaration order), a Record's.
func ownProperties(v any) (fields []objectField, className string, ok bool) {
	if r, isRecord := v.(recordLike); isRecord {
		keys, values := r.recordEntries()
		for i, k := range keys {
			fields = append(fields, objectField{name: k, value: values[i]})
		}
		if r.hasNullPrototype() {
			return fields, "[Object: null prototype]", true
		}
		return fields, "", true
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, "", false
	}
	s := rv.Elem()
	info := infoOf(s.Type())
	if k := keysOf(s, info); k != nil && k.names != nil {
		for _, name := range jsKeyOrder(k.names) {
			if i, known := info.byName[name]; known {
				fields = append(fields, objectField{name: name, value: toJSValue(fieldByIndex(s, info.fields[i].index).Interface())})
			} else if x, extra := k.extra[name]; extra {
				fields = append(fields, objectField{name: name, value: x})
			}
		}
		return fields, info.className, true
	}
	for _, f := range info.fields {
		fv := fieldByIndex(s, f.index)
		value := toJSValue(fv.Interface())
		if f.optional && value == nil {
			continue
		}
		fields = append(fields, objectField{name: f.name, value: value})
	}
	return integerKeysFirst(fields), info.className, true
}

// jsKeyOrder is JavaScript's own-key order: array-index keys ascending, then the others
// in insertion order.
func jsKeyOrder(names []string) []string {
	hasIndex := false
	for _, n := range names {
		if _, ok := arrayIndex(n); ok {
			hasIndex = true
			break
		}
	}
	if !hasIndex {
		return names
	}
	var ints, others []string
	for _, n := range names {
		if _, ok := arrayIndex(n); ok {
			ints = append(ints, n)
		} else {
			others = append(others, n)
		}
	}
	slices.SortFunc(ints, func(a, b string) int {
		x, _ := arrayIndex(a)
		y, _ := arrayIndex(b)
		return cmp.Compare(x, y)
	})
	return append(ints, others...)
}

func integerKeysFirst(fields []objectField) []objectField {
	if len(fields) < 2 {
		return fields
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	order := jsKeyOrder(names)
	if &order[0] == &names[0] {
		return fields
	}
	byName := map[string]objectField{}
	for _, f := range fields {
		byName[f.name] = f
	}
	out := make([]objectField, len(order))
	for i, n := range order {
		out[i] = byName[n]
	}
	return out
}

// setProperty sets an own property of a struct (or Record) by its JavaScript name,
// converting v (an `any` by the value convention) to the field's Go type. Properties the
// struct does not declare are kept with its key order.
func setProperty(obj any, name string, v any) {
	if r, ok := obj.(recordSetter); ok {
		r.setAny(name, v)
		return
	}
	s := reflect.ValueOf(obj).Elem()
	info := infoOf(s.Type())
	k := keysOf(s, info)
	if i, known := info.byName[name]; known {
		assignJS(fieldByIndex(s, info.fields[i].index), v)
	} else if k != nil {
		if k.extra == nil {
			k.extra = map[string]any{}
		}
		k.extra[name] = v
	}
	if k != nil {
		k.Add(name)
	}
}

// assignJS stores a JavaScript value (any convention) into a Go location of a generated type.
func assignJS(dst reflect.Value, v any) {
	t := dst.Type()
	if v == any(Null) && t.Kind() == reflect.Interface {
		// A property typed `T | null` is an `any` that keeps null apart from undefined
		// (its zero value): { n: null } copied must stay null.
		dst.Set(reflect.ValueOf(v))
		return
	}
	if v == nil || v == any(Null) {
		dst.Set(reflect.Zero(t))
		return
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.Type().AssignableTo(t):
		dst.Set(rv)
	case t.Kind() == reflect.Pointer && rv.Type().AssignableTo(t.Elem()):
		p := reflect.New(t.Elem())
		p.Elem().Set(rv)
		dst.Set(p)
	case rv.Type().ConvertibleTo(t):
		dst.Set(rv.Convert(t))
	default:
		panic(NewTypeError("cannot store a " + TypeOf(v) + " in a property of Go type " + t.String()))
	}
}
