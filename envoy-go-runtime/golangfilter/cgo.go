package golangfilter

/*
// The C API is defined by the process that loads the library (Envoy, or the mock host),
// so it stays undefined here and binds at dlopen time.
#cgo CFLAGS: -I${SRCDIR}
#cgo linux LDFLAGS: -Wl,--unresolved-symbols=ignore-all
#cgo darwin LDFLAGS: -Wl,-undefined,dynamic_lookup

#include "envoy_capi.h"
*/
import "C"
