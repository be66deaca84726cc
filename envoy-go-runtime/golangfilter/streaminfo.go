package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// streamInfo reads Envoy's StreamInfo values of the stream.
type streamInfo struct{ req *request }

var _ api.StreamInfo = streamInfo{}

func (si streamInfo) str(id int, what string) (string, bool) {
	si.req.capiMu.Lock()
	v, ok, err := capiGetStringValue(si.req.c, id)
	si.req.capiMu.Unlock()
	if err != nil {
		panic(fmt.Errorf("streamInfo.%s: %w", what, err))
	}
	return v, ok
}

func (si streamInfo) integer(id int, what string) (uint64, bool) {
	v, ok, err := capiGetIntegerValue(si.req.c, id)
	if err != nil {
		panic(fmt.Errorf("streamInfo.%s: %w", what, err))
	}
	return v, ok
}

func (si streamInfo) RouteName() string {
	v, _ := si.str(valueRouteName, "routeName")
	return v
}

func (si streamInfo) FilterChainName() string {
	v, _ := si.str(valueFilterChainName, "filterChainName")
	return v
}

// Protocol names Envoy's Http::Protocol as Envoy's own logs do.
func (si streamInfo) Protocol() (string, bool) {
	v, ok := si.integer(valueProtocol, "protocol")
	if !ok {
		return "", false
	}
	switch v {
	case 0:
		return "HTTP/1.0", true
	case 1:
		return "HTTP/1.1", true
	case 2:
		return "HTTP/2", true
	case 3:
		return "HTTP/3", true
	}
	return "", false
}

func (si streamInfo) ResponseCode() (int, bool) {
	v, ok := si.integer(valueResponseCode, "responseCode")
	return int(v), ok
}

func (si streamInfo) ResponseCodeDetails() (string, bool) {
	return si.str(valueResponseCodeDetails, "responseCodeDetails")
}

// AttemptCount is 0 until the router made its first upstream attempt.
func (si streamInfo) AttemptCount() int {
	v, _ := si.integer(valueAttemptCount, "attemptCount")
	return int(v)
}

func (si streamInfo) DownstreamLocalAddress() string {
	v, _ := si.str(valueDownstreamLocalAddress, "downstreamLocalAddress")
	return v
}

func (si streamInfo) DownstreamRemoteAddress() string {
	v, _ := si.str(valueDownstreamRemoteAddress, "downstreamRemoteAddress")
	return v
}

func (si streamInfo) UpstreamLocalAddress() (string, bool) {
	return si.str(valueUpstreamLocalAddress, "upstreamLocalAddress")
}

func (si streamInfo) UpstreamRemoteAddress() (string, bool) {
	return si.str(valueUpstreamRemoteAddress, "upstreamRemoteAddress")
}

func (si streamInfo) UpstreamClusterName() (string, bool) {
	return si.str(valueUpstreamClusterName, "upstreamClusterName")
}

func (si streamInfo) VirtualClusterName() (string, bool) {
	return si.str(valueVirtualClusterName, "virtualClusterName")
}

// WorkerID is the Envoy worker thread the stream runs on.
func (si streamInfo) WorkerID() int { return int(si.req.c.worker_id) }

func (si streamInfo) DrainConnectionUponCompletion() {
	if err := capiSetDrainConnectionUponCompletion(si.req.c); err != nil {
		panic(fmt.Errorf("streamInfo.drainConnectionUponCompletion: %w", err))
	}
}
