package golangfilter

import (
	"errors"
	"reflect"
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

func TestStatusProblem(t *testing.T) {
	cases := []struct {
		hook     hook
		status   api.Status
		end      bool
		replied  bool
		expected string
	}{
		{hookDecodeHeaders, api.Continue, true, false, ""},
		{hookDecodeHeaders, api.Running, false, false, ""},
		{hookDecodeHeaders, api.StopAndBuffer, false, false, ""},
		{hookEncodeHeaders, api.StopAndBufferWatermark, false, false, ""},
		{hookDecodeData, api.StopNoBuffer, false, false, ""},
		{hookEncodeData, api.StopAndBuffer, false, false, ""},
		{hookDecodeHeaders, api.LocalReply, true, true, ""},
		{hookDecodeHeaders, api.LocalReply, true, false, "LocalReply returned without sendLocalReply"},
		{hookDecodeHeaders, api.StopAndBuffer, true, false, "StopAndBuffer returned at the end of the stream: there is no more body to wait for"},
		{hookEncodeData, api.StopAndBufferWatermark, true, false, "StopAndBufferWatermark returned at the end of the stream: there is no more body to wait for"},
		{hookDecodeData, api.StopNoBuffer, true, false, "StopNoBuffer returned at the end of the stream: there is no more body to wait for"},
		{hookDecodeHeaders, api.StopNoBuffer, false, false, "StopNoBuffer is not a valid status for decodeHeaders"},
		{hookDecodeTrailers, api.StopAndBuffer, true, false, "StopAndBuffer is not a valid status for decodeTrailers"},
		{hookEncodeTrailers, api.StopNoBuffer, true, false, "StopNoBuffer is not a valid status for encodeTrailers"},
		{hookDecodeTrailers, api.Continue, true, false, ""},
		{hookDecodeHeaders, api.Status(9), false, false, "9 is not a valid status"},
		{hookDecodeData, api.Status(-1), false, false, "-1 is not a valid status"},
	}
	for _, c := range cases {
		if got := statusProblem(c.hook, c.status, c.end, c.replied); got != c.expected {
			t.Errorf("%s %s end=%v replied=%v: got %q, want %q", c.hook, c.status, c.end, c.replied, got, c.expected)
		}
	}
}

type onlyStringer struct{}

func (onlyStringer) String() string { return "stringer text" }

type errorAndStringer struct{}

func (errorAndStringer) Error() string  { return "error text" }
func (errorAndStringer) String() string { return "stringer text" }

func TestPanicMessage(t *testing.T) {
	cases := []struct {
		value any
		want  string
	}{
		{errors.New("Error: boom"), "Error: boom"},
		{onlyStringer{}, "stringer text"},
		{errorAndStringer{}, "error text"},
		{"plain", "plain"},
		{42, "42"},
		{[]int{1, 2}, "[1 2]"},
	}
	for _, c := range cases {
		if got := panicMessage(c.value); got != c.want {
			t.Errorf("panicMessage(%#v) = %q, want %q", c.value, got, c.want)
		}
	}
}

func TestHookNamesAreTheTypeScriptNames(t *testing.T) {
	want := map[hook]string{hookCreate: "create", hookDecodeHeaders: "decodeHeaders", hookDecodeData: "decodeData",
		hookDecodeTrailers: "decodeTrailers", hookEncodeHeaders: "encodeHeaders", hookEncodeData: "encodeData",
		hookEncodeTrailers: "encodeTrailers", hookLog: "onLog", hookStreamComplete: "onStreamComplete", hookDestroy: "onDestroy"}
	for h, name := range want {
		if h.String() != name {
			t.Errorf("hook %d: %q, want %q", h, h.String(), name)
		}
	}
}

// Values from Envoy's Grpc::Utility::httpToGrpcStatus (source/common/grpc/status.cc).
func TestHTTPToGRPCStatus(t *testing.T) {
	cases := map[int]int64{400: 13, 401: 16, 403: 7, 404: 12, 429: 14, 502: 14, 503: 14, 504: 14, 200: 2, 500: 2, 418: 2}
	for code, want := range cases {
		if got := httpToGrpcStatus(code); got != want {
			t.Errorf("httpToGrpcStatus(%d) = %d, want %d", code, got, want)
		}
	}
}

// panicReplies answers Envoy's panic reply for a test: the status, and the messages sent.
func panicReplies(t *testing.T, status capiStatus) *[]string {
	t.Helper()
	var sent []string
	old := sendPanicReply
	sendPanicReply = func(_ *cProcessState, message string) error {
		sent = append(sent, message)
		return statusError(status)
	}
	t.Cleanup(func() { sendPanicReply = old })
	return &sent
}

func TestAPanicReplyEnvoyCannotTakeIsAnsweredAtTheNextEntry(t *testing.T) {
	rec := captureLog(t, api.LogTrace)
	sent := panicReplies(t, capiNotInGo)
	req := &request{config: &pluginConfig{plugin: &api.Plugin{Name: "p"}}}
	if got := req.fail(nil, hookDecodeHeaders, "boom"); got != api.LocalReply {
		t.Fatalf("fail returned %v", got)
	}
	want := []string{`4 panic in plugin "p" decodeHeaders: boom`,
		`4 plugin "p" decodeHeaders: cannot send the panic reply: the stream is not being processed by this filter now (CAPINotInGo)`}
	if got := rec.all(); !reflect.DeepEqual(got, want) {
		t.Fatalf("logs %q\nwant %q", got, want)
	}
	panicReplies(t, capiOK)
	if !req.answerPendingPanic(nil) {
		t.Fatal("the next entry did not answer the remembered panic")
	}
	if req.answerPendingPanic(nil) {
		t.Fatal("a remembered panic is answered once")
	}
	if !reflect.DeepEqual(*sent, []string{"boom"}) {
		t.Fatalf("panic replies %q", *sent)
	}
}

func TestAHookEndingAfterDestroyLogsBeforeItsLastCall(t *testing.T) {
	rec := captureLog(t, api.LogTrace)
	var logsAtCall []int
	old := sendPanicReply
	sendPanicReply = func(_ *cProcessState, message string) error {
		logsAtCall = append(logsAtCall, len(rec.all()))
		return statusError(capiDestroy)
	}
	t.Cleanup(func() { sendPanicReply = old })
	req := &request{config: &pluginConfig{plugin: &api.Plugin{Name: "p"}}}
	req.destroyed.Store(true)
	req.fail(nil, hookDecodeData, "late")
	// The host answers once it sees the hook's last call: every line must precede it.
	want := []string{`4 panic in plugin "p" decodeData: late`,
		`4 plugin "p" decodeData: cannot send the panic reply: the stream was destroyed (CAPIFilterIsDestroy)`}
	if !reflect.DeepEqual(logsAtCall, []int{2}) || !reflect.DeepEqual(rec.all(), want) {
		t.Fatalf("lines logged before the call %v, logs %q", logsAtCall, rec.all())
	}
	if req.pendingPanic.Load() != nil {
		t.Fatal("a destroyed stream remembers no panic")
	}
}
