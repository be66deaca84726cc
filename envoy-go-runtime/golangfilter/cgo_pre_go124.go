//go:build !go1.24

package golangfilter

// Toolchains before Go 1.24 refuse #cgo noescape/nocallback (cgo_go124.go): the C API is
// called the same way, only without the stack-allocation fast path.

const cgoLeafAnnotations = false
