package golangfilter

import (
	"errors"
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

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

var errReplyOutsideHook = errors.New("sendLocalReply called outside a request or response hook")

// SendLocalReply asks Envoy to answer the client directly. Envoy runs the reply after
// the hook returns: through the encode hooks when the response has not started, straight
// to the client when response headers exist but were not sent, as a reset otherwise.
func (req *request) SendLocalReply(status int, body string, headers []api.Header, details string) api.Status {
	s := req.current
	if s == nil {
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
	// No value of grpc_status means "none" to Envoy (it always uses the value for gRPC
	// requests), so pass the one Envoy derives from the HTTP status when none is given.
	if err := capiSendLocalReply(s, status, body, headers, httpToGrpcStatus(status), details); err != nil {
		panic(fmt.Errorf("sendLocalReply: %w", err))
	}
	req.replied = true
	return api.LocalReply
}

// httpToGrpcStatus is Envoy's Grpc::Utility::httpToGrpcStatus.
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
