package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"runtime"
	"slices"
	"strings"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// The CAPIYield protocol. A getter called off Envoy's worker thread (from an async hook)
// gets CAPIYield: Envoy posts the lookup to the worker, which writes the result through
// the pointers the getter passed and then calls envoyGoRequestSemaDec. Envoy does not say
// which yield a wake-up is for; its posted lookups run in the order they were posted, so
// the runtime keeps the slots in the same order (registering each under capiMu before the
// call) and every wake-up completes the oldest one. On the worker, in the wake-up, the
// result is copied out of Envoy's scratch string before any other getter can overwrite
// it. Destroying the stream abandons every slot still waiting.

// The statuses yieldingCall tells apart, named for the package's tests (which cannot use
// cgo).
const (
	capiOK      = C.CAPIOK
	capiYield   = C.CAPIYield
	capiNotInGo = C.CAPINotInGo
	capiDestroy = C.CAPIFilterIsDestroy
)

// capiStatus and cProcessState name C types for the tests.
type (
	capiStatus    = C.CAPIStatus
	cProcessState = C.processState
)

// yieldSlot is where Envoy writes one getter's result. It lives on the Go heap and stays
// pinned while Envoy may write to it.
type yieldSlot struct {
	data C.uint64_t
	len  C.int
	rc   C.int

	pinner runtime.Pinner
	done   chan struct{}
	// Filled when the slot completes:
	present   bool   // Envoy wrote a value pointer
	length    int    // the length Envoy wrote (GetStringSecret writes -1 for "none")
	raw       string // a copy of the bytes
	status    C.CAPIStatus
	abandoned bool // the stream was destroyed first
}

// capture copies what Envoy wrote into the slot into Go memory.
func (y *yieldSlot) capture(status C.CAPIStatus) {
	y.status = status
	y.present = y.data != 0
	y.length = int(y.len)
	if y.present && y.len > 0 {
		y.raw = strings.Clone(cString(y.data, int(y.len)))
	}
}

// yieldingCall runs a getter that may answer CAPIYield and returns its completed slot.
// Statuses other than CAPIOK and CAPIYield come back in slot.status. A caller holding
// the filter lock (an async hook) lets go of it while it waits, so the worker can run the lookup
// and other hooks meanwhile.
func (req *request) yieldingCall(call func(*request, *yieldSlot) C.CAPIStatus) *yieldSlot {
	slot := &yieldSlot{done: make(chan struct{})}
	slot.pinner.Pin(slot)
	defer slot.pinner.Unpin()

	req.capiMu.Lock()
	req.yields = append(req.yields, slot)
	st := call(req, slot)
	if st != C.CAPIYield {
		// Answered inline: no wake-up will come for this slot.
		req.forgetYield(slot)
		slot.capture(st)
		req.capiMu.Unlock()
		return slot
	}
	req.capiMu.Unlock()

	if inv := req.leaveHook(); inv != nil {
		<-slot.done
		req.enterHookAgain(inv)
	} else {
		<-slot.done
	}
	return slot
}

// forgetYield removes slot from the queue; caller holds capiMu.
func (req *request) forgetYield(slot *yieldSlot) {
	if i := slices.Index(req.yields, slot); i >= 0 {
		req.yields = slices.Delete(req.yields, i, i+1)
	}
}

// semaDec completes the oldest waiting slot (envoyGoRequestSemaDec, on the worker).
func (req *request) semaDec() {
	req.capiMu.Lock()
	if len(req.yields) == 0 {
		req.capiMu.Unlock()
		logf(api.LogError, "mosn-ts runtime: envoyGoRequestSemaDec without a waiting getter")
		return
	}
	slot := req.yields[0]
	req.yields = slices.Delete(req.yields, 0, 1)
	// The posted lookup's own status for GetStringProperty is in rc; for the others the
	// lookup succeeded when it ran.
	slot.capture(C.CAPIStatus(slot.rc))
	req.capiMu.Unlock()
	close(slot.done)
}

// abandonYields wakes every waiting getter: the stream is being destroyed, and Envoy
// drops posted lookups of a destroyed stream without waking anyone.
func (req *request) abandonYields() {
	req.capiMu.Lock()
	waiting := req.yields
	req.yields = nil
	req.capiMu.Unlock()
	for _, slot := range waiting {
		slot.abandoned = true
		slot.status = C.CAPIFilterIsDestroy
		close(slot.done)
	}
}
