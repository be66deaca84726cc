package js

import (
	"strconv"
)

// ToString is String(v) for any value the compiler represents.
func ToString(v any) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case string:
		return x
	case float64:
		return NumberToString(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case *string:
		if x == nil {
			return "undefined"
		}
		return *x
	case *float64:
		if x == nil {
			return "undefined"
		}
		return NumberToString(*x)
	case *bool:
		if x == nil {
			return "undefined"
		}
		return strconv.FormatBool(*x)
	case *Error:
		return x.String()
	case interface{ String() string }:
		return x.String()
	}
	if isNilPointer(v) {
		return "undefined"
	}
	if isMapOrSet(v) {
		return "[object " + mapOrSetName(v) + "]"
	}
	return "[object Object]"
}
