package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import "github.com/mosn-ts/envoy-go-runtime/api"

// Hooks recover their own panics (dispatch.go). The deferred guards below only catch a
// panic of the runtime itself: one must never unwind into Envoy, which would abort.

// guardStatus turns a runtime panic in a stream callback into the panic reply.
func guardStatus(entry string, s *C.processState, status *uint64) {
	if e := recover(); e != nil {
		logf(api.LogCritical, "mosn-ts runtime: panic in %s: %s", entry, panicMessage(e))
		*status = uint64(api.LocalReply)
		if err := capiSendPanicReply(s, "mosn-ts runtime failure"); err != nil {
			logf(api.LogCritical, "mosn-ts runtime: cannot send the panic reply: %v", err)
		}
	}
}

func guard(entry string) {
	if e := recover(); e != nil {
		logf(api.LogCritical, "mosn-ts runtime: panic in %s: %s", entry, panicMessage(e))
	}
}

//export envoyGoFilterOnHttpHeader
func envoyGoFilterOnHttpHeader(s *C.processState, endStream, headerNum, headerBytes uint64) (status uint64) {
	defer guardStatus("envoyGoFilterOnHttpHeader", s, &status)
	req := findOrCreateRequest(s.req)
	if req == nil {
		return uint64(api.Continue)
	}
	return uint64(req.runHeaders(s, endStream == 1, headerNum, headerBytes))
}

//export envoyGoFilterOnHttpData
func envoyGoFilterOnHttpData(s *C.processState, endStream, buffer, length uint64) (status uint64) {
	defer guardStatus("envoyGoFilterOnHttpData", s, &status)
	req := findRequest(s.req)
	if req == nil {
		// Data never comes first; a stream without a request was destroyed.
		return uint64(api.Continue)
	}
	return uint64(req.runData(s, endStream == 1, buffer, length))
}

//export envoyGoFilterOnHttpLog
func envoyGoFilterOnHttpLog(r *C.httpRequest, logType uint64, decoding, encoding *C.processState,
	reqHeaderNum, reqHeaderBytes, reqTrailerNum, reqTrailerBytes,
	respHeaderNum, respHeaderBytes, respTrailerNum, respTrailerBytes uint64) {
	defer guard("envoyGoFilterOnHttpLog")
	req := findOrCreateRequest(r)
	if req == nil {
		return
	}
	// Envoy declares the type as a C int: only the low 32 bits are meaningful.
	req.runLog(uint64(uint32(logType)), decoding, encoding, logCounts{
		reqHeaderNum, reqHeaderBytes, reqTrailerNum, reqTrailerBytes,
		respHeaderNum, respHeaderBytes, respTrailerNum, respTrailerBytes,
	})
}

//export envoyGoFilterOnHttpStreamComplete
func envoyGoFilterOnHttpStreamComplete(r *C.httpRequest) {
	defer guard("envoyGoFilterOnHttpStreamComplete")
	if req := findRequest(r); req != nil {
		req.runStreamComplete()
	}
}

//export envoyGoFilterOnHttpDestroy
func envoyGoFilterOnHttpDestroy(r *C.httpRequest, reason uint64) {
	defer guard("envoyGoFilterOnHttpDestroy")
	if req := findRequest(r); req != nil {
		req.runDestroy(reason)
	}
}

//export envoyGoRequestSemaDec
func envoyGoRequestSemaDec(r *C.httpRequest) {
	defer guard("envoyGoRequestSemaDec")
	if req := findRequest(r); req != nil {
		req.semaDec()
	}
}
