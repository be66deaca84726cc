package golangfilter

import (
	"reflect"
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

func TestContextLogRespectsTheLevelAndClampsUnknownLevels(t *testing.T) {
	rec := captureLog(t, api.LogInfo)
	req := &request{}
	req.Log(api.LogDebug, "hidden")
	req.Log(api.LogInfo, "shown")
	req.Log(api.LogLevel(42), "too high")
	req.Log(api.LogLevel(-3), "too low")
	want := []string{"2 shown", "5 too high"}
	if got := rec.all(); !reflect.DeepEqual(got, want) {
		t.Fatalf("log %q, want %q", got, want)
	}
}

func TestSendLocalReplyOutsideAHookPanics(t *testing.T) {
	req := &request{}
	defer func() {
		if e := recover(); e != errReplyOutsideHook {
			t.Fatalf("recovered %v", e)
		}
	}()
	req.SendLocalReply(403, "", nil, "")
}
