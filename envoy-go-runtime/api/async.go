package api

import "time"

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

// Sleep blocks for ms milliseconds (the SDK's `sleep`, inside an async hook).
func Sleep(ms float64) {
	if ms > 0 {
		time.Sleep(time.Duration(ms * float64(time.Millisecond)))
	}
}
