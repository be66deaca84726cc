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

// ensureFilter creates the plugin's filter on the first entry into Go. A missing config
// or a panicking factory leaves the stream without a filter (every phase passes) and
// returns the failure text.
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
			failure = panicMessage(e)
		}
	}()
	req.filter = req.config.plugin.NewFilter(req, req.config.value)
	req.hooks = hooksOf(req.filter)
	return ""
}

// begin marks the start of a decode/encode hook in direction s.
func (req *request) begin(s *C.processState) {
	req.current = s
	req.replied = false
}

// finish ends a decode/encode hook: it turns a panic or a status Envoy cannot act on
// into a panic reply, and returns what to hand Envoy.
func (req *request) finish(s *C.processState, h hook, endStream bool, status api.Status, recovered any) api.Status {
	if recovered != nil {
		status = req.fail(s, h, panicMessage(recovered))
	} else if problem := statusProblem(h, status, endStream, req.replied); problem != "" {
		status = req.fail(s, h, problem)
	}
	if status != api.Running {
		req.current = nil
	}
	return status
}

// fail logs a plugin failure and asks Envoy for its panic reply (500).
func (req *request) fail(s *C.processState, h hook, message string) api.Status {
	logf(api.LogError, "panic in plugin %q %s: %s", req.pluginName(), h, message)
	if err := capiSendPanicReply(s, message); err != nil {
		logf(api.LogError, "plugin %q %s: cannot send the panic reply: %v", req.pluginName(), h, err)
	}
	return api.LocalReply
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

func (req *request) runHeaders(s *C.processState, endStream bool, num, size uint64) (status api.Status) {
	h, ok := headerHook(s)
	if !ok {
		logf(api.LogError, "plugin %q: header callback in unexpected state %d", req.pluginName(), int(s.state))
		return api.Continue
	}
	req.begin(s)
	if failure := req.ensureFilter(); failure != "" {
		return req.finish(s, hookCreate, endStream, api.LocalReply, failure)
	}
	defer func() { status = req.finish(s, h, endStream, status, recover()) }()
	status = api.Continue
	switch h {
	case hookDecodeHeaders:
		if req.hooks&hasDecodeHeaders != 0 {
			m := &requestHeaders{headerMap{req: req, state: s, num: num, size: size, what: "request headers"}}
			status = req.filter.(api.DecodeHeadersHook).DecodeHeaders(m, endStream)
		}
	case hookEncodeHeaders:
		if req.hooks&hasEncodeHeaders != 0 {
			m := &responseHeaders{headerMap{req: req, state: s, num: num, size: size, what: "response headers"}}
			status = req.filter.(api.EncodeHeadersHook).EncodeHeaders(m, endStream)
		}
	case hookDecodeTrailers:
		if req.hooks&hasDecodeTrailers != 0 {
			m := &headerMap{req: req, state: s, trailers: true, num: num, size: size, what: "request trailers"}
			status = req.filter.(api.DecodeTrailersHook).DecodeTrailers(m)
		}
	case hookEncodeTrailers:
		if req.hooks&hasEncodeTrailers != 0 {
			m := &headerMap{req: req, state: s, trailers: true, num: num, size: size, what: "response trailers"}
			status = req.filter.(api.EncodeTrailersHook).EncodeTrailers(m)
		}
	}
	return status
}

func (req *request) runData(s *C.processState, endStream bool, handle, length uint64) (status api.Status) {
	h := dataHook(s)
	req.begin(s)
	defer func() { status = req.finish(s, h, endStream, status, recover()) }()
	status = api.Continue
	buf := &bodyBuffer{req: req, state: s, handle: handle, length: int(length)}
	switch {
	case h == hookDecodeData && req.hooks&hasDecodeData != 0:
		status = req.filter.(api.DecodeDataHook).DecodeData(buf, endStream)
	case h == hookEncodeData && req.hooks&hasEncodeData != 0:
		status = req.filter.(api.EncodeDataHook).EncodeData(buf, endStream)
	}
	return status
}

// Access-log types Envoy forwards to the filter.
const accessLogDownstreamEnd = 6

type logCounts struct {
	reqHeaders, reqHeaderBytes, reqTrailers, reqTrailerBytes     uint64
	respHeaders, respHeaderBytes, respTrailers, respTrailerBytes uint64
}

// runLog calls OnLog at the end of the stream. Other access-log types have no hook.
func (req *request) runLog(logType uint64, counts logCounts) {
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
		entry.RequestHeaders = req.logMap(req.decoding, false, counts.reqHeaders, counts.reqHeaderBytes, "request headers")
	}
	if counts.reqTrailers > 0 {
		entry.RequestTrailers = req.logMap(req.decoding, true, counts.reqTrailers, counts.reqTrailerBytes, "request trailers")
	}
	if counts.respHeaders > 0 {
		entry.ResponseHeaders = req.logMap(req.encoding, false, counts.respHeaders, counts.respHeaderBytes, "response headers")
	}
	if counts.respTrailers > 0 {
		entry.ResponseTrailers = req.logMap(req.encoding, true, counts.respTrailers, counts.respTrailerBytes, "response trailers")
	}
	req.filter.(api.LogHook).OnLog(entry)
}

func (req *request) logMap(s *C.processState, trailers bool, num, size uint64, what string) api.HeaderMap {
	return &headerMap{req: req, state: s, trailers: trailers, num: num, size: size, what: what + " of a log entry", readOnly: true}
}

func (req *request) runStreamComplete() {
	if req.hooks&hasStreamComplete == 0 {
		return
	}
	defer req.recoverQuietly(hookStreamComplete)
	req.filter.(api.StreamCompleteHook).OnStreamComplete()
}

func (req *request) runDestroy(reason uint64) {
	req.waiter.release()
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
