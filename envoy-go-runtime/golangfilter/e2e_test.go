package golangfilter

import (
	"debug/buildinfo"
	"debug/elf"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The ten entry points Envoy v1.39's loader resolves (contrib/golang/common/dso/dso.cc).
var loaderSymbols = []string{
	"envoyGoFilterCleanUp",
	"envoyGoFilterDestroyHttpPluginConfig",
	"envoyGoFilterMergeHttpPluginConfig",
	"envoyGoFilterNewHttpPluginConfig",
	"envoyGoFilterOnHttpData",
	"envoyGoFilterOnHttpDestroy",
	"envoyGoFilterOnHttpHeader",
	"envoyGoFilterOnHttpLog",
	"envoyGoFilterOnHttpStreamComplete",
	"envoyGoRequestSemaDec",
}

func TestLibraryExportsExactlyTheLoaderSymbols(t *testing.T) {
	needArtifacts(t)
	f, err := elf.Open(pluginPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	syms, err := f.DynamicSymbols()
	if err != nil {
		t.Fatal(err)
	}
	var defined, undefined []string
	for _, s := range syms {
		if !strings.HasPrefix(s.Name, "envoyGo") || elf.ST_TYPE(s.Info) != elf.STT_FUNC && s.Section != elf.SHN_UNDEF {
			continue
		}
		if s.Section == elf.SHN_UNDEF {
			undefined = append(undefined, s.Name)
		} else if elf.ST_BIND(s.Info) == elf.STB_GLOBAL {
			defined = append(defined, s.Name)
		}
	}
	sort.Strings(defined)
	if !reflect.DeepEqual(defined, loaderSymbols) {
		t.Fatalf("exported envoyGo* functions:\n%s\nwant:\n%s", strings.Join(defined, "\n"), strings.Join(loaderSymbols, "\n"))
	}
	// The C API stays undefined, bound by the loading process at dlopen time.
	for _, want := range []string{"envoyGoFilterLog", "envoyGoFilterHttpCopyHeaders", "envoyGoFilterHttpSendLocalReply", "envoyGoFilterHttpFinalize", "envoyGoConfigHttpFinalize"} {
		found := false
		for _, u := range undefined {
			found = found || u == want
		}
		if !found {
			t.Errorf("%s is not an undefined (imported) symbol; undefined: %v", want, undefined)
		}
	}
}

// The library is built with this process's GOEXPERIMENT, so a cgocheck2 test run checks
// the library's cgo calls too.
func TestLibraryIsBuiltLikeTheTestRun(t *testing.T) {
	needArtifacts(t)
	info, err := buildinfo.ReadFile(pluginPath)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["-buildmode"] != "c-shared" || settings["CGO_ENABLED"] != "1" {
		t.Fatalf("build settings: %v", settings)
	}
	if want := os.Getenv("GOEXPERIMENT"); strings.Contains(want, "cgocheck2") && !strings.Contains(settings["GOEXPERIMENT"], "cgocheck2") {
		t.Fatalf("GOEXPERIMENT=%s but the library was built with %q", want, settings["GOEXPERIMENT"])
	}
}

func TestHeadersAndBodyReachUpstreamAndClient(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1","stripResponseHeaders":["x-secret"]}`)
	a := h.roundTrip(requestLine("r1", "POST", "/x",
		[][2]string{{"content-type", "text/plain"}, {"x-remove-me", "gone"}, {"x-multi", "a"}, {"X-Multi", "b"}},
		`"body":"hello"`, `"upstream":{"echo":true}`))
	wantUpstream := [][2]string{
		{":method", "POST"}, {":authority", "example.com"}, {":scheme", "http"}, {":path", "/x?seen=1"},
		{"content-type", "text/plain"}, {"x-multi", "a"}, {"x-multi", "b"},
		{"x-prefix", "p1"}, {"x-seen", "POST /x"}, {"x-multi-joined", "a|b"},
	}
	if a.Upstream == nil || !reflect.DeepEqual(a.Upstream.Headers, wantUpstream) {
		t.Fatalf("upstream headers:\n%v\nwant\n%v", a.Upstream, wantUpstream)
	}
	if bodyOf(a.Upstream) != "hello" || bodyOf(&a.Response.wireMessage) != "hello" {
		t.Fatalf("bodies: upstream %q, response %q", bodyOf(a.Upstream), bodyOf(&a.Response.wireMessage))
	}
	wantTrace := []string{"decodeHeaders=Continue", "decodeData(end)=Continue", "encodeHeaders=Continue",
		"encodeData(end)=Continue", "onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(a); !reflect.DeepEqual(got, wantTrace) {
		t.Fatalf("trace %v\nwant  %v", got, wantTrace)
	}
	wantLogs := []wireLog{
		{"info", "decodeHeaders POST /x host=example.com scheme=http end=false"},
		{"debug", `decodeData "hello" end=true`},
		{"info", "encodeHeaders status=200 end=false"},
		{"debug", "onStreamComplete"},
		{"info", "onLog POST status=200 reqTrailers=false respTrailers=false"},
		{"debug", "onDestroy reason=0"},
	}
	if !reflect.DeepEqual(a.Logs, wantLogs) {
		t.Fatalf("logs %v\nwant %v", a.Logs, wantLogs)
	}

	b := h.roundTrip(requestLine("r2", "GET", "/", nil, "",
		`"upstream":{"status":201,"headers":[["server","up"],["x-secret","s"]],"body":"ok"}`))
	if b.Response == nil || b.Response.Status != 201 || bodyOf(&b.Response.wireMessage) != "ok" {
		t.Fatalf("response: %s", b.raw)
	}
	if want := [][2]string{{"server", "up"}, {"x-filtered", "p1"}}; !reflect.DeepEqual(b.Response.Headers, want) {
		t.Fatalf("response headers %v, want %v", b.Response.Headers, want)
	}
	if b.Upstream == nil || bodyOf(b.Upstream) != "" || b.LocalReply != nil || b.Reset != nil {
		t.Fatalf("answer: %s", b.raw)
	}
}

func TestLocalReplyFromDecodeHeadersRunsTheEncodePath(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	for _, tc := range []struct {
		name, method, requestMembers string
		wantFirst                    string
	}{
		{"headers only", "GET", "", "decodeHeaders(end)=LocalReply"},
		{"body never read", "POST", `"body":"unread"`, "decodeHeaders=LocalReply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := h.roundTrip(requestLine("lr", tc.method, "/", action("reply"), tc.requestMembers, ""))
			wantReply := &wireLocalReply{Status: 403, Body: "denied by p1", Details: "test_denied",
				Headers: [][2]string{{"x-reply", "yes"}, {"x-reply-prefix", "p-p1"}, {"content-type", "text/plain; charset=utf-8"}}}
			if !reflect.DeepEqual(a.LocalReply, wantReply) {
				t.Fatalf("localReply %+v, want %+v", a.LocalReply, wantReply)
			}
			wantHeaders := [][2]string{{"x-reply", "yes"}, {"x-reply-prefix", "p-p1"}, {"content-type", "text/plain; charset=utf-8"},
				{"content-length", "12"}, {"x-filtered", "p1"}}
			if a.Response == nil || a.Response.Status != 403 || !reflect.DeepEqual(a.Response.Headers, wantHeaders) ||
				bodyOf(&a.Response.wireMessage) != "denied by p1" {
				t.Fatalf("response: %s", a.raw)
			}
			if a.Upstream != nil {
				t.Fatalf("the request reached the upstream: %s", a.raw)
			}
			want := []string{tc.wantFirst, "encodeHeaders=Continue", "encodeData(end)=Continue",
				"onStreamComplete", "onLog", "onDestroy(Normal)"}
			if got := traceOf(a); !reflect.DeepEqual(got, want) {
				t.Fatalf("trace %v\nwant  %v", got, want)
			}
		})
	}
}

func TestLocalReplyVariants(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)

	grpc := h.roundTrip(requestLine("grpc", "POST", "/svc/M", action("reply", [2]string{"content-type", "application/grpc"}), "", ""))
	wantGrpc := [][2]string{{"x-reply", "yes"}, {"x-reply-prefix", "p-p1"}, {"content-type", "application/grpc"}, {"grpc-status", "7"},
		{"grpc-message", "denied by p1"}, {"x-filtered", "p1"}}
	if grpc.Response == nil || grpc.Response.Status != 200 || !reflect.DeepEqual(grpc.Response.Headers, wantGrpc) ||
		bodyOf(&grpc.Response.wireMessage) != "" {
		t.Fatalf("gRPC reply: %s", grpc.raw)
	}
	if got := traceOf(grpc)[1]; got != "encodeHeaders(end)=Continue" {
		t.Fatalf("a gRPC local reply is headers only: %v", traceOf(grpc))
	}

	head := h.roundTrip(requestLine("head", "HEAD", "/", action("reply"), "", ""))
	wantHead := [][2]string{{"x-reply", "yes"}, {"x-reply-prefix", "p-p1"}, {"content-type", "text/plain; charset=utf-8"}, {"content-length", "12"}, {"x-filtered", "p1"}}
	if head.Response == nil || !reflect.DeepEqual(head.Response.Headers, wantHead) || bodyOf(&head.Response.wireMessage) != "" {
		t.Fatalf("HEAD reply: %s", head.raw)
	}

	empty := h.roundTrip(requestLine("empty", "GET", "/", action("reply-empty"), "", ""))
	if empty.Response == nil || empty.Response.Status != 204 || !reflect.DeepEqual(empty.Response.Headers, [][2]string{{"x-filtered", "p1"}}) {
		t.Fatalf("a bodyless reply drops content-type: %s", empty.raw)
	}
}

