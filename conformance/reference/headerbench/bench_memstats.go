//go:build mosnts_bench

// Built only for the benchmark (-tags mosnts_bench), and dropped into the TypeScript
// twin's generated Go for its benchmark build too: the driver reads the Go heap's
// allocation count around its timed loop.
package main

import "C"

import "runtime"

// mosnBenchMallocs is the number of heap objects Go has allocated so far
// (runtime.MemStats.Mallocs). It stops the world: call it outside timed code.
//
//export mosnBenchMallocs
func mosnBenchMallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}
