package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// hook names a filter entry in logs; the names are the TypeScript hook names.
type hook int

const (
	hookCreate hook = iota
	hookDecodeHeaders
	hookDecodeData
	hookDecodeTrailers
	hookEncodeHeaders
	hookEncodeData
	hookEncodeTrailers
	hookLog
	hookStreamComplete
	hookDestroy
)

var hookNames = [...]string{"create", "decodeHeaders", "decodeData", "decodeTrailers",
	"encodeHeaders", "encodeData", "encodeTrailers", "onLog", "onStreamComplete", "onDestroy"}

func (h hook) String() string { return hookNames[h] }

// headerHook tells which hook a header callback is for, from the state Envoy set before
// the call: ProcessingHeader or ProcessingTrailer, per direction.
func headerHook(s *C.processState) (hook, bool) {
	switch s.state {
	case C.ENVOY_FILTER_STATE_PROCESSING_HEADER:
		if s.is_encoding == 0 {
			return hookDecodeHeaders, true
		}
		return hookEncodeHeaders, true
	case C.ENVOY_FILTER_STATE_PROCESSING_TRAILER:
		if s.is_encoding == 0 {
			return hookDecodeTrailers, true
		}
		return hookEncodeTrailers, true
	}
	return 0, false
}

func dataHook(s *C.processState) hook {
	if s.is_encoding == 0 {
		return hookDecodeData
	}
	return hookEncodeData
}

// hookBit is the hookSet bit of a decode/encode hook.
func hookBit(h hook) hookSet {
	switch h {
	case hookDecodeHeaders:
		return hasDecodeHeaders
	case hookDecodeData:
		return hasDecodeData
	case hookDecodeTrailers:
		return hasDecodeTrailers
	case hookEncodeHeaders:
		return hasEncodeHeaders
	case hookEncodeData:
		return hasEncodeData
	case hookEncodeTrailers:
		return hasEncodeTrailers
	}
	return 0
}

// asyncBit is the api.Hooks bit of a decode/encode hook.
func asyncBit(h hook) api.Hooks {
	switch h {
	case hookDecodeHeaders:
		return api.HookDecodeHeaders
	case hookDecodeData:
		return api.HookDecodeData
	case hookDecodeTrailers:
		return api.HookDecodeTrailers
	case hookEncodeHeaders:
		return api.HookEncodeHeaders
	case hookEncodeData:
		return api.HookEncodeData
	case hookEncodeTrailers:
		return api.HookEncodeTrailers
	}
	return 0
}

// ensureFilter creates the plugin's filter on the first entry into Go. A missing config
// or a panicking factory leaves the stream without a filter (every phase passes) and
// returns the failure text. Caller holds the filter lock.
func (req *request) ensureFilter() (failure string) {
	if req.created {
		return ""
	}
	req.created = true
	if req.config == nil {
		logf(api.LogError, "no plugin config with id %d for plugin %q; the stream passes through", uint64(req.c.configId), req.pluginName())
		return ""
	}
	defer func() {
		if e := recover(); e != nil {
			req.filter, req.hooks, req.async = nil, 0, 0
			failure = panicMessage(e)
		}
	}()
	req.filter = req.config.plugin.NewFilter(req, req.config.value)
	req.hooks = req.config.hooksOf(req.filter)
	if a, ok := req.filter.(api.AsyncHook); ok {
		req.async = a.AsyncHooks()
	}
	// The plugin's next streams get a header store only if this filter can use one.
	// Written only on a change: every worker reads the flag.
	if none := req.hooks&headerHooks == 0; req.config.noHeaderHooks.Load() != none {
		req.config.noHeaderHooks.Store(none)
	}
	return ""
}

// headerHooks are the hooks handed a header map that copies into the request's store.
const headerHooks = hasDecodeHeaders | hasEncodeHeaders | hasDecodeTrailers | hasEncodeTrailers

// finish ends a synchronous decode/encode hook: it turns a panic or a status Envoy cannot
// act on into a panic reply, and returns what to hand Envoy.
func (req *request) finish(inv *invocation, h hook, endStream bool, status api.Status, recovered any) api.Status {
	if recovered != nil {
		return req.fail(inv.state, h, panicMessage(recovered))
	}
	if problem := statusProblem(h, status, endStream, inv.replied); problem != "" {
		return req.fail(inv.state, h, problem)
	}
	return status
}

