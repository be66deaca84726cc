//go:build go1.24

package golangfilter

// Leaf C API functions: they keep no Go pointer and never call back into Go, so cgo may
// leave their pointer arguments on the goroutine stack. Go accepts these directives from
// 1.24 on; older toolchains skip this file and only lose the optimisation.
// Continue, SendLocalReply, SendPanicReply, DrainBuffer and the finalizers are
// deliberately absent: an implementation may run Continue or SendLocalReply inline and
// feed data back to Go. cgo rejects a directive for a function the package does not
// call, so a function joins this list when the runtime starts calling it.

/*
#cgo noescape envoyGoFilterHttpCopyHeaders
#cgo nocallback envoyGoFilterHttpCopyHeaders
#cgo noescape envoyGoFilterHttpSetHeaderHelper
#cgo nocallback envoyGoFilterHttpSetHeaderHelper
#cgo noescape envoyGoFilterHttpRemoveHeader
#cgo nocallback envoyGoFilterHttpRemoveHeader
#cgo noescape envoyGoFilterHttpCopyTrailers
#cgo nocallback envoyGoFilterHttpCopyTrailers
#cgo noescape envoyGoFilterHttpSetTrailer
#cgo nocallback envoyGoFilterHttpSetTrailer
#cgo noescape envoyGoFilterHttpRemoveTrailer
#cgo nocallback envoyGoFilterHttpRemoveTrailer
#cgo noescape envoyGoFilterHttpGetBuffer
#cgo nocallback envoyGoFilterHttpGetBuffer
#cgo noescape envoyGoFilterHttpSetBufferHelper
#cgo nocallback envoyGoFilterHttpSetBufferHelper
#cgo noescape envoyGoFilterLog
#cgo nocallback envoyGoFilterLog

#include "envoy_capi.h"
*/
import "C"
