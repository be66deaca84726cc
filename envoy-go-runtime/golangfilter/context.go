package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"errors"
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// The api.Context of a stream is its request. Calls that fail in Envoy panic with
// "<what>: <CAPI status text>" (capi.go), which the hook's recovery turns into the panic
// reply; docs/host-protocol.md lists the texts.

var _ api.Context = (*request)(nil)

// Log writes message to Envoy's log (the golang logger) when level is enabled there.
// Levels outside Trace..Critical are clamped: Envoy aborts on an unknown level.
func (req *request) Log(level api.LogLevel, message string) {
	level = min(max(level, api.LogTrace), api.LogCritical)
	if level < hostLogLevel() {
		return
	}
	hostLog(level, message)
}

// LogLevel is Envoy's current level for the golang logger.
func (req *request) LogLevel() api.LogLevel { return hostLogLevel() }

var errReplyOutsideHook = errors.New("sendLocalReply called outside a request or response hook")

// SendLocalReply asks Envoy to answer the client directly. Envoy runs the reply after
// the hook returns: through the encode hooks when the response has not started, straight
// to the client when response headers exist but were not sent, as a reset otherwise.
// gRPC requests get the gRPC status Envoy derives from the HTTP status.
func (req *request) SendLocalReply(status int, body string, headers []api.Header, details string) api.Status {
	return req.sendLocalReply(status, body, headers, details, httpToGrpcStatus(status))
}

// SendGrpcLocalReply is SendLocalReply with the grpc-status a gRPC request gets.
func (req *request) SendGrpcLocalReply(status int, body string, headers []api.Header, details string, grpcStatus int) api.Status {
	if grpcStatus < 0 || grpcStatus > 16 {
		panic(fmt.Errorf("sendLocalReply: grpcStatus %d is not in 0..16", grpcStatus))
	}
	return req.sendLocalReply(status, body, headers, details, int64(grpcStatus))
}

func (req *request) sendLocalReply(status int, body string, headers []api.Header, details string, grpcStatus int64) api.Status {
	inv := req.running
	if inv == nil || inv.state == nil {
		panic(errReplyOutsideHook)
	}
	if status < 200 || status > 599 {
		panic(fmt.Errorf("sendLocalReply: status %d is not in 200..599", status))
	}
	for _, h := range headers {
		if err := validateHeader(h.Name, h.Value); err != nil {
			panic(fmt.Errorf("sendLocalReply: %w", err))
		}
	}
	if err := capiSendLocalReply(inv.state, status, body, headers, grpcStatus, details); err != nil {
		panic(fmt.Errorf("sendLocalReply: %w", err))
	}
	inv.replied = true
	return api.LocalReply
}

// httpToGrpcStatus is Envoy's Grpc::Utility::httpToGrpcStatus. Envoy has no "no gRPC
// status" value (it always uses the one it is given for gRPC requests), so a reply
// without one gets what Envoy derives itself.
func httpToGrpcStatus(status int) int64 {
	switch status {
	case 400:
		return 13 // Internal
	case 401:
		return 16 // Unauthenticated
	case 403:
		return 7 // PermissionDenied
	case 404:
		return 12 // Unimplemented
	case 429, 502, 503, 504:
		return 14 // Unavailable
	}
	return 2 // Unknown
}

func (req *request) StreamInfo() api.StreamInfo     { return streamInfo{req} }
func (req *request) Metadata() api.DynamicMetadata  { return dynamicMetadata{req} }
func (req *request) FilterState() api.FilterState   { return filterState{req} }
func (req *request) Decoder() api.DecoderControls   { return decoderControls{req} }
func (req *request) Encoder() api.DirectionControls { return encoderControls{req} }
func (req *request) ClearRouteCache()               { req.clearRouteCache("clearRouteCache", false) }
func (req *request) RefreshRouteCache()             { req.clearRouteCache("refreshRouteCache", true) }
func (req *request) clearRouteCache(what string, refresh bool) {
	if err := capiClearRouteCache(req.c, refresh); err != nil {
		panic(fmt.Errorf("%s: %w", what, err))
	}
}

// Property reads a request attribute (Envoy's CEL attribute paths, e.g. request.path).
// Attributes that are maps or lists cannot be read as a string and panic.
func (req *request) Property(path string) (string, bool) {
	slot := req.yieldingCall(func(r *request, s *yieldSlot) C.CAPIStatus { return capiGetStringProperty(r.c, path, s) })
	switch {
	case slot.abandoned:
		panic(fmt.Errorf("getProperty: %w", capiError(C.CAPIFilterIsDestroy)))
	case slot.status == C.CAPIOK:
		return slot.raw, true
	case slot.status == C.CAPIValueNotFound:
		return "", false
	}
	panic(fmt.Errorf("getProperty: %w", capiError(slot.status)))
}

// Secret reads a generic secret of the filter's config.
func (req *request) Secret(name string) (string, bool) {
	slot := req.yieldingCall(func(r *request, s *yieldSlot) C.CAPIStatus { return capiGetStringSecret(r.c, name, s) })
	switch {
	case slot.abandoned:
		panic(fmt.Errorf("getSecret: %w", capiError(C.CAPIFilterIsDestroy)))
	case slot.status != C.CAPIOK:
		panic(fmt.Errorf("getSecret: %w", capiError(slot.status)))
	case slot.length < 0: // Envoy's "no such secret"
		return "", false
	}
	return slot.raw, true
}
