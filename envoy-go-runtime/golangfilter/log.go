package golangfilter

import (
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// Envoy's log, as variables so the package's unit tests (whose binary has no Envoy to
// bind the C API to) can capture it.
var (
	hostLog      = capiLog
	hostLogLevel = capiLogLevel
)

// logf writes to Envoy's log when level is enabled there, so disabled levels cost one
// level query and no formatting.
func logf(level api.LogLevel, format string, args ...any) {
	if level < hostLogLevel() {
		return
	}
	hostLog(level, fmt.Sprintf(format, args...))
}

// panicMessage renders a recovered panic value: an error or fmt.Stringer by its own
// text (the compiler's JS exceptions are errors printing as String(err), e.g.
// "Error: boom"), anything else as fmt prints it.
func panicMessage(v any) string {
	switch e := v.(type) {
	case error:
		return e.Error()
	case fmt.Stringer:
		return e.String()
	case string:
		return e
	}
	return fmt.Sprint(v)
}