// sendPanicReply is Envoy's panic reply, a variable so the package's tests can answer
// for Envoy.
var sendPanicReply = capiSendPanicReply

// fail logs a plugin failure and asks Envoy for its panic reply (500). When Envoy cannot
// take a reply now (the direction is not processing in Go), the next entry answers it.
// A hook that ends after its stream was destroyed logs why it cannot answer before it
// makes the call, so the host sees every line of the hook before its last call.
func (req *request) fail(s *C.processState, h hook, message string) api.Status {
	logf(api.LogError, "panic in plugin %q %s: %s", req.pluginName(), h, message)
	if req.destroyed.Load() {
		logf(api.LogError, "plugin %q %s: cannot send the panic reply: %v", req.pluginName(), h, capiError(C.CAPIFilterIsDestroy))
		_ = sendPanicReply(s, message)
		return api.LocalReply
	}
	err := sendPanicReply(s, message)
	if err == nil {
		return api.LocalReply
	}
	logf(api.LogError, "plugin %q %s: cannot send the panic reply: %v", req.pluginName(), h, err)
	if err == capiError(C.CAPINotInGo) {
		req.pendingPanic.Store(&message)
	}
	return api.LocalReply
}

// isStreamGone reports the statuses of a stream Envoy has finished with.
func isStreamGone(err error) bool {
	return err == capiError(C.CAPIFilterIsDestroy) || err == capiError(C.CAPIFilterIsGone)
}

// answerPendingPanic sends the panic reply an async hook could not send, at the next
// entry into Go; it reports whether there was one.
func (req *request) answerPendingPanic(s *C.processState) bool {
	// A plain load first: the exchange is a locked instruction, and almost every entry
	// has nothing pending.
	if req.pendingPanic.Load() == nil {
		return false
	}
	message := req.pendingPanic.Swap(nil)
	if message == nil {
		return false
	}
	if err := sendPanicReply(s, *message); err != nil && !isStreamGone(err) {
		logf(api.LogError, "plugin %q: cannot send the panic reply: %v", req.pluginName(), err)
	}
	return true
}

// statusProblem reports a status Envoy's golang filter would act on wrongly: it waits
// for a body that never comes, ignores the status, or waits for a reply never sent.
func statusProblem(h hook, status api.Status, endStream, replied bool) string {
	switch status {
	case api.Running, api.Continue:
		return ""
	case api.LocalReply:
		if !replied {
			return "LocalReply returned without sendLocalReply"
		}
		return ""
	case api.StopAndBuffer, api.StopAndBufferWatermark, api.StopNoBuffer:
		isData := h == hookDecodeData || h == hookEncodeData
		isHeaders := h == hookDecodeHeaders || h == hookEncodeHeaders
		if !isData && !(isHeaders && status != api.StopNoBuffer) {
			return fmt.Sprintf("%s is not a valid status for %s", status, h)
		}
		if endStream {
			return fmt.Sprintf("%s returned at the end of the stream: there is no more body to wait for", status)
		}
		return ""
	}
	return fmt.Sprintf("%d is not a valid status", int(status))
}

// runHook runs a decode/encode hook through call: synchronously, or on a goroutine
// (returning Running) when the filter declared it async. An async hook takes over the
// caller's filter lock: handedOver tells the caller not to release it. m is the hook's
// argument (a header map or body buffer) and call a plain function, so a synchronous hook
// costs no closure.
func runHook[M any](req *request, inv *invocation, endStream bool, m M, call func(filter any, h hook, m M, endStream bool) api.Status) (status api.Status, handedOver bool) {
	if req.async&asyncBit(inv.hook) != 0 {
		filter, h := req.filter, inv.hook
		return req.startAsync(inv, endStream, func() api.Status { return call(filter, h, m, endStream) }), true
	}
	defer func() { status = req.finish(inv, inv.hook, endStream, status, recover()) }()
	return call(req.filter, inv.hook, m, endStream), false
}

// startAsync starts an async hook on a goroutine of its own, with an invocation of its
// own (the hook outlives this entry), and returns Running once the hook first lets go of
// the filter lock.
func (req *request) startAsync(entry *invocation, endStream bool, call func() api.Status) api.Status {
	inv := &invocation{hook: entry.hook, state: entry.state, replied: entry.replied, parked: make(chan struct{})}
	req.running = inv
	go req.runAsync(inv, endStream, call)
	<-inv.parked // the hook ran up to its first await, or to its end
	return api.Running
}

