package api

import (
	"sync/atomic"
	"time"
)

// Hooks is a set of hook bits.
type Hooks uint16

const (
	HookDecodeHeaders Hooks = 1 << iota
	HookDecodeData
	HookDecodeTrailers
	HookEncodeHeaders
	HookEncodeData
	HookEncodeTrailers
)

// AsyncHook is implemented by filters some of whose hooks are asynchronous (TypeScript
// `async` methods): the backend runs those hooks in a goroutine, tells Envoy the stream is
// Running, and continues it with the hook's status when the goroutine returns.
type AsyncHook interface {
	AsyncHooks() Hooks
}

// Sleep blocks for ms milliseconds (the SDK's `sleep`, inside an async hook). Like an
// `await`, it gives way even for 0 (or less): other hooks, of this stream and (unless the
// plugin is Concurrent) of every stream of the library, may run meanwhile.
func Sleep(ms float64) {
	var d time.Duration
	if ms > 0 {
		d = time.Duration(ms * float64(time.Millisecond))
	}
	if s := sleeper.Load(); s != nil {
		(*s)(d)
		return
	}
	if d > 0 {
		time.Sleep(d)
	}
}

var sleeper atomic.Pointer[func(time.Duration)]

// SetSleeper replaces how Sleep waits. A backend uses it to let other hooks run while an
// async hook sleeps, as they would in JavaScript (Plugin.Concurrent).
func SetSleeper(sleep func(time.Duration)) {
	sleeper.Store(&sleep)
}
