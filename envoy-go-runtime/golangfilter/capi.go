package golangfilter

/*
#include <stdint.h>
#include "envoy_capi.h"

// The calls a stream makes on every request, with typed arguments. cgo checks a void*
// argument for Go pointers at run time on every call (a runtime call, and for a pointer
// into the Go heap a scan of the whole object it points into; only an argument written
// as unsafe.Pointer(unsafe.StringData(s)) is exempt), but not an integer nor a pointer to
// bytes, which cannot hold pointers: so Envoy's objects (C memory) go as integers, and
// names, values and the buffer Envoy copies a map into as char*. Each wrapper makes
// exactly one C call.

static inline CAPIStatus mosnTsGetHeader(uintptr_t s, const char* key, int key_len, uint64_t* value,
                                         int* value_len) {
  return envoyGoFilterHttpGetHeader((void*)s, (void*)key, key_len, value, value_len);
}

static inline CAPIStatus mosnTsCopyMap(uintptr_t s, int trailers, void* strs, char* buf) {
  return trailers ? envoyGoFilterHttpCopyTrailers((void*)s, strs, buf)
                  : envoyGoFilterHttpCopyHeaders((void*)s, strs, buf);
}

static inline CAPIStatus mosnTsWriteMap(uintptr_t s, int trailers, const char* key, int key_len,
                                        const char* value, int value_len, headerAction action) {
  return trailers ? envoyGoFilterHttpSetTrailer((void*)s, (void*)key, key_len, (void*)value, value_len, action)
                  : envoyGoFilterHttpSetHeaderHelper((void*)s, (void*)key, key_len, (void*)value, value_len,
                                                     action);
}

static inline CAPIStatus mosnTsRemoveFromMap(uintptr_t s, int trailers, const char* key, int key_len) {
  return trailers ? envoyGoFilterHttpRemoveTrailer((void*)s, (void*)key, key_len)
                  : envoyGoFilterHttpRemoveHeader((void*)s, (void*)key, key_len);
}

static inline void mosnTsFinalizeRequest(uintptr_t r, int reason) { envoyGoFilterHttpFinalize((void*)r, reason); }
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unsafe"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// This file is the only place that calls Envoy's C API. Strings go out as pointer+length
// (C copies what it keeps), known-length results come back into Go-allocated memory, and
// a failing status is returned as an error naming it.

// Envoy's request finalize reasons.
const finalizeByGC = 1

// maxStackHeaders is how many headers fit the constant-size slice CopyHeaders fills on
// the stack; larger maps use the heap.
const maxStackHeaders = 16

// spareHeaderSlots is the room a copied map keeps for headers a hook adds.
const spareHeaderSlots = 8

// capiError is a non-OK CAPIStatus.
type capiError C.CAPIStatus

func (e capiError) Error() string {
	switch C.CAPIStatus(e) {
	case C.CAPIFilterIsGone:
		return "the stream is gone (CAPIFilterIsGone)"
	case C.CAPIFilterIsDestroy:
		return "the stream was destroyed (CAPIFilterIsDestroy)"
	case C.CAPINotInGo:
		return "the stream is not being processed by this filter now (CAPINotInGo)"
	case C.CAPIInvalidPhase:
		return "not available in this phase (CAPIInvalidPhase)"
	case C.CAPIValueNotFound:
		return "value not found (CAPIValueNotFound)"
	case C.CAPIYield:
		return "the call must wait for the worker (CAPIYield)"
	case C.CAPIInternalFailure:
		return "internal failure (CAPIInternalFailure)"
	case C.CAPISerializationFailure:
		return "serialization failure (CAPISerializationFailure)"
	case C.CAPIInvalidScene:
		return "not allowed here (CAPIInvalidScene)"
	case C.CAPIInvalidIPAddress:
		return "invalid IP address (CAPIInvalidIPAddress)"
	}
	return fmt.Sprintf("unknown CAPI status %d", int(e))
}

func statusError(st C.CAPIStatus) error {
	if st == C.CAPIOK {
		return nil
	}
	return capiError(st)
}

func capiLogLevel() api.LogLevel {
	return api.LogLevel(C.envoyGoFilterLogLevel())
}

// capiLog writes unconditionally; callers check the level first.
func capiLog(level api.LogLevel, message string) {
	C.envoyGoFilterLog(C.uint32_t(level), unsafe.Pointer(unsafe.StringData(message)), C.int(len(message)))
}

// cAddress is the memory at an address Envoy passed as an integer: C memory, which the
// collector ignores. Reading the integer's bytes as a pointer keeps go vet's
// unsafe.Pointer rules (no integer-to-pointer conversion) without a call into C.
func cAddress(address *C.uint64_t) *byte {
	return *(**byte)(unsafe.Pointer(address))
}

// cString is the n bytes at an address Envoy passed, without a copy: valid only as long
// as Envoy keeps them.
func cString(address C.uint64_t, n int) string {
	if n <= 0 {
		return ""
	}
	return unsafe.String(cAddress(&address), n)
}

// goStringAt copies len bytes at an address Envoy passed as an integer.
func goStringAt(address, length uint64) string {
	return strings.Clone(cString(C.uint64_t(address), int(length)))
}

// goBytesAt copies len bytes at an address Envoy passed as an integer.
func goBytesAt(address, length uint64) []byte {
	if length == 0 {
		return nil
	}
	return []byte(cString(C.uint64_t(address), int(length)))
}

// cState and cRequest pass Envoy's objects to the typed wrappers.
func cState(s *C.processState) C.uintptr_t { return C.uintptr_t(uintptr(unsafe.Pointer(s))) }

func cRequest(r *C.httpRequest) C.uintptr_t { return C.uintptr_t(uintptr(unsafe.Pointer(r))) }

// cChars is a string's bytes for a char* argument.
func cChars(s string) *C.char { return (*C.char)(unsafe.Pointer(unsafe.StringData(s))) }

// capiCopyHeaderMap copies the header (or trailer) map attached to s into buf, which
// holds exactly the byte size Envoy announced, and fills entries, one per header, with
// strings cut from buf.
func capiCopyHeaderMap(s *C.processState, trailers bool, buf []byte, entries []api.Header) error {
	num := len(entries)
	var strs []string
	if num <= maxStackHeaders {
		// A constant length lets the slice live on the stack (CopyHeaders is noescape).
		strs = make([]string, 2*maxStackHeaders)
	} else {
		strs = make([]string, 2*num)
	}
	// Envoy copies every name and value back to back into buf and writes a {pointer,
	// length} string header for each into strs.
	st := C.mosnTsCopyMap(cState(s), cBool(trailers), unsafe.Pointer(unsafe.SliceData(strs)),
		(*C.char)(unsafe.Pointer(unsafe.SliceData(buf))))
	if st != C.CAPIOK {
		return capiError(st)
	}
	// The strings are cut from buf by offset rather than taken from strs: this checks
	// that the host wrote where it was told to, and the compiler cannot see that C made
	// strs point into buf (which may be on the stack of a caller it was inlined into).
	off := 0
	for i := range entries {
		name, ok1 := carve(buf, &off, strs[2*i])
		value, ok2 := carve(buf, &off, strs[2*i+1])
		if !ok1 || !ok2 {
			return errUnexpectedLayout
		}
		entries[i] = api.Header{Name: name, Value: value}
	}
	return nil
}

func cBool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

var errUnexpectedLayout = errors.New("the host did not copy the map back to back into the buffer")

// carve returns the next len(s) bytes of buf as a string, checking that s (written by
// the host) is exactly there.
func carve(buf []byte, off *int, s string) (string, bool) {
	n := len(s)
	if n == 0 {
		return "", true
	}
	if n > len(buf)-*off || unsafe.StringData(s) != &buf[*off] {
		return "", false
	}
	out := unsafe.String(&buf[*off], n)
	*off += n
	return out, true
}

func capiSetHeader(s *C.processState, trailers bool, name, value string, add bool) error {
	action := C.headerAction(C.HeaderSet)
	if add {
		action = C.HeaderAdd
	}
	return statusError(C.mosnTsWriteMap(cState(s), cBool(trailers), cChars(name), C.int(len(name)),
		cChars(value), C.int(len(value)), action))
}

func capiRemoveHeader(s *C.processState, trailers bool, name string) error {
	return statusError(C.mosnTsRemoveFromMap(cState(s), cBool(trailers), cChars(name), C.int(len(name))))
}

// capiGetBuffer copies the length bytes of the body chunk behind handle.
func capiGetBuffer(s *C.processState, handle uint64, length int) ([]byte, error) {
	buf := make([]byte, length)
	if length == 0 {
		return buf, nil
	}
	st := C.envoyGoFilterHttpGetBuffer(unsafe.Pointer(s), C.uint64_t(handle), unsafe.Pointer(unsafe.SliceData(buf)))
	return buf, statusError(st)
}

type bufferAction int

const (
	bufferSet     = bufferAction(C.Set)
	bufferAppend  = bufferAction(C.Append)
	bufferPrepend = bufferAction(C.Prepend)
)

func capiSetBufferString(s *C.processState, handle uint64, data string, action bufferAction) error {
	st := C.envoyGoFilterHttpSetBufferHelper(unsafe.Pointer(s), C.uint64_t(handle),
		unsafe.Pointer(unsafe.StringData(data)), C.int(len(data)), C.bufferAction(action))
	return statusError(st)
}

func capiSetBufferBytes(s *C.processState, handle uint64, data []byte, action bufferAction) error {
	st := C.envoyGoFilterHttpSetBufferHelper(unsafe.Pointer(s), C.uint64_t(handle),
		unsafe.Pointer(unsafe.SliceData(data)), C.int(len(data)), C.bufferAction(action))
	return statusError(st)
}

func capiDrainBuffer(s *C.processState, handle uint64, n int) error {
	return statusError(C.envoyGoFilterHttpDrainBuffer(unsafe.Pointer(s), C.uint64_t(handle), C.uint64_t(n)))
}

// capiGetHeader looks up the first value of name in the header map attached to s. The
// result is a view of Envoy's memory, valid only until the map changes; callers clone
// what they keep.
func capiGetHeader(s *C.processState, name string) (view string, found bool, err error) {
	var data C.uint64_t
	var n C.int
	st := C.mosnTsGetHeader(cState(s), cChars(name), C.int(len(name)), &data, &n)
	if st != C.CAPIOK {
		return "", false, capiError(st)
	}
	// Envoy writes nothing when the header is absent; a present empty value still points
	// into the map.
	if data == 0 {
		return "", false, nil
	}
	return unsafe.String(cAddress(&data), int(n)), true, nil
}

// capiContinue hands Envoy the status of a hook that returned Running.
func capiContinue(s *C.processState, status int) error {
	return statusError(C.envoyGoFilterHttpContinue(unsafe.Pointer(s), C.int(status)))
}

// capiSendLocalReply asks Envoy to answer with a local reply. Envoy reads headers as an
// array of headers_num Go strings (name, value, name, value, ...) and skips empty values.
// The array holds Go pointers, so every string's bytes are pinned for the call.
func capiSendLocalReply(s *C.processState, code int, body string, headers []api.Header, grpcStatus int64, details string) error {
	var pinner runtime.Pinner
	defer pinner.Unpin()
	strs := make([]string, 0, 2*len(headers))
	for _, h := range headers {
		if h.Name != "" {
			pinner.Pin(unsafe.StringData(h.Name))
		}
		if h.Value != "" {
			pinner.Pin(unsafe.StringData(h.Value))
		}
		strs = append(strs, h.Name, h.Value)
	}
	st := C.envoyGoFilterHttpSendLocalReply(unsafe.Pointer(s), C.int(code),
		unsafe.Pointer(unsafe.StringData(body)), C.int(len(body)),
		unsafe.Pointer(unsafe.SliceData(strs)), C.int(len(strs)),
		C.longlong(grpcStatus),
		unsafe.Pointer(unsafe.StringData(details)), C.int(len(details)))
	return statusError(st)
}

// capiSendPanicReply makes Envoy answer 500 "error happened in filter"; details only go
// to Envoy's log.
func capiSendPanicReply(s *C.processState, details string) error {
	return statusError(C.envoyGoFilterHttpSendPanicReply(unsafe.Pointer(s),
		unsafe.Pointer(unsafe.StringData(details)), C.int(len(details))))
}

// capiAddData adds data to the body of direction s. Off the worker thread Envoy posts the
// addition and answers CAPIYield without a semaphore wake-up to wait for: that is success.
func capiAddData(s *C.processState, data []byte, streaming bool) error {
	st := C.envoyGoFilterHttpAddData(unsafe.Pointer(s), unsafe.Pointer(unsafe.SliceData(data)), C.int(len(data)), C.bool(streaming))
	if st == C.CAPIYield {
		return nil
	}
	return statusError(st)
}

func capiAddDataString(s *C.processState, data string, streaming bool) error {
	st := C.envoyGoFilterHttpAddData(unsafe.Pointer(s), unsafe.Pointer(unsafe.StringData(data)), C.int(len(data)), C.bool(streaming))
	if st == C.CAPIYield {
		return nil
	}
	return statusError(st)
}

func capiInjectData(s *C.processState, data []byte) error {
	return statusError(C.envoyGoFilterHttpInjectData(unsafe.Pointer(s), unsafe.Pointer(unsafe.SliceData(data)), C.int(len(data))))
}

func capiInjectDataString(s *C.processState, data string) error {
	return statusError(C.envoyGoFilterHttpInjectData(unsafe.Pointer(s), unsafe.Pointer(unsafe.StringData(data)), C.int(len(data))))
}

func capiSetUpstreamOverrideHost(s *C.processState, host string, strict bool) error {
	return statusError(C.envoyGoFilterHttpSetUpstreamOverrideHost(unsafe.Pointer(s),
		unsafe.Pointer(unsafe.StringData(host)), C.int(len(host)), C.bool(strict)))
}

func capiFinalizeRequest(r *C.httpRequest) {
	C.mosnTsFinalizeRequest(cRequest(r), finalizeByGC)
}

func capiFinalizeConfig(c *C.httpConfig) {
	C.envoyGoConfigHttpFinalize(unsafe.Pointer(c))
}
