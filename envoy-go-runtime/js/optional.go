package js

// Optional values of primitive type (string | undefined, number | null, ...) are
// pointers in generated code: nil is the missing value. Reference types use their own nil.

// Ptr returns a pointer to a copy of v (a defined optional value).
func Ptr[T any](v T) *T { return &v }

// Opt converts Go's (value, ok) pair into an optional value.
func Opt[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
}

// OptInt converts an (int, ok) pair into an optional number.
func OptInt(v int, ok bool) *float64 {
	if !ok {
		return nil
	}
	f := float64(v)
	return &f
}

// OrZero drops the ok flag of a (value, ok) pair whose value type is already nil-able.
func OrZero[T any](v T, ok bool) T { return v }

// Deref returns *p, or zero when p is nil.
func Deref[T any](p *T) (v T) {
	if p != nil {
		v = *p
	}
	return v
}

// PtrEquals is p === v for an optional primitive p.
func PtrEquals[T comparable](p *T, v T) bool { return p != nil && *p == v }

// PtrEqualsPtr is p === q for two optional primitives.
func PtrEqualsPtr[T comparable](p, q *T) bool {
	if p == nil || q == nil {
		return p == nil && q == nil
	}
	return *p == *q
}

// Must is x! for an optional primitive: its value, or a TypeError where it is missing
// (JavaScript would go on with undefined in a variable typed otherwise).
func Must[T any](p *T) T {
	if p == nil {
		panic(NewTypeError("non-null assertion failed: the value is undefined or null"))
	}
	return *p
}

// MustNotNil is x! for a reference.
func MustNotNil[T any](v T) T {
	if IsNullish(any(v)) {
		panic(NewTypeError("non-null assertion failed: the value is undefined or null"))
	}
	return v
}
