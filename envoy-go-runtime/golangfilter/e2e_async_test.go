package golangfilter

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// Async hooks (testdata/plugin's async-filter: decodeHeaders, decodeData and
// encodeHeaders run on goroutines).

func TestAsyncHooksRunningThenContinued(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	a := h.roundTrip(requestLine("plain", "GET", "/", nil, "", `"upstream":{"echo":true}`))
	want := []string{"decodeHeaders(end)=Running", "continue=Continue", "encodeHeaders(end)=Running", "continue=Continue",
		"onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant  %v", got, want)
	}
	if got := a.Upstream.Headers[len(a.Upstream.Headers)-1]; got != [2]string{"x-async-done", "1"} {
		t.Fatalf("upstream headers: %v", a.Upstream.Headers)
	}
	if !reflect.DeepEqual(a.Response.Headers, [][2]string{{"x-async-encode", "1"}}) {
		t.Fatalf("response headers: %v", a.Response.Headers)
	}
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, []string{"decodeHeaders start end=true", "decodeHeaders done", "onDestroy 0"}) {
		t.Fatalf("logs %q", got)
	}
}

func TestAnAsyncHookWithoutAwaitEndsWithinItsEntry(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	start := time.Now()
	a := h.roundTrip(requestLine("i", "GET", "/", action("immediate"), "", `"idleTimeoutMs":5000`))
	// Its Continue came before the entry returned: nothing is left to wait for.
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("the host waited %v for a hook that had ended", elapsed)
	}
	want := []string{"decodeHeaders(end)=Running", "continue=Continue", "encodeHeaders(end)=Running", "continue=Continue",
		"onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant  %v", got, want)
	}
}

func TestGettersFromAnAsyncHookYieldAndWake(t *testing.T) {
	h := startHost(t)
	if a := h.roundTrip(`{"op":"config","plugin":"async-filter","secrets":{"token":"s3cret"}}`); !a.OK {
		t.Fatalf("config: %s", a.raw)
	}
	a := h.roundTrip(requestLine("g", "GET", "/", action("getters"), "",
		`"metadata":{"in":{"s":"str"}},"filterState":{"in":"fsv"},"properties":{"request.path":"/pp"},"streamInfo":{"routeName":"rr"},"recordCalls":true`))
	want := `async getters metadata="str" filterState="fsv"/true property="/pp"/true/false secret="s3cret"/true/false route=rr`
	if got := messagesAt(a, "info"); len(got) < 2 || got[1] != want {
		t.Fatalf("logs %q\nwant %q", got, want)
	}
	// Off the worker, these getters answer CAPIYield and the value comes with the wake-up;
	// StreamInfo values are read inline.
	statuses := map[string][]string{}
	for _, c := range a.Calls {
		if c.Thread == "go" && strings.HasPrefix(c.Fn, "envoyGoFilterHttpGet") && c.Fn != "envoyGoFilterHttpGetHeader" {
			statuses[c.Fn] = append(statuses[c.Fn], c.Status)
		}
	}
	wantStatuses := map[string][]string{
		"envoyGoFilterHttpGetDynamicMetadata":   {"CAPIYield"},
		"envoyGoFilterHttpGetStringFilterState": {"CAPIYield"},
		"envoyGoFilterHttpGetStringProperty":    {"CAPIYield", "CAPIYield"},
		"envoyGoFilterHttpGetStringSecret":      {"CAPIYield", "CAPIYield"},
		"envoyGoFilterHttpGetStringValue":       {"CAPIOK"},
	}
	if !reflect.DeepEqual(statuses, wantStatuses) {
		t.Fatalf("getter statuses %v\nwant %v", statuses, wantStatuses)
	}
}

func TestWritesFromAnAsyncHookArePosted(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	a := h.roundTrip(requestLine("s", "GET", "/", action("setters"), "", `"upstream":{"echo":true}`))
	if bodyOf(a.Upstream) != "async body" || !reflect.DeepEqual(a.Upstream.Headers[5], [2]string{"x-async", "yes"}) {
		t.Fatalf("upstream: %s", a.raw)
	}
	if !reflect.DeepEqual(a.Metadata, map[string]map[string]any{"async": {"k": "v"}}) ||
		!reflect.DeepEqual(a.FilterState, map[string]wireFilterState{"async": {"v", 1, 0}}) ||
		!reflect.DeepEqual(a.RouteCache, []string{"clear"}) || !a.Drain {
		t.Fatalf("stream data: %s", a.raw)
	}
	// Envoy posts the override host from a Go thread with strict = false.
	if a.Override == nil || a.Override.Host != "[::1]:8443" || a.Override.Strict {
		t.Fatalf("override host: %s", a.raw)
	}
}