func TestPanicsAndInvalidStatusesBecomeAPanicReply(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	cases := []struct {
		action, method, requestMembers, wantLog string
	}{
		{"panic", "GET", "", `panic in plugin "test-filter" decodeHeaders: Error: boom`},
		{"panic-value", "GET", "", `panic in plugin "test-filter" decodeHeaders: 42`},
		{"panic-nil-map", "GET", "", `panic in plugin "test-filter" decodeHeaders: assignment to entry in nil map`},
		{"bad-status", "GET", "", `panic in plugin "test-filter" decodeHeaders: StopNoBuffer is not a valid status for decodeHeaders`},
		{"unsent-reply", "GET", "", `panic in plugin "test-filter" decodeHeaders: LocalReply returned without sendLocalReply`},
		{"buffer", "GET", "", `panic in plugin "test-filter" decodeHeaders: StopAndBuffer returned at the end of the stream: there is no more body to wait for`},
		{"bad-header", "GET", "", `panic in plugin "test-filter" decodeHeaders: invalid value for header "x-bad": contains NUL, CR or LF`},
		{"reply-bad-status", "GET", "", `panic in plugin "test-filter" decodeHeaders: sendLocalReply: status 99 is not in 200..599`},
		{"buffer-at-end", "POST", `"body":"b"`, `panic in plugin "test-filter" decodeData: StopAndBuffer returned at the end of the stream: there is no more body to wait for`},
	}
	for _, c := range cases {
		t.Run(c.action, func(t *testing.T) {
			a := h.roundTrip(requestLine(c.action, c.method, "/", action(c.action), c.requestMembers, ""))
			if got := messagesAt(a, "error"); !reflect.DeepEqual(got, []string{c.wantLog}) {
				t.Fatalf("error log %q\nwant %q", got, c.wantLog)
			}
			wantReply := &wireLocalReply{Status: 500, Body: "error happened in filter\r\n", Headers: [][2]string{}}
			if !reflect.DeepEqual(a.LocalReply, wantReply) {
				t.Fatalf("localReply %+v", a.LocalReply)
			}
			wantHeaders := [][2]string{{"content-length", "26"}, {"content-type", "text/plain"}, {"x-filtered", "p1"}}
			if a.Response == nil || a.Response.Status != 500 || !reflect.DeepEqual(a.Response.Headers, wantHeaders) {
				t.Fatalf("response: %s", a.raw)
			}
		})
	}
}

