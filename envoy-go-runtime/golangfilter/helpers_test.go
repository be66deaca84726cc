package golangfilter

import (
	"fmt"
	"sync"
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// captureLog replaces Envoy's log for one test: the unit-test binary has no Envoy to
// bind the C API to.
func captureLog(t *testing.T, level api.LogLevel) *logRecorder {
	t.Helper()
	rec := &logRecorder{}
	oldLog, oldLevel := hostLog, hostLogLevel
	hostLog = rec.log
	hostLogLevel = func() api.LogLevel { return level }
	t.Cleanup(func() { hostLog, hostLogLevel = oldLog, oldLevel })
	return rec
}

type logRecorder struct {
	mu    sync.Mutex
	lines []string
}

func (r *logRecorder) log(level api.LogLevel, message string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lines = append(r.lines, fmt.Sprintf("%d %s", level, message))
}

func (r *logRecorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.lines...)
}