func TestAsyncHookEndings(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	panicReply := &wireLocalReply{Status: 500, Body: "error happened in filter\r\n", Headers: [][2]string{}}
	cases := []struct {
		action    string
		reply     *wireLocalReply
		errorLogs []string
	}{
		{"reply", &wireLocalReply{Status: 401, Body: "no", Headers: [][2]string{{"x-why", "async"}}, Details: "async_denied"}, nil},
		{"panic", panicReply, []string{`panic in plugin "async-filter" decodeHeaders: Error: async boom`}},
		{"running", panicReply, []string{`panic in plugin "async-filter" decodeHeaders: Running is not a valid result of an async hook`}},
	}
	for _, c := range cases {
		a := h.roundTrip(requestLine(c.action, "GET", "/", action(c.action), "", ""))
		if !reflect.DeepEqual(a.LocalReply, c.reply) || !reflect.DeepEqual(errorLogs(a), c.errorLogs) {
			t.Errorf("%s: localReply %+v, error logs %q", c.action, a.LocalReply, errorLogs(a))
		}
		// No continue: the reply ends the hook.
		want := []string{"decodeHeaders(end)=Running", "encodeHeaders=Running", "continue=Continue", "encodeData(end)=Continue",
			"onStreamComplete", "onLog", "onDestroy(Normal)"}
		if got := traceOf(a); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: trace %v\nwant  %v", c.action, got, want)
		}
	}
}

func TestAsyncHooksWithBodies(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	// StopAndBuffer from an async headers hook: the whole body comes to decodeData once.
	buf := h.roundTrip(requestLine("b", "POST", "/", action("buffer"), `"chunks":["ab","cd"]`, `"upstream":{"echo":true}`))
	if bodyOf(buf.Upstream) != "ABCD" {
		t.Fatalf("answer: %s", buf.raw)
	}
	want := []string{"decodeHeaders=Running", "continue=StopAndBuffer", "decodeData(end)=Running", "continue=Continue"}
	if got := traceOf(buf)[:4]; !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant prefix %v", traceOf(buf), want)
	}
	// The frames that came while decodeHeaders ran are buffered and handed over together;
	// injected data goes on before them.
	inj := h.roundTrip(requestLine("i", "POST", "/", action("inject"), `"chunks":["ab","cd"]`, `"upstream":{"echo":true}`))
	if bodyOf(inj.Upstream) != "[injected]abcd" {
		t.Fatalf("answer: %s", inj.raw)
	}
	if got := messagesAt(inj, "info"); !reflect.DeepEqual(got[:3], []string{"decodeHeaders start end=false", "decodeHeaders done", `decodeData "abcd" end=true`}) {
		t.Fatalf("logs %q", got)
	}
}

func TestAClientResetWhileAnAsyncHookRuns(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	// The reset comes right after the entry (the hook ran up to its first sleep); the hook
	// wakes to a destroyed stream, and the host waits for its last call before it answers.
	a := h.roundTrip(requestLine("r", "GET", "/", nil, "", `"reset":{"after":"decodeHeaders"}`))
	want := []string{"decodeHeaders(end)=Running", "onStreamComplete", "onLog", "onDestroy(Terminate)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) || a.Reset == nil || *a.Reset != "client" {
		t.Fatalf("trace %v, want %v: %s", got, want, a.raw)
	}
	wantLogs := []wireLog{
		{"info", "decodeHeaders start end=true"},
		{"info", "onDestroy 1"},
		// The hook read x-action before it slept (which copied the map): its set after the
		// wake-up is the first call that reaches Envoy.
		{"error", `panic in plugin "async-filter" decodeHeaders: cannot set "x-async-done" in request headers: the stream was destroyed (CAPIFilterIsDestroy)`},
		{"error", `plugin "async-filter" decodeHeaders: cannot send the panic reply: the stream was destroyed (CAPIFilterIsDestroy)`},
	}
	if !reflect.DeepEqual(a.Logs, wantLogs) {
		t.Fatalf("logs %v\nwant %v", a.Logs, wantLogs)
	}
}

func TestAnAsyncHookOutlivingItsStream(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	cases := []struct{ action, failure string }{
		// The hook wakes, logs, and its first call finds the stream destroyed (it read
		// x-action before it slept, which copied the map: the set is that call).
		{"sleep-long", `cannot set "x-async-done" in request headers: the stream was destroyed (CAPIFilterIsDestroy)`},
		{"get-after-destroy", "metadata.getString: the stream was destroyed (CAPIFilterIsDestroy)"},
	}
	for _, c := range cases {
		// The idle timeout ends the stream while the hook sleeps; the host waits for the
		// hook's last call (up to another idle timeout) before it answers.
		a := h.roundTrip(requestLine(c.action, "GET", "/", action(c.action), "", `"idleTimeoutMs":200`))
		if a.Response == nil || a.Response.Status != 504 {
			t.Fatalf("%s: %s", c.action, a.raw)
		}
		if got := traceOf(a); got[len(got)-1] != "onDestroy(Terminate)" {
			t.Fatalf("%s: trace %v", c.action, got)
		}
		want := []string{
			`panic in plugin "async-filter" decodeHeaders: ` + c.failure,
			`plugin "async-filter" decodeHeaders: cannot send the panic reply: the stream was destroyed (CAPIFilterIsDestroy)`,
		}
		if got := errorLogs(a); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: error logs %q\nwant %q", c.action, got, want)
		}
	}
}