func TestPanicInEncodeHeadersRepliesDirectly(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	a := h.roundTrip(requestLine("ep", "GET", "/", action("encode-panic"), "", `"upstream":{"body":"hidden"}`))
	if got := messagesAt(a, "error"); !reflect.DeepEqual(got, []string{`panic in plugin "test-filter" encodeHeaders: Error: encode failed`}) {
		t.Fatalf("error log %q", got)
	}
	// Response headers existed but were not sent: the reply bypasses the filter.
	want := [][2]string{{"content-length", "26"}, {"content-type", "text/plain"}}
	if a.Response == nil || a.Response.Status != 500 || !reflect.DeepEqual(a.Response.Headers, want) {
		t.Fatalf("response: %s", a.raw)
	}
	wantTrace := []string{"decodeHeaders(end)=Continue", "encodeHeaders=LocalReply", "onStreamComplete", "onLog", "onDestroy(Terminate)"}
	if got := traceOf(a); !reflect.DeepEqual(got, wantTrace) {
		t.Fatalf("trace %v\nwant  %v", got, wantTrace)
	}
}

func TestFactoryPanicRepliesAndLeavesTheStreamWithoutFilter(t *testing.T) {
	h := startHost(t)
	h.config("create-panics", `{}`)
	a := h.roundTrip(requestLine("cp", "POST", "/", nil, `"body":"x"`, `"upstream":{"echo":true}`))
	if got := messagesAt(a, "error"); !reflect.DeepEqual(got, []string{`panic in plugin "create-panics" create: factory exploded`}) {
		t.Fatalf("error log %q", got)
	}
	if a.Response == nil || a.Response.Status != 500 || a.Upstream != nil {
		t.Fatalf("answer: %s", a.raw)
	}
	// The encode hooks of the reply pass: there is no filter.
	want := []string{"decodeHeaders=LocalReply", "encodeHeaders=Continue", "encodeData(end)=Continue", "onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant  %v", got, want)
	}
}

