package js

// Optional values of primitive type (string | undefined, number | undefined, ...) are
// pointers in generated code: nil is undefined. Reference types use their own nil.

// Ptr returns a pointer to a copy of v (a defined optional value).
func Ptr[T any](v T) *T { return &v }

// Opt converts Go's (value, ok) pair into an optional value.
func Opt[T any](v T, ok bool) *T {
	if !ok {
		return nil
	}
	return &v
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
