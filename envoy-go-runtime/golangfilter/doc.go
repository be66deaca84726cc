// Package golangfilter is the ABI backend for Envoy's golang HTTP filter
// (envoy.filters.http.golang, contrib builds). Importing it into a package main built
// with -buildmode=c-shared makes the library export the ten entry points Envoy v1.39's
// loader resolves; it then serves every plugin registered with api.Register.
//
// Layers, bottom up:
//   - envoy_capi.h, cgo*.go, capi*.go: the C API as Envoy declares it (stream, request and
//     config level), called with pointer+length arguments and without copies;
//   - configs.go, metrics.go, requests.go: plugin configs by id (Configure, metrics) and
//     per-worker request tables, and the finalizers that hand Envoy's objects back once;
//   - yield.go, hooklock.go: the CAPIYield protocol, and the filter lock that runs the
//     library's plugin code one piece at a time, async hooks giving way where they await;
//   - headers.go, buffer.go, context.go, streaminfo.go, state.go, controls.go: the api
//     interfaces over the C API;
//   - dispatch.go: hook selection, async hooks, status validation and panic recovery;
//   - export_config.go, export_stream.go: the //export entry points.
//
// This is the only package of the runtime that uses cgo.
package golangfilter