func TestBodyHandling(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	cases := []struct {
		action, requestMembers, wantBody string
		wantTrailers                     *[][2]string
		wantTrace                        []string
	}{
		{"buffer", `"chunks":["ab","cd","ef"]`, "ABCDEF", nil,
			[]string{"decodeHeaders=StopAndBuffer", "decodeData(end)=Continue"}},
		{"chunks", `"chunks":["a","b","c"]`, "a!b!c!", nil,
			[]string{"decodeHeaders=Continue", "decodeData=Continue", "decodeData=Continue", "decodeData(end)=Continue"}},
		{"nobuffer", `"chunks":["a","b","c"]`, "c", nil,
			[]string{"decodeHeaders=Continue", "decodeData=StopNoBuffer", "decodeData=StopNoBuffer", "decodeData(end)=Continue"}},
		{"watermark", `"chunks":["abc","def"]`, "<bc><ef>", nil,
			[]string{"decodeHeaders=StopAndBufferWatermark", "decodeData=Continue", "decodeData(end)=Continue"}},
		{"buffer-trailers", `"chunks":["ab","cd"],"trailers":[["x-t","1"],["x-drop","z"]]`, "ABCD",
			&[][2]string{{"x-t", "1"}, {"x-trailer-seen", "yes"}},
			[]string{"decodeHeaders=StopAndBuffer", "decodeData=Continue", "decodeTrailers=Continue"}},
	}
	for _, c := range cases {
		t.Run(c.action, func(t *testing.T) {
			a := h.roundTrip(requestLine(c.action, "POST", "/", action(c.action), c.requestMembers, `"upstream":{"echo":true}`))
			if bodyOf(a.Upstream) != c.wantBody || bodyOf(&a.Response.wireMessage) != c.wantBody {
				t.Fatalf("bodies: upstream %q, response %q, want %q", bodyOf(a.Upstream), bodyOf(&a.Response.wireMessage), c.wantBody)
			}
			if !reflect.DeepEqual(a.Upstream.Trailers, c.wantTrailers) {
				t.Fatalf("upstream trailers %v, want %v", a.Upstream.Trailers, c.wantTrailers)
			}
			if got := traceOf(a)[:len(c.wantTrace)]; !reflect.DeepEqual(got, c.wantTrace) {
				t.Fatalf("trace %v\nwant prefix %v", traceOf(a), c.wantTrace)
			}
		})
	}
}

func TestTrailersBothWays(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	a := h.roundTrip(requestLine("tr", "POST", "/", nil, `"body":"x","trailers":[["x-t","1"],["x-drop","z"]]`,
		`"upstream":{"status":200,"chunks":["1","2"],"trailers":[["grpc-status","0"]]}`))
	if want := [][2]string{{"x-t", "1"}, {"x-trailer-seen", "yes"}}; a.Upstream.Trailers == nil || !reflect.DeepEqual(*a.Upstream.Trailers, want) {
		t.Fatalf("upstream trailers: %s", a.raw)
	}
	if want := [][2]string{{"grpc-status", "0"}, {"x-enc-trailer", "1"}}; a.Response.Trailers == nil || !reflect.DeepEqual(*a.Response.Trailers, want) {
		t.Fatalf("response trailers: %s", a.raw)
	}
	if bodyOf(&a.Response.wireMessage) != "12" {
		t.Fatalf("response body: %s", a.raw)
	}
	want := []string{"decodeHeaders=Continue", "decodeData=Continue", "decodeTrailers=Continue",
		"encodeHeaders=Continue", "encodeData=Continue", "encodeData=Continue", "encodeTrailers=Continue",
		"onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant  %v", got, want)
	}
	if got := messagesAt(a, "info"); got[len(got)-1] != "onLog POST status=200 reqTrailers=true respTrailers=true" {
		t.Fatalf("onLog saw: %v", got)
	}
}

