package js

import (
	"reflect"
	"strings"
)

// Generic containers expose their contents to the reflective helpers (JSON, console
// output) through these unexported interfaces.

type arrayLike interface {
	elements() []any
}

type keyedLike interface {
	// keyedEntries returns the entries in order; sets return their members as keys.
	keyedEntries() (keys, values []any)
	kindName() string
}

func (a *Array[T]) elements() []any {
	out := make([]any, len(a.items))
	for i, v := range a.items {
		out[i] = v
	}
	return out
}

func (m *Map[K, V]) keyedEntries() (keys, values []any) {
	for k, v := range m.All() {
		keys, values = append(keys, k), append(values, v)
	}
	return keys, values
}

func (m *Map[K, V]) kindName() string { return "Map" }

func (s *Set[T]) keyedEntries() (keys, values []any) {
	for v := range s.Values() {
		keys = append(keys, v)
	}
	return keys, nil
}

func (s *Set[T]) kindName() string { return "Set" }

func isNilPointer(v any) bool {
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

// objectField is one property of a generated struct (an object in JavaScript).
type objectField struct {
	name  string
	value reflect.Value
}

// structFields returns the JavaScript properties of a struct pointer, in declaration
// order: fields with a js tag; absent optional ones (nil) are skipped.
func structFields(v reflect.Value) (fields []objectField, ok bool) {
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	s := v.Elem()
	t := s.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("js")
		if !hasTag {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		fv := s.Field(i)
		switch fv.Kind() {
		case reflect.Pointer, reflect.Interface, reflect.Func, reflect.Map, reflect.Slice:
			if fv.IsNil() {
				continue
			}
		}
		if fv.Kind() == reflect.Func {
			continue
		}
		fields = append(fields, objectField{name: name, value: fv})
	}
	return fields, true
}

// fieldValue returns the value of an unexported or exported struct field as any.
func fieldValue(v reflect.Value) any {
	if v.CanInterface() {
		return v.Interface()
	}
	return reflect.NewAt(v.Type(), v.Addr().UnsafePointer()).Elem().Interface()
}
