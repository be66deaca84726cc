package js

import (
	"errors"
	"fmt"
	"runtime"
)

// Error is a JavaScript Error object (Error, TypeError, RangeError, ...). A user class
// extending Error embeds it; self is then the object of that class, so the error keeps
// its identity wherever it is seen as a plain Error.
type Error struct {
	Name    string
	Message string
	// kind is the built-in class it was created by (instanceof TypeError...).
	kind string
	self any
}

func newError(kind, message string) *Error { return &Error{Name: kind, Message: message, kind: kind} }

// NewError is new Error(message).
func NewError(message string) *Error { return newError("Error", message) }

// NewTypeError is new TypeError(message).
func NewTypeError(message string) *Error { return newError("TypeError", message) }

// NewRangeError is new RangeError(message).
func NewRangeError(message string) *Error { return newError("RangeError", message) }

// NewSyntaxError is new SyntaxError(message).
func NewSyntaxError(message string) *Error { return newError("SyntaxError", message) }

// NewURIError is new URIError(message).
func NewURIError(message string) *Error { return newError("URIError", message) }

// NewEvalError is new EvalError(message).
func NewEvalError(message string) *Error { return newError("EvalError", message) }

// NewReferenceError is new ReferenceError(message).
func NewReferenceError(message string) *Error { return newError("ReferenceError", message) }

// InitError is super(message) in a class extending a built-in error class: self is the
// object being constructed.
func InitError(e *Error, self any, kind, message string) {
	*e = Error{Name: kind, Message: message, kind: kind, self: self}
}

// Self is the object this error is: the user class instance it is embedded in, or itself.
func (e *Error) Self() any {
	if e.self != nil {
		return e.self
	}
	return e
}

// JSError is the embedded Error of an object (promoted to classes extending Error).
func (e *Error) JSError() *Error { return e }

// errorValue is what every Error, and every object of a class extending Error, is.
type errorValue interface{ JSError() *Error }

// String is String(err): "Name: message", or the name alone when the message is empty.
func (e *Error) String() string {
	switch {
	case e.Message == "":
		return e.Name
	case e.Name == "":
		return e.Message
	}
	return e.Name + ": " + e.Message
}

// Error makes *Error a Go error, so a panic carrying one prints readably.
func (e *Error) Error() string { return e.String() }

// Thrown wraps a thrown value that is not an Error (throw "x").
type Thrown struct{ Value any }

// Error is String(value), what a hook panic logs for any thrown value (docs/architecture.md).
func (t *Thrown) Error() string { return ToString(t.Value) }

// Throw panics with v as a JavaScript exception.
func Throw(v any) {
	switch x := v.(type) {
	case *Error:
		panic(x)
	case errorValue:
		panic(v)
	}
	panic(&Thrown{Value: v})
}

// Caught turns a recovered panic value into the value a catch clause binds: the thrown
// value itself, or a TypeError / RangeError for a Go runtime failure (nil dereference,
// index out of range), as JavaScript would have raised one.
func Caught(r any) any {
	switch v := r.(type) {
	case *Error:
		return v.Self()
	case errorValue:
		return v
	case *Thrown:
		return v.Value
	case runtime.Error:
		return NewTypeError(v.Error())
	case error:
		return NewError(v.Error())
	}
	return NewError(fmt.Sprint(r))
}

// AsError returns the caught value as an Error when it is one (instanceof Error).
func AsError(v any) *Error {
	if e, ok := v.(errorValue); ok && !isNilPointer(v) {
		return e.JSError()
	}
	if v == nil || IsNullish(v) {
		return nil
	}
	panic(NewTypeError("value is not an Error"))
}

// IsError is `v instanceof Error`.
func IsError(v any) bool {
	e, ok := v.(errorValue)
	return ok && !isNilPointer(v) && e.JSError() != nil
}

// IsErrorKind is `v instanceof TypeError` (and the other built-in error classes).
func IsErrorKind(v any, kind string) bool {
	e, ok := v.(errorValue)
	return ok && !isNilPointer(v) && e.JSError().kind == kind
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

// TryFinallyLeaves is Try for a finally block that may leave the statement (a return,
// break or continue in it sets *exit): then, as in JavaScript, an exception thrown by body
// or catch is discarded. Only such statements pay for the recover and re-panic.
func TryFinallyLeaves(exit *int, body func(), catch func(thrown any), finally func()) {
	defer func() {
		before := *exit
		r := recover()
		finally()
		if r != nil && *exit == before {
			panic(r)
		}
	}()
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

// Configure runs a plugin's configure: its result, or the thrown value as an error whose
// text is String(thrown).
func Configure(body func() any) (result any, err error) {
	thrown, threw := run(func() { result = body() })
	if threw {
		return nil, errors.New(ToString(thrown))
	}
	return result, nil
}
