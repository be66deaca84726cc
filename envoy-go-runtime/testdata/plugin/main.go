// Command testplugin is built with -buildmode=c-shared and driven through the mock host
// by golangfilter's end-to-end tests. Its behaviour is chosen per request by the
// x-action request header, so one config covers many scenarios.
package main

import (
	"github.com/mosn-ts/envoy-go-runtime/api"
	// Every library holds the built-in mosn-ts-consumers plugin, as generated ones do.
	_ "github.com/mosn-ts/envoy-go-runtime/consumers"
	_ "github.com/mosn-ts/envoy-go-runtime/golangfilter"
)

func init() {
	api.Register(&api.Plugin{Name: "test-filter", DecodeConfig: decodeConfig, NewFilter: newTestFilter})
	api.Register(&api.Plugin{Name: "passthrough", NewFilter: func(api.Context, any) any { return struct{}{} }})
	api.Register(&api.Plugin{Name: "create-panics", NewFilter: func(api.Context, any) any {
		panic(stringer{"factory exploded"})
	}})
	api.Register(&api.Plugin{Name: "capi-filter", NewFilter: newCapiFilter})
	api.Register(&api.Plugin{Name: "async-filter", NewFilter: newAsyncFilter})
	api.Register(&api.Plugin{Name: "metrics-filter", DecodeConfig: decodeMode, Configure: configureMetrics, NewFilter: newMetricsFilter})
	api.Register(&api.Plugin{Name: "consumer-filter", NewFilter: newConsumerFilter})
	api.Register(&api.Plugin{Name: "consumer-filter-async", NewFilter: newAsyncConsumerFilter})
	api.Register(&api.Plugin{Name: "decoder-panics",
		DecodeConfig: func([]byte) (any, error) { panic("kaput") },
		NewFilter:    func(api.Context, any) any { return struct{}{} }})
}

// stringer is a panic value that is not an error but prints itself.
type stringer struct{ text string }

func (s stringer) String() string { return s.text }

func main() {}