func TestLocalRepliesLaterInTheStream(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)

	enc := h.roundTrip(requestLine("er", "GET", "/", action("encode-reply"), "", `"upstream":{"body":"hidden"}`))
	if enc.Response == nil || enc.Response.Status != 502 || bodyOf(&enc.Response.wireMessage) != "bad upstream" ||
		!reflect.DeepEqual(enc.Response.Headers, [][2]string{{"content-length", "12"}, {"content-type", "text/plain"}}) {
		t.Fatalf("encodeHeaders reply: %s", enc.raw)
	}
	if want := []string{"decodeHeaders(end)=Continue", "encodeHeaders=LocalReply", "onStreamComplete", "onLog", "onDestroy(Terminate)"}; !reflect.DeepEqual(traceOf(enc), want) {
		t.Fatalf("trace %v\nwant  %v", traceOf(enc), want)
	}

	late := h.roundTrip(requestLine("edr", "GET", "/", action("encode-data-reply"), "", `"upstream":{"body":"hidden"}`))
	if late.Reset == nil || *late.Reset != "local" || late.Response != nil {
		t.Fatalf("a reply after the response headers went out resets the stream: %s", late.raw)
	}
	if late.LocalReply == nil || late.LocalReply.Body != "too late" {
		t.Fatalf("localReply: %s", late.raw)
	}

	data := h.roundTrip(requestLine("dr", "POST", "/", action("data-reply"), `"chunks":["x","y"]`, `"upstream":{"echo":true}`))
	if data.Response == nil || data.Response.Status != 400 || bodyOf(&data.Response.wireMessage) != "bad body x" {
		t.Fatalf("decodeData reply: %s", data.raw)
	}
	if want := []string{"decodeHeaders=Continue", "decodeData=LocalReply", "encodeHeaders=Continue", "encodeData(end)=Continue", "onStreamComplete", "onLog", "onDestroy(Normal)"}; !reflect.DeepEqual(traceOf(data), want) {
		t.Fatalf("trace %v\nwant  %v", traceOf(data), want)
	}
	if data.Upstream == nil || bodyOf(data.Upstream) != "" {
		t.Fatalf("the upstream got headers only: %s", data.raw)
	}
}

func TestRunningWithoutContinueEndsInTheStreamIdleTimeout(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	a := h.roundTrip(requestLine("run", "GET", "/", action("running"), "", `"idleTimeoutMs":100`))
	if a.Response == nil || a.Response.Status != 504 || bodyOf(&a.Response.wireMessage) != "stream timeout" || a.LocalReply != nil {
		t.Fatalf("answer: %s", a.raw)
	}
	want := []string{"decodeHeaders(end)=Running", "encodeHeaders=Continue", "encodeData(end)=Continue", "onStreamComplete", "onLog", "onDestroy(Terminate)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant  %v", got, want)
	}
}

func TestClientReset(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	a := h.roundTrip(requestLine("rs", "POST", "/", nil, `"body":"x"`, `"reset":{"after":"decodeHeaders"}`))
	if a.Reset == nil || *a.Reset != "client" || a.Response != nil {
		t.Fatalf("answer: %s", a.raw)
	}
	if want := []string{"decodeHeaders=Continue", "onStreamComplete", "onLog", "onDestroy(Normal)"}; !reflect.DeepEqual(traceOf(a), want) {
		t.Fatalf("trace %v\nwant  %v", traceOf(a), want)
	}
	if a.Upstream == nil || bodyOf(a.Upstream) != "" {
		t.Fatalf("upstream: %s", a.raw)
	}
	// A hook that returned Running: the reset comes right after its entry, while Go still
	// holds the stream; the host waits (up to idleTimeoutMs) for a Continue that never comes.
	busy := h.roundTrip(requestLine("rs2", "POST", "/", action("running"), `"body":"x"`, `"reset":{"after":"decodeHeaders"},"idleTimeoutMs":50`))
	if want := []string{"decodeHeaders=Running", "onStreamComplete", "onLog", "onDestroy(Terminate)"}; !reflect.DeepEqual(traceOf(busy), want) {
		t.Fatalf("trace %v\nwant  %v", traceOf(busy), want)
	}
	if busy.Reset == nil || *busy.Reset != "client" || busy.Response != nil {
		t.Fatalf("answer: %s", busy.raw)
	}
}

