package js

import (
	"fmt"
	"runtime"
)

// Error is a JavaScript Error object (Error, TypeError, RangeError, SyntaxError).
type Error struct {
	Name    string
	Message string
}

// NewError is new Error(message).
func NewError(message string) *Error { return &Error{Name: "Error", Message: message} }

// NewTypeError is new TypeError(message).
func NewTypeError(message string) *Error { return &Error{Name: "TypeError", Message: message} }

// NewRangeError is new RangeError(message).
func NewRangeError(message string) *Error { return &Error{Name: "RangeError", Message: message} }

// NewSyntaxError is new SyntaxError(message).
func NewSyntaxError(message string) *Error { return &Error{Name: "SyntaxError", Message: message} }

// String is String(err): "Name: message", or just the name when the message is empty.
func (e *Error) String() string {
	if e.Message == "" {
		return e.Name
	}
	return e.Name + ": " + e.Message
}

// Error makes *Error a Go error, so a panic carrying one prints readably.
func (e *Error) Error() string { return e.String() }

// Thrown wraps a thrown value that is not an Error (throw "x").
type Thrown struct{ Value any }

func (t *Thrown) Error() string { return "Uncaught " + ToString(t.Value) }

// Throw panics with v as a JavaScript exception.
func Throw(v any) {
	if e, ok := v.(*Error); ok {
		panic(e)
	}
	panic(&Thrown{Value: v})
}

// Caught turns a recovered panic value into the value a catch clause binds: the thrown
// value itself, or a TypeError / RangeError for a Go runtime failure (nil dereference,
// index out of range), as JavaScript would have raised one.
func Caught(r any) any {
	switch v := r.(type) {
	case *Error:
		return v
	case *Thrown:
		return v.Value
	case runtime.Error:
		return &Error{Name: "TypeError", Message: v.Error()}
	case error:
		return &Error{Name: "Error", Message: v.Error()}
	}
	return &Error{Name: "Error", Message: fmt.Sprint(r)}
}

// AsError returns the caught value as an Error when it is one (the instanceof Error test).
func AsError(v any) (*Error, bool) {
	e, ok := v.(*Error)
	return e, ok
}

// Try runs body; when it throws, catch gets the thrown value (when catch is not nil);
// finally (when not nil) runs last in every case. A throw from catch, or one that no
// catch handles, propagates after finally.
func Try(body func(), catch func(thrown any), finally func()) {
	if finally != nil {
		defer finally()
	}
	if catch == nil {
		body()
		return
	}
	thrown, ok := run(body)
	if ok {
		catch(thrown)
	}
}

// run calls body and reports the value it threw, if any.
func run(body func()) (thrown any, threw bool) {
	defer func() {
		if r := recover(); r != nil {
			thrown, threw = Caught(r), true
		}
	}()
	body()
	return nil, false
}

// IsError is `v instanceof Error` for a caught value.
func IsError(v any) bool {
	_, ok := v.(*Error)
	return ok
}
