package js

// IsArray is Array.isArray(v).
func IsArray(v any) bool {
	_, ok := v.(arrayLike)
	return ok && !isNilPointer(v)
}

// IsMap is `v instanceof Map`.
func IsMap(v any) bool {
	k, ok := v.(keyedLike)
	return ok && !isNilPointer(v) && k.kindName() == "Map"
}

// IsSet is `v instanceof Set`.
func IsSet(v any) bool {
	k, ok := v.(keyedLike)
	return ok && !isNilPointer(v) && k.kindName() == "Set"
}

// LengthOf is v.length for a value whose type is known only to be a string or an array.
func LengthOf(v any) float64 {
	switch x := toJSValue(v).(type) {
	case string:
		return float64(Len(x))
	case arrayLike:
		return float64(len(x.elements()))
	case []byte:
		return float64(len(x))
	}
	panic(NewTypeError("Cannot read properties of " + ToString(v) + " (reading 'length')"))
}