func TestLogEntryIsReadOnlyAndCannotReply(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	for name, want := range map[string]string{
		"reply-in-log": `panic in plugin "test-filter" onLog: sendLocalReply called outside a request or response hook`,
		"write-in-log": `panic in plugin "test-filter" onLog: request headers of a log entry are read-only here`,
	} {
		a := h.roundTrip(requestLine(name, "GET", "/", action(name), "", ""))
		if got := messagesAt(a, "error"); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%s: error log %q, want %q", name, got, want)
		}
		if a.Response == nil || a.Response.Status != 200 {
			t.Errorf("%s: the response was disturbed: %s", name, a.raw)
		}
	}
}

func TestPluginWithoutHooksPassesEverything(t *testing.T) {
	h := startHost(t)
	h.config("passthrough", `{}`)
	a := h.roundTrip(requestLine("p", "POST", "/p", [][2]string{{"content-type", "a/b"}}, `"bodyBase64":"/w==","trailers":[["t","1"]]`, `"upstream":{"echo":true}`))
	if a.Upstream == nil || a.Upstream.BodyBase64 == nil || *a.Upstream.BodyBase64 != "/w==" {
		t.Fatalf("a non-UTF-8 body travels as bodyBase64: %s", a.raw)
	}
	if a.Response.BodyBase64 == nil || *a.Response.BodyBase64 != "/w==" || !reflect.DeepEqual(a.Response.Headers, [][2]string{{"content-type", "a/b"}}) {
		t.Fatalf("response: %s", a.raw)
	}
	want := []string{"decodeHeaders=Continue", "decodeData=Continue", "decodeTrailers=Continue",
		"encodeHeaders=Continue", "encodeData=Continue", "encodeTrailers=Continue", "onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(a); !reflect.DeepEqual(got, want) {
		t.Fatalf("trace %v\nwant  %v", got, want)
	}
	if len(a.Logs) != 0 {
		t.Fatalf("logs: %v", a.Logs)
	}
}

