package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"strings"
	"unsafe"
)

// Request-level C API: the first argument is the httpRequest. Envoy writes getter results
// into a per-request scratch string that the next getter overwrites, so every string that
// comes back is cloned before the caller sees it (request.capiMu keeps two goroutines of
// one stream from using the scratch string at the same time).

// Envoy's value ids (EnvoyValue in golang_filter.h). The first group is read with
// GetStringValue, Protocol, ResponseCode and AttemptCount with GetIntegerValue.
const (
	valueRouteName               = 1
	valueFilterChainName         = 2
	valueProtocol                = 3
	valueResponseCode            = 4
	valueResponseCodeDetails     = 5
	valueAttemptCount            = 6
	valueDownstreamLocalAddress  = 7
	valueDownstreamRemoteAddress = 8
	valueUpstreamLocalAddress    = 9
	valueUpstreamRemoteAddress   = 10
	valueUpstreamClusterName     = 11
	valueVirtualClusterName      = 12
)

// cloneAt copies n bytes Envoy returned at address into Go memory.
func cloneAt(address C.uint64_t, n C.int) string {
	if n <= 0 {
		return ""
	}
	return strings.Clone(cString(address, int(n)))
}

// capiGetStringValue reads a StreamInfo string; found is false for CAPIValueNotFound.
// Envoy answers it inline from any thread (it never yields).
func capiGetStringValue(r *C.httpRequest, id int) (value string, found bool, err error) {
	var data C.uint64_t
	var n C.int
	switch st := C.envoyGoFilterHttpGetStringValue(unsafe.Pointer(r), C.int(id), &data, &n); st {
	case C.CAPIOK:
		return cloneAt(data, n), true, nil
	case C.CAPIValueNotFound:
		return "", false, nil
	default:
		return "", false, capiError(st)
	}
}

// capiGetIntegerValue reads a StreamInfo integer; found is false for CAPIValueNotFound.
func capiGetIntegerValue(r *C.httpRequest, id int) (value uint64, found bool, err error) {
	var v C.uint64_t
	switch st := C.envoyGoFilterHttpGetIntegerValue(unsafe.Pointer(r), C.int(id), &v); st {
	case C.CAPIOK:
		return uint64(v), true, nil
	case C.CAPIValueNotFound:
		return 0, false, nil
	default:
		return 0, false, capiError(st)
	}
}

// capiSetDynamicMetadata sets key in the metadata namespace to value, a serialized
// google.protobuf.Value.
func capiSetDynamicMetadata(r *C.httpRequest, namespace, key string, value []byte) error {
	return statusError(C.envoyGoFilterHttpSetDynamicMetadata(unsafe.Pointer(r),
		unsafe.Pointer(unsafe.StringData(namespace)), C.int(len(namespace)),
		unsafe.Pointer(unsafe.StringData(key)), C.int(len(key)),
		unsafe.Pointer(unsafe.SliceData(value)), C.int(len(value))))
}

func capiSetStringFilterState(r *C.httpRequest, key, value string, stateType, lifeSpan, sharing int) error {
	return statusError(C.envoyGoFilterHttpSetStringFilterState(unsafe.Pointer(r),
		unsafe.Pointer(unsafe.StringData(key)), C.int(len(key)),
		unsafe.Pointer(unsafe.StringData(value)), C.int(len(value)),
		C.int(stateType), C.int(lifeSpan), C.int(sharing)))
}

func capiSetDrainConnectionUponCompletion(r *C.httpRequest) error {
	return statusError(C.envoyGoFilterHttpSetDrainConnectionUponCompletion(unsafe.Pointer(r)))
}

func capiClearRouteCache(r *C.httpRequest, refresh bool) error {
	return statusError(C.envoyGoFilterHttpClearRouteCache(unsafe.Pointer(r), C.bool(refresh)))
}

// Getters that may yield. Off the worker thread Envoy answers CAPIYield, posts the lookup
// and writes the result into the slot later, from the worker, then calls
// envoyGoRequestSemaDec: so the slot lives on the Go heap and is pinned until then
// (yield.go), and these functions are not noescape.

func capiGetDynamicMetadata(r *C.httpRequest, namespace string, slot *yieldSlot) C.CAPIStatus {
	return C.envoyGoFilterHttpGetDynamicMetadata(unsafe.Pointer(r),
		unsafe.Pointer(unsafe.StringData(namespace)), C.int(len(namespace)), &slot.data, &slot.len)
}

func capiGetStringFilterState(r *C.httpRequest, key string, slot *yieldSlot) C.CAPIStatus {
	return C.envoyGoFilterHttpGetStringFilterState(unsafe.Pointer(r),
		unsafe.Pointer(unsafe.StringData(key)), C.int(len(key)), &slot.data, &slot.len)
}

func capiGetStringProperty(r *C.httpRequest, path string, slot *yieldSlot) C.CAPIStatus {
	return C.envoyGoFilterHttpGetStringProperty(unsafe.Pointer(r),
		unsafe.Pointer(unsafe.StringData(path)), C.int(len(path)), &slot.data, &slot.len, &slot.rc)
}

func capiGetStringSecret(r *C.httpRequest, name string, slot *yieldSlot) C.CAPIStatus {
	return C.envoyGoFilterHttpGetStringSecret(unsafe.Pointer(r),
		unsafe.Pointer(unsafe.StringData(name)), C.int(len(name)), &slot.data, &slot.len)
}
