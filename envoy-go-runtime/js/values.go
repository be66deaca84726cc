package js

import (
	"math"
	"reflect"
	"strconv"
)

// Values whose JavaScript type is not known statically (unions, unknown) are held in a
// Go `any` by this convention: nil is undefined, Null is null, numbers are float64,
// strings string, booleans bool; objects, arrays, Maps and functions are their Go
// reference values (never a typed nil pointer: that is normalized to nil or Null).

// NullType is the type of null.
type NullType struct{}

// Null is JavaScript's null in an `any`.
var Null = NullType{}

// String makes null print as JavaScript does.
func (NullType) String() string { return "null" }

// Class marks the struct of a class (its zero-size blank field carries the class name
// in its tag: `js:"Name"`), so console output can print `Name { ... }`.
type Class struct{}

// OptValue boxes an optional primitive (*T, nil = undefined).
func OptValue[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// NullableValue boxes a nullable primitive (*T, nil = null).
func NullableValue[T any](p *T) any {
	if p == nil {
		return Null
	}
	return *p
}

// NilAsUndefined boxes a reference that may be nil (undefined).
func NilAsUndefined(v any) any {
	if v == nil || isNilPointer(v) {
		return nil
	}
	return v
}

// NilAsNull boxes a reference that may be nil (null).
func NilAsNull(v any) any {
	if v == nil || isNilPointer(v) {
		return Null
	}
	return v
}

// AsPtr takes an optional primitive out of an `any`: nil for undefined and null.
func AsPtr[T any](v any) *T {
	if v == nil || v == any(Null) {
		return nil
	}
	x := v.(T)
	return &x
}

// AsNilable takes a reference out of an `any`: its nil for undefined and null.
func AsNilable[T any](v any) T {
	var zero T
	if v == nil || v == any(Null) {
		return zero
	}
	return v.(T)
}

// IsNullish reports whether v is null or undefined (v == null in JavaScript).
func IsNullish(v any) bool {
	return v == nil || v == any(Null) || isNilPointer(v)
}

// IsTruthy is JavaScript's ToBoolean of any value.
func IsTruthy(v any) bool {
	switch x := v.(type) {
	case nil, NullType:
		return false
	case bool:
		return x
	case float64:
		return Truthy(x)
	case string:
		return x != ""
	case int:
		return x != 0
	}
	return !isNilPointer(v)
}

// TypeOf is the typeof operator.
func TypeOf(v any) string {
	switch v.(type) {
	case nil:
		return "undefined"
	case NullType:
		return "object"
	case float64, int:
		return "number"
	case string:
		return "string"
	case bool:
		return "boolean"
	}
	if isNilPointer(v) {
		return "undefined"
	}
	if reflect.ValueOf(v).Kind() == reflect.Func {
		return "function"
	}
	return "object"
}

// TypeOfOptional is typeof of an optional primitive whose type is known: "undefined" or t.
func TypeOfOptional(isNil bool, t string) string {
	if isNil {
		return "undefined"
	}
	return t
}

// StrictEquals is === between two values of unknown type.
func StrictEquals(a, b any) bool {
	a, b = NilAsUndefined(a), NilAsUndefined(b)
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && StringsEqual(x, y)
	case nil:
		return b == nil
	}
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Kind() == reflect.Func || rb.Kind() == reflect.Func {
		return ra.Kind() == rb.Kind() && ra.Pointer() == rb.Pointer()
	}
	if ra.Type() != rb.Type() {
		return sameObject(a, b)
	}
	return a == b
}

// sameObject compares class values seen through different Go types (a struct pointer
// and the interface of its class): the same object has the same address.
func sameObject(a, b any) bool {
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	if ra.Kind() == reflect.Pointer && rb.Kind() == reflect.Pointer {
		return ra.Pointer() == rb.Pointer() && ra.Elem().Type() == rb.Elem().Type()
	}
	return false
}

// SameValue is Object.is: NaN equals NaN, +0 differs from -0.
func SameValue(a, b any) bool {
	if x, ok := a.(float64); ok {
		if y, ok := b.(float64); ok {
			if x != x && y != y {
				return true
			}
			return x == y && math.Signbit(x) == math.Signbit(y)
		}
	}
	return StrictEquals(a, b)
}

// InstanceOf reports whether v holds a T (a class or its interface).
func InstanceOf[T any](v any) bool {
	if v == nil || isNilPointer(v) {
		return false
	}
	_, ok := v.(T)
	return ok
}

// ToNumber is Number(v) for any value.
func ToNumber(v any) float64 {
	switch x := v.(type) {
	case nil:
		return math.NaN()
	case NullType:
		return 0
	case float64:
		return x
	case int:
		return float64(x)
	case bool:
		return BoolToNumber(x)
	case string:
		return StringToNumber(x)
	}
	if isNilPointer(v) {
		return math.NaN()
	}
	if a, ok := v.(arrayLike); ok {
		items := a.elements()
		switch len(items) {
		case 0:
			return 0
		case 1:
			return ToNumber(StringOf(items[0]))
		}
	}
	return math.NaN()
}

// ToString is String(v) for any value the compiler represents.
func ToString(v any) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case NullType:
		return "null"
	case string:
		return x
	case float64:
		return NumberToString(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	}
	if isNilPointer(v) {
		return "undefined"
	}
	if e, ok := v.(*Error); ok {
		v = e.Self()
	}
	if t, ok := v.(interface{ ToString() string }); ok {
		return t.ToString()
	}
	if e, ok := v.(errorValue); ok {
		return e.JSError().String()
	}
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	if isMapOrSet(v) {
		return "[object " + mapOrSetName(v) + "]"
	}
	return "[object Object]"
}

// StringOf is String(v) for an array element as join() sees it: null and undefined are "".
func StringOf(v any) string {
	if IsNullish(v) {
		return ""
	}
	return ToString(v)
}

// EnumName is Enum[value] for a numeric TypeScript enum: the member's name, or undefined.
func EnumName(names map[float64]string, v float64) *string {
	if name, ok := names[v]; ok {
		return &name
	}
	return nil
}

// cast converts a value held in an `any` to T, the element type of a container; an
// undefined value (nil) becomes T's zero value, where a bare type assertion would panic.
func cast[T any](v any) T {
	if v == nil {
		var zero T
		return zero
	}
	return v.(T)
}