func TestMoreHeadersThanTheStackSlice(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"p1"}`)
	var extra [][2]string
	for i := range 20 {
		extra = append(extra, [2]string{"h" + string(rune('a'+i)), "v"})
	}
	a := h.roundTrip(requestLine("many", "GET", "/", append(action("count"), extra...), "", ""))
	if got := messagesAt(a, "info"); len(got) < 2 || got[1] != "headers=25 keys=25" {
		t.Fatalf("logs: %v", got)
	}
	if n := len(a.Upstream.Headers); n != 27 { // 25 + x-prefix + x-seen
		t.Fatalf("upstream got %d headers: %v", n, a.Upstream.Headers)
	}
}

func TestSeededRandomIsSplitMix64(t *testing.T) {
	want := [][2]string{{"x-random", "6457827717110365317"}, {"x-random", "3203168211198807973"}}
	for range 2 {
		h := startHost(t, "--seed", "1234567")
		if a := h.roundTrip(`{"op":"config","plugin":"test-filter","config":{"prefix":"s"},"seed":1234567}`); !a.OK {
			t.Fatalf("config: %s", a.raw)
		}
		a := h.roundTrip(requestLine("rnd", "GET", "/", action("random"), "", ""))
		var got [][2]string
		for _, hd := range a.Upstream.Headers {
			if hd[0] == "x-random" {
				got = append(got, hd)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("x-random %v, want %v", got, want)
		}
		if a := h.roundTrip(`{"op":"config","plugin":"test-filter","config":{"prefix":"s"},"seed":5}`); a.Op != "error" ||
			!strings.Contains(a.Error, "--seed") {
			t.Fatalf("a different seed must be refused: %s", a.raw)
		}
	}
}

func TestEnvoysLogLevelFiltersPluginLogs(t *testing.T) {
	h := startHost(t)
	if a := h.roundTrip(`{"op":"config","plugin":"test-filter","config":{"prefix":"q"},"logLevel":"warn"}`); !a.OK {
		t.Fatalf("config: %s", a.raw)
	}
	quiet := h.roundTrip(requestLine("q1", "GET", "/", nil, "", ""))
	if len(quiet.Logs) != 0 {
		t.Fatalf("info and debug lines passed a warn level: %v", quiet.Logs)
	}
	loud := h.roundTrip(requestLine("q2", "GET", "/", action("panic"), "", ""))
	if !reflect.DeepEqual(loud.Logs, []wireLog{{"error", `panic in plugin "test-filter" decodeHeaders: Error: boom`}}) {
		t.Fatalf("logs: %v", loud.Logs)
	}
}

func TestConfigErrors(t *testing.T) {
	h := startHost(t)
	cases := []struct{ line, want string }{
		{`{"op":"config","plugin":"test-filter","config":{"prefix":7}}`, `invalid config for plugin "test-filter": $.prefix: expected string, got number`},
		{`{"op":"config","plugin":"test-filter","config":{}}`, `invalid config for plugin "test-filter": $.prefix: missing required field`},
		{`{"op":"config","plugin":"test-filter","config":{"prefix":"a","zzz":1}}`, `invalid config for plugin "test-filter": $.zzz: unknown field`},
		{`{"op":"config","plugin":"test-filter","encoding":"string_value","config":"{\"prefix\":"}`, `invalid config for plugin "test-filter": $: invalid JSON: unexpected EOF`},
		{`{"op":"config","plugin":"decoder-panics"}`, `invalid config for plugin "decoder-panics": panic in decodeConfig: kaput`},
		{`{"op":"config","plugin":"nope"}`, `unknown plugin "nope": this library registers "async-filter", "capi-filter", "consumer-filter", "consumer-filter-async", "create-panics", "decoder-panics", "metrics-filter", "mosn-ts-consumers", "passthrough", "shared-state", "test-filter"`},
	}
	for _, c := range cases {
		a := h.roundTrip(c.line)
		if a.Op != "config" || a.OK || a.Error != c.want {
			t.Errorf("%s\n got %s\nwant error %q", c.line, a.raw, c.want)
		}
		if !reflect.DeepEqual(a.Logs, []wireLog{{"error", c.want}}) {
			t.Errorf("logs %v", a.Logs)
		}
	}
	a := h.roundTrip(`{"op":"config","plugin":"test-filter","encoding":"string_value","config":{"prefix":"sv"}}`)
	if !a.OK || a.ConfigID != 1 {
		t.Fatalf("string_value config: %s", a.raw)
	}
	r := h.roundTrip(requestLine("sv", "GET", "/", nil, "", ""))
	if r.Upstream == nil || !reflect.DeepEqual(r.Upstream.Headers[4], [2]string{"x-prefix", "sv"}) {
		t.Fatalf("request with the string_value config: %s", r.raw)
	}
	// Rejected configs were handed back at once, the accepted one at exit.
	if e := h.exit(); !e.OK || e.Unfinalized == nil || e.Unfinalized.Configs != 0 || e.Unfinalized.Requests != 0 {
		t.Fatalf("exit: %s", e.raw)
	}
}

func TestExitFinalizesEveryRequestAndConfig(t *testing.T) {
	h := startHost(t)
	h.config("test-filter", `{"prefix":"a"}`)
	h.config("passthrough", `{}`)
	for i := range 30 {
		id := "r" + string(rune('A'+i))
		h.roundTrip(requestLine(id, "POST", "/", nil, `"body":"x"`, `"upstream":{"echo":true}`))
	}
	e := h.exit()
	if !e.OK || e.Unfinalized == nil || e.Unfinalized.Requests != 0 || e.Unfinalized.Configs != 0 {
		t.Fatalf("exit: %s", e.raw)
	}
}

func TestProtocolErrors(t *testing.T) {
	h := startHost(t)
	cases := []struct{ line, want string }{
		{`not json`, "malformed JSON: invalid literal at offset 0"},
		{`{"op":"bogus","id":"b"}`, `unknown op "bogus"`},
		{`{"op":"request","id":"n"}`, "request: no accepted config yet; send a config op first"},
		{`{"op":"config","plugin":"test-filter","config":[1]}`, "config: with the typed_struct encoding, config must be an object"},
	}
	for _, c := range cases {
		if a := h.roundTrip(c.line); a.Op != "error" || a.Error != c.want {
			t.Errorf("%s: %s, want error %q", c.line, a.raw, c.want)
		}
	}
}
