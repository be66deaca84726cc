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

// The filter lock. Code compiled from TypeScript expects JavaScript's single thread: no two
// pieces of it run at once, and one hook gives way to another only where it awaits. Its
// module-level variables and the objects `configure` returned are shared by every plugin,
// config, stream and worker of the library, so the lock is the library's: libraryLock,
// held while any plugin's code runs — DecodeConfig and Configure (configs.go), NewFilter and
// every hook, async ones included. An async hook lets go of it exactly where the TypeScript
// awaited: in api.Sleep and while a getter waits for Envoy (CAPIYield). The entry that starts
// an async hook hands the lock to the hook's goroutine and returns to Envoy only when the
// hook first lets go of it, so the hook runs up to its first await before anything else
// happens, as in JavaScript. A goroutine running an async hook is registered, so Sleep can
// find its stream. A plugin that sets api.Plugin.Concurrent (Go written to guard its own
// state) takes a lock of each stream's own instead (request.streamLock): only that stream's
// hooks are kept apart.
//
// Lock ordering, to keep it free of deadlocks (the Envoy locks named are golang_filter.cc's):
//
//  1. The filter lock comes first. While holding it Go may take request.capiMu and then,
//     inside a C call, Envoy's per-filter mutex_ or a config's mutex_; none of those is
//     held by anyone who then waits for the filter lock. (Envoy holds a route config's
//     mutex_ while it calls envoyGoFilterNewHttpPluginConfig, which takes the filter lock:
//     that order, Envoy's lock then ours, is never reversed.)
//  2. A holder never waits for a worker thread: every C call it makes either answers at once
//     or, off the worker, is posted (Continue, local replies, writes). The one wait for a
//     worker, a yielding getter's, and every sleep happen with the lock released. Envoy's
//     wake-up for a getter (envoyGoRequestSemaDec) does not take the filter lock.
//  3. A C call Envoy may answer by running filters inline on the worker re-enters Go on the
//     same thread, where taking the lock again would deadlock (sync.Mutex is not
//     reentrant). Envoy posts Continue, local replies and panic replies always, even on the
//     worker, so only AddData from a synchronous hook re-enters (the filter manager feeds
//     the added data to the next filters at once, which may be this library's): it runs
//     with the lock released (releaseForInlineCall), the one place a synchronous hook gives
//     way. ClearRouteCache's route refresh runs no HTTP filter.
//  4. The collector's cleanups (finalizeRequest, finalizeConfig) run no plugin code and
//     take no lock; Envoy's finalize calls do not call back into Go.

// libraryLock is the filter lock of every plugin that is not Concurrent.
var libraryLock sync.Mutex

// asyncGoroutines maps the id of a goroutine running an async hook to its request.
var asyncGoroutines sync.Map // uint64 -> *request

func init() {
	api.SetSleeper(sleepReleasingHook)
}

// hookLock is the request's filter lock.
func (req *request) hookLock() *sync.Mutex {
	if req.concurrent {
		return &req.streamLock
	}
	return &libraryLock
}

// lockPluginCode takes the filter lock for code of plugin that runs outside a stream
// (DecodeConfig, Configure) and returns what releases it.
func lockPluginCode(plugin *api.Plugin) (unlock func()) {
	if plugin.Concurrent {
		return func() {}
	}
	libraryLock.Lock()
	return libraryLock.Unlock
}

// enterHook takes the filter lock for an invocation of h in direction s (nil for the
// stream-level hooks). The invocation is the request's own (syncInv): a hook that turns
// out to be async moves to one of its own (runHook).
func (req *request) enterHook(h hook, s *C.processState) *invocation {
	req.hookLock().Lock()
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
	req.hookLock().Unlock()
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
	req.hookLock().Lock()
	req.running = inv
}

// inlineCall is what releaseForInlineCall let go of: a synchronous hook's invocation,
// whose fields a hook entered meanwhile on the same thread may overwrite.
type inlineCall struct {
	released bool
	hook     hook
	state    *C.processState
	replied  bool
}

// releaseForInlineCall lets go of the library lock when the caller is a synchronous hook
// (on the worker) about to make a C call that may run filters inline (rule 3 above); the
// caller passes the result to retakeAfterInlineCall. Async hooks keep the lock: off the
// worker Envoy posts such calls.
func (req *request) releaseForInlineCall() inlineCall {
	inv := req.running
	if req.concurrent || inv != &req.syncInv {
		return inlineCall{}
	}
	held := inlineCall{released: true, hook: inv.hook, state: inv.state, replied: inv.replied}
	req.running = nil
	libraryLock.Unlock()
	return held
}

func (req *request) retakeAfterInlineCall(held inlineCall) {
	if !held.released {
		return
	}
	libraryLock.Lock()
	inv := &req.syncInv
	inv.hook, inv.state, inv.replied = held.hook, held.state, held.replied
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