// runAsync runs an async hook and continues the stream with its status. Envoy keeps the
// direction Processing until then, so a panic still gets the panic reply; after a local
// reply there is nothing to continue. The goroutine starts holding the filter lock its
// entry handed over (hooklock.go), lets go of it where the hook awaits, and keeps it until
// its last call to Envoy.
func (req *request) runAsync(inv *invocation, endStream bool, call func() api.Status) {
	id := goroutineID()
	asyncGoroutines.Store(id, req)
	defer asyncGoroutines.Delete(id)
	defer req.exitHook()
	defer guard("async hook")

	status, recovered := callRecovering(call)
	problem := ""
	switch {
	case recovered != nil:
		problem = panicMessage(recovered)
	case status == api.Running:
		problem = "Running is not a valid result of an async hook"
	default:
		problem = statusProblem(inv.hook, status, endStream, inv.replied)
	}
	if problem != "" {
		req.fail(inv.state, inv.hook, problem)
		return
	}
	if status == api.LocalReply {
		return
	}
	if req.destroyed.Load() {
		logf(api.LogError, "plugin %q %s: cannot continue: %v", req.pluginName(), inv.hook, capiError(C.CAPIFilterIsDestroy))
		_ = capiContinue(inv.state, int(status))
		return
	}
	if err := capiContinue(inv.state, int(status)); err != nil {
		logf(api.LogError, "plugin %q %s: cannot continue: %v", req.pluginName(), inv.hook, err)
	}
}

func callRecovering(call func() api.Status) (status api.Status, recovered any) {
	defer func() { recovered = recover() }()
	return call(), nil
}

func (req *request) runHeaders(s *C.processState, endStream bool, num, size uint64) api.Status {
	h, ok := headerHook(s)
	if !ok {
		logf(api.LogError, "plugin %q: header callback in unexpected state %d", req.pluginName(), int(s.state))
		return api.Continue
	}
	inv := req.enterHook(h, s)
	handedOver := false
	defer func() {
		if !handedOver {
			req.exitHook()
		}
	}()
	req.attach(s)
	if req.answerPendingPanic(s) {
		return api.LocalReply
	}
	if failure := req.ensureFilter(); failure != "" {
		return req.finish(inv, hookCreate, endStream, api.LocalReply, failure)
	}
	if req.hooks&hookBit(h) == 0 {
		return api.Continue
	}
	status, handedOver := runHook(req, inv, endStream, req.headerMapFor(h, s, num, size), callHeaderHook)
	return status
}

// headerMapFor returns the map a header hook gets. Its copy goes to the request's store.
// The request and response headers maps are the request's own fields the first time
// (a hook run again gets a new one: a filter may still hold the first); trailer maps,
// rarer, are allocated.
func (req *request) headerMapFor(h hook, s *C.processState, num, size uint64) api.HeaderMap {
	bit := hookBit(h)
	first := req.mapsUsed&bit == 0
	req.mapsUsed |= bit
	m := headerMap{req: req, useStore: true, state: s, num: num, size: size}
	switch h {
	case hookDecodeHeaders:
		m.what = "request headers"
		if !first {
			return &requestHeaders{m}
		}
		req.requestHeaders = requestHeaders{m}
		return &req.requestHeaders
	case hookEncodeHeaders:
		m.what = "response headers"
		if !first {
			return &responseHeaders{m}
		}
		req.responseHeaders = responseHeaders{m}
		return &req.responseHeaders
	case hookDecodeTrailers:
		m.what, m.trailers = "request trailers", true
	default:
		m.what, m.trailers = "response trailers", true
	}
	return heapMap(m)
}

func heapMap(m headerMap) *headerMap { return &m }

// callHeaderHook calls the filter's header or trailer hook h with m (from headerMapFor).
func callHeaderHook(filter any, h hook, m api.HeaderMap, endStream bool) api.Status {
	switch h {
	case hookDecodeHeaders:
		return filter.(api.DecodeHeadersHook).DecodeHeaders(m.(*requestHeaders), endStream)
	case hookEncodeHeaders:
		return filter.(api.EncodeHeadersHook).EncodeHeaders(m.(*responseHeaders), endStream)
	case hookDecodeTrailers:
		return filter.(api.DecodeTrailersHook).DecodeTrailers(m)
	default:
		return filter.(api.EncodeTrailersHook).EncodeTrailers(m)
	}
}

