// Command headerbench is the official-SDK side of the runtime benchmark (pnpm
// bench:runtime): the header-heavy filter "header-bench" and the do-nothing "noop", the
// same two plugins as conformance/bench-twin/src, hand-written on Envoy's Go SDK.
package main

import (
	"github.com/envoyproxy/envoy/contrib/golang/common/go/api"
	"github.com/envoyproxy/envoy/contrib/golang/filters/http/source/go/pkg/http"
)

func init() {
	http.RegisterHttpFilterFactoryAndConfigParser("header-bench", newHeaderBench, http.NullParser)
	http.RegisterHttpFilterFactoryAndConfigParser("noop", newNoop, http.NullParser)
}

// headerBench reads four request headers, sets three and removes one.
type headerBench struct {
	api.PassThroughStreamFilter
}

func newHeaderBench(interface{}, api.FilterCallbackHandler) api.StreamFilter { return &headerBench{} }

func valueOr(h api.RequestHeaderMap, name, fallback string) string {
	if v, ok := h.Get(name); ok {
		return v
	}
	return fallback
}

func (f *headerBench) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.StatusType {
	a := valueOr(h, "x-bench-a", "-")
	b := valueOr(h, "x-bench-b", "-")
	c := valueOr(h, "x-bench-c", "-")
	d := valueOr(h, "x-bench-d", "-")
	h.Set("x-bench-out-1", a)
	h.Set("x-bench-out-2", b)
	h.Set("x-bench-out-3", d)
	if c != "-" {
		h.Del("x-bench-remove")
	}
	return api.Continue
}

// noop lets everything through: what a stream costs the SDK without any filter work.
type noop struct {
	api.PassThroughStreamFilter
}

func newNoop(interface{}, api.FilterCallbackHandler) api.StreamFilter { return &noop{} }

// main is required by -buildmode=c-shared and never runs.
func main() {}
