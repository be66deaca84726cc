package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"time"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// The filter lock (request.hookMu). A filter compiled from TypeScript expects its hooks
// never to run at the same time: in JavaScript an async hook gives way only where it
// awaits. So every hook runs holding its stream's hookMu, and an async hook lets go of
// it exactly where the TypeScript awaited: in api.Sleep and while a getter waits for
// Envoy (CAPIYield). The entry that starts an async hook hands its lock to the hook's
// goroutine and returns to Envoy only when the hook first lets go of it, so the hook runs
// up to its first await before anything else happens to the stream, as in JavaScript. A
// goroutine running an async hook is registered, so Sleep can find its stream.

// asyncGoroutines maps the id of a goroutine running an async hook to its request.
var asyncGoroutines sync.Map // uint64 -> *request

func init() {
	api.SetSleeper(sleepReleasingHook)
}

// enterHook takes the filter lock for an invocation of h in direction s (nil for the
// stream-level hooks). The invocation is the request's own (syncInv): a hook that turns
// out to be async moves to one of its own (runHook).
func (req *request) enterHook(h hook, s *C.processState) *invocation {
	req.hookMu.Lock()
	inv := &req.syncInv
	inv.hook, inv.state, inv.replied = h, s, false
	req.running = inv
	return inv
}

// exitHook releases the filter lock. For an async hook the first release also lets the
// entry that started it return.
func (req *request) exitHook() {
	inv := req.running
	req.running = nil
	req.hookMu.Unlock()
	if inv != nil && inv.parked != nil {
		inv.parkOnce.Do(func() { close(inv.parked) })
	}
}

// leaveHook lets go of the filter lock if the calling goroutine is an async hook holding
// it, and returns the invocation to resume; nil otherwise.
func (req *request) leaveHook() *invocation {
	if owner, ok := asyncGoroutines.Load(goroutineID()); !ok || owner != req {
		return nil
	}
	inv := req.running
	req.exitHook()
	return inv
}

// enterHookAgain takes the filter lock back for inv.
func (req *request) enterHookAgain(inv *invocation) {
	req.hookMu.Lock()
	req.running = inv
}

// sleepReleasingHook is api.Sleep: an async hook gives the filter lock up while it sleeps.
func sleepReleasingHook(d time.Duration) {
	v, ok := asyncGoroutines.Load(goroutineID())
	if !ok {
		time.Sleep(d)
		return
	}
	req := v.(*request)
	inv := req.running
	req.exitHook()
	time.Sleep(d)
	req.enterHookAgain(inv)
}

// goroutineID reads the current goroutine's id from the first line of its stack trace
// ("goroutine 42 [running]:"). Go offers no cheaper way; it costs about a microsecond and
// runs only when an async hook starts, sleeps or waits for Envoy.
func goroutineID() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	const prefix = "goroutine "
	var id uint64
	for _, c := range buf[len(prefix):n] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}