func (req *request) runData(s *C.processState, endStream bool, handle, length uint64) api.Status {
	h := dataHook(s)
	inv := req.enterHook(h, s)
	handedOver := false
	defer func() {
		if !handedOver {
			req.exitHook()
		}
	}()
	req.attach(s)
	if req.answerPendingPanic(s) {
		return api.LocalReply
	}
	if req.hooks&hookBit(h) == 0 {
		return api.Continue
	}
	buf := &bodyBuffer{req: req, state: s, handle: handle, length: int(length)}
	status, handedOver := runHook(req, inv, endStream, buf, callDataHook)
	return status
}

// callDataHook calls the filter's data hook h with the body chunk b.
func callDataHook(filter any, h hook, b *bodyBuffer, endStream bool) api.Status {
	if h == hookDecodeData {
		return filter.(api.DecodeDataHook).DecodeData(b, endStream)
	}
	return filter.(api.EncodeDataHook).EncodeData(b, endStream)
}

// Access-log types Envoy forwards to the filter.
const accessLogDownstreamEnd = 6

type logCounts struct {
	reqHeaders, reqHeaderBytes, reqTrailers, reqTrailerBytes     uint64
	respHeaders, respHeaderBytes, respTrailers, respTrailerBytes uint64
}

// runLog calls OnLog at the end of the stream. Other access-log types have no hook.
func (req *request) runLog(logType uint64, decoding, encoding *C.processState, counts logCounts) {
	req.enterHook(hookLog, nil)
	defer req.exitHook()
	req.attach(decoding)
	req.attach(encoding)
	if logType != accessLogDownstreamEnd {
		return
	}
	if failure := req.ensureFilter(); failure != "" {
		logf(api.LogError, "panic in plugin %q %s: %s", req.pluginName(), hookCreate, failure)
		return
	}
	if req.hooks&hasLog == 0 {
		return
	}
	defer req.recoverQuietly(hookLog)
	entry := &api.LogEntry{}
	if counts.reqHeaders > 0 {
		entry.RequestHeaders = req.logMap(decoding, false, counts.reqHeaders, counts.reqHeaderBytes, "request headers")
	}
	if counts.reqTrailers > 0 {
		entry.RequestTrailers = req.logMap(decoding, true, counts.reqTrailers, counts.reqTrailerBytes, "request trailers")
	}
	if counts.respHeaders > 0 {
		entry.ResponseHeaders = req.logMap(encoding, false, counts.respHeaders, counts.respHeaderBytes, "response headers")
	}
	if counts.respTrailers > 0 {
		entry.ResponseTrailers = req.logMap(encoding, true, counts.respTrailers, counts.respTrailerBytes, "response trailers")
	}
	req.filter.(api.LogHook).OnLog(entry)
}

func (req *request) logMap(s *C.processState, trailers bool, num, size uint64, what string) api.HeaderMap {
	return &headerMap{req: req, state: s, trailers: trailers, num: num, size: size, what: what + " of a log entry", readOnly: true}
}

func (req *request) runStreamComplete() {
	req.enterHook(hookStreamComplete, nil)
	defer req.exitHook()
	if req.hooks&hasStreamComplete == 0 {
		return
	}
	defer req.recoverQuietly(hookStreamComplete)
	req.filter.(api.StreamCompleteHook).OnStreamComplete()
}

// runDestroy ends the stream on the Go side: getters waiting for Envoy wake up (Envoy
// will not answer them), OnDestroy runs, and the request leaves its worker's table.
func (req *request) runDestroy(reason uint64) {
	req.abandonYields()
	// Marked under the filter lock: an async hook sees the stream alive or destroyed for
	// the whole stretch it runs between two waits.
	req.enterHook(hookDestroy, nil)
	defer req.exitHook()
	req.destroyed.Store(true)
	if req.hooks&hasDestroy != 0 {
		func() {
			defer req.recoverQuietly(hookDestroy)
			req.filter.(api.DestroyHook).OnDestroy(api.DestroyReason(reason))
		}()
	}
	req.forget()
}

// recoverQuietly logs a panic of a hook that cannot answer the client any more.
func (req *request) recoverQuietly(h hook) {
	if e := recover(); e != nil {
		logf(api.LogError, "panic in plugin %q %s: %s", req.pluginName(), h, panicMessage(e))
	}
}
