//go:build go1.24

package golangfilter

// The C API functions that keep no Go pointer after they return and never call back into
// Go: cgo may then leave their pointer arguments on the goroutine stack (noescape) and the
// runtime enforces the no-callback promise (nocallback). Go accepts these directives from
// 1.24 on; older toolchains build cgo_pre_go124.go instead and only lose the optimisation.
//
// Deliberately not annotated:
//   - Continue, SendLocalReply, SendPanicReply: Envoy posts them today, but an
//     implementation may run them inline and feed buffered data to Go (1.39.0 briefly
//     did);
//   - AddData: on the worker Envoy hands the data to the next filters inline, and a later
//     golang filter in the chain is Go code;
//   - ClearRouteCache: with refresh the route is resolved again inline, which may run a Go
//     cluster specifier;
//   - GetDynamicMetadata, GetStringFilterState, GetStringProperty, GetStringSecret: off the
//     worker Envoy keeps the result pointers and writes them later (CAPIYield), so they are
//     nocallback only.
//
// The header calls and the request finalizer go through typed wrappers (capi.go): the
// directives name the wrappers, which make exactly one call each to the function they
// wrap. cgo rejects a directive for a function the package does not call, so a function
// joins this list when the runtime starts calling it.

/*
#cgo noescape mosnTsGetHeader
#cgo nocallback mosnTsGetHeader
#cgo noescape mosnTsCopyMap
#cgo nocallback mosnTsCopyMap
#cgo noescape mosnTsWriteMap
#cgo nocallback mosnTsWriteMap
#cgo noescape mosnTsRemoveFromMap
#cgo nocallback mosnTsRemoveFromMap
#cgo noescape mosnTsFinalizeRequest
#cgo nocallback mosnTsFinalizeRequest
#cgo noescape envoyGoFilterHttpGetBuffer
#cgo nocallback envoyGoFilterHttpGetBuffer
#cgo noescape envoyGoFilterHttpSetBufferHelper
#cgo nocallback envoyGoFilterHttpSetBufferHelper
#cgo noescape envoyGoFilterHttpDrainBuffer
#cgo nocallback envoyGoFilterHttpDrainBuffer
#cgo noescape envoyGoFilterHttpInjectData
#cgo nocallback envoyGoFilterHttpInjectData
#cgo noescape envoyGoFilterHttpSetUpstreamOverrideHost
#cgo nocallback envoyGoFilterHttpSetUpstreamOverrideHost
#cgo noescape envoyGoFilterHttpGetStringValue
#cgo nocallback envoyGoFilterHttpGetStringValue
#cgo noescape envoyGoFilterHttpGetIntegerValue
#cgo nocallback envoyGoFilterHttpGetIntegerValue
#cgo noescape envoyGoFilterHttpSetDynamicMetadata
#cgo nocallback envoyGoFilterHttpSetDynamicMetadata
#cgo noescape envoyGoFilterHttpSetStringFilterState
#cgo nocallback envoyGoFilterHttpSetStringFilterState
#cgo noescape envoyGoFilterHttpSetDrainConnectionUponCompletion
#cgo nocallback envoyGoFilterHttpSetDrainConnectionUponCompletion
#cgo noescape envoyGoConfigHttpFinalize
#cgo nocallback envoyGoConfigHttpFinalize
#cgo noescape envoyGoFilterHttpDefineMetric
#cgo nocallback envoyGoFilterHttpDefineMetric
#cgo noescape envoyGoFilterHttpIncrementMetric
#cgo nocallback envoyGoFilterHttpIncrementMetric
#cgo noescape envoyGoFilterHttpGetMetric
#cgo nocallback envoyGoFilterHttpGetMetric
#cgo noescape envoyGoFilterHttpRecordMetric
#cgo nocallback envoyGoFilterHttpRecordMetric
#cgo noescape envoyGoFilterLog
#cgo nocallback envoyGoFilterLog
#cgo nocallback envoyGoFilterLogLevel
#cgo nocallback envoyGoFilterHttpGetDynamicMetadata
#cgo nocallback envoyGoFilterHttpGetStringFilterState
#cgo nocallback envoyGoFilterHttpGetStringProperty
#cgo nocallback envoyGoFilterHttpGetStringSecret

#include "envoy_capi.h"
*/
import "C"

// cgoLeafAnnotations tells tests whether the directives above are compiled in.
const cgoLeafAnnotations = true
