package golangfilter

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The Context's C API from synchronous hooks, through the mock host (testdata/plugin's
// capi-filter, driven by x-action).

func TestStreamInfoFollowsTheStream(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	a := h.roundTrip(get("si", "stream-info", "",
		`"streamInfo":{"routeName":"r1","filterChainName":"fc","protocol":"HTTP/2","virtualClusterName":"vc","downstreamRemoteAddress":"10.0.0.9:1234"},`+
			`"upstream":{"status":201}`))
	common := "route=r1 chain=fc protocol=HTTP/2 "
	want := []string{
		// Before the router: no upstream, no attempt, no response.
		"decode " + common + "code=- details=- attempts=0 local=127.0.0.1:10000 remote=10.0.0.9:1234 upLocal=- upRemote=- cluster=upstream vcluster=- worker=0",
		// The router recorded the upstream's status before the encode filters ran.
		"encode " + common + "code=201 details=via_upstream attempts=1 local=127.0.0.1:10000 remote=10.0.0.9:1234 upLocal=127.0.0.1:50001 upRemote=127.0.0.1:8080 cluster=upstream vcluster=vc worker=0",
		"log " + common + "code=201 details=via_upstream attempts=1 local=127.0.0.1:10000 remote=10.0.0.9:1234 upLocal=127.0.0.1:50001 upRemote=127.0.0.1:8080 cluster=upstream vcluster=vc worker=0",
	}
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, want) {
		t.Fatalf("logs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	none := h.roundTrip(get("none", "stream-info", "", `"streamInfo":{"protocol":null,"upstreamClusterName":null}`))
	if got := messagesAt(none, "info")[0]; !strings.Contains(got, "protocol=- ") || !strings.Contains(got, "cluster=- ") {
		t.Fatalf("null stream info values read as absent: %s", got)
	}
}

func TestTheWorkerIDIsTheOneEnvoyGaveTheRequest(t *testing.T) {
	h := startHost(t)
	if a := h.roundTrip(`{"op":"config","plugin":"capi-filter","concurrency":2}`); !a.OK {
		t.Fatalf("config: %s", a.raw)
	}
	a := h.roundTrip(get("w", "stream-info", "", `"streamInfo":{"workerId":1}`))
	if got := messagesAt(a, "info")[0]; !strings.HasSuffix(got, " worker=1") {
		t.Fatalf("log %q", got)
	}
	for line, want := range map[string]string{
		get("w2", "stream-info", "", `"streamInfo":{"workerId":2}`):                    "request: streamInfo.workerId must be an integer in 0..1",
		`{"op":"config","plugin":"capi-filter","concurrency":3}`:                       "config: this host announced concurrency 2; a config cannot change it to 3",
		get("p", "stream-info", "", `"streamInfo":{"protocol":"SPDY"}`):                "request: streamInfo.protocol must be one of HTTP/1.0, HTTP/1.1, HTTP/2, HTTP/3 or null",
		get("x", "stream-info", "", `"streamInfo":{"colour":"red"}`):                   "request: streamInfo.colour is not a stream info field",
		get("r", "stream-info", "", `"streamInfo":{"routeName":null}`):                 "request: streamInfo.routeName must be a string",
		get("a", "stream-info", "", `"streamInfo":{"attemptCount":0}`):                 "request: streamInfo.attemptCount must be an integer in 1..4294967295",
		get("pr", "property", "", `"properties":{"a":1}`):                              "request: properties must be an object of strings",
		get("m", "metadata", "", `"metadata":{"ns":[1]}`):                              "request: metadata must map each namespace to an object of JSON values",
		get("f", "filter-state", "", `"filterState":{"k":{"value":"v","lifeSpan":3}}`): `request: filterState["k"].lifeSpan must be 0, 1 or 2`,
		get("f2", "filter-state", "", `"filterState":{"k":7}`):                         `request: filterState["k"] must be a string or {value, lifeSpan?, streamSharing?}`,
	} {
		if a := h.roundTrip(line); a.Op != "error" || a.Error != want {
			t.Errorf("%s\n got %s\nwant error %q", line, a.raw, want)
		}
	}
}

func TestDynamicMetadata(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	a := h.roundTrip(get("md", "metadata", "", `"metadata":{"in":{"s":"str","n":1.50,"b":true}}`))
	want := []string{
		`metadata s="str"/true n=1.5/true b=true/true wrongKind=false missing=false`,
		`metadata read back "text"`,
		`log metadata "text"`,
	}
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, want) {
		t.Fatalf("logs %q\nwant %q", got, want)
	}
	// Setting a key replaces its value in the namespace; -0 is stored as 0.
	wantMD := map[string]map[string]any{
		"in":  {"s": "str", "n": 0.0, "b": true},
		"out": {"s": "text", "n": 2.5, "b": false},
	}
	if !reflect.DeepEqual(a.Metadata, wantMD) {
		t.Fatalf("metadata %v\nwant %v", a.Metadata, wantMD)
	}
	nan := h.roundTrip(get("nan", "metadata-nan", "", ""))
	if got := errorLogs(nan); !reflect.DeepEqual(got, []string{`panic in plugin "capi-filter" decodeHeaders: metadata.set: NaN is not a finite number`}) {
		t.Fatalf("logs %q", got)
	}
	if nan.Metadata != nil {
		t.Fatalf("metadata must be absent when empty: %s", nan.raw)
	}
}

func TestFilterState(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	a := h.roundTrip(get("fs", "filter-state", "", `"filterState":{"in":"v1","empty":{"value":"","lifeSpan":1}}`))
	want := []string{`filterState in="v1"/true empty=""/true missing=false`, `filterState read back "o"`}
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, want) {
		t.Fatalf("logs %q\nwant %q", got, want)
	}
	// "out" keeps its first life span: Envoy refuses a set at another one.
	wantFS := map[string]wireFilterState{
		"in":     {"v1", 0, 0},
		"empty":  {"", 1, 0},
		"out":    {"o", 1, 0},
		"shared": {"s", 2, 1},
	}
	if !reflect.DeepEqual(a.FilterState, wantFS) {
		t.Fatalf("filter state %v\nwant %v", a.FilterState, wantFS)
	}
	bad := h.roundTrip(get("bad", "filter-state-bad", "", ""))
	if got := errorLogs(bad); !reflect.DeepEqual(got, []string{`panic in plugin "capi-filter" decodeHeaders: filterState.set: invalid lifeSpan 7`}) {
		t.Fatalf("logs %q", got)
	}
}

func TestPropertiesAndSecrets(t *testing.T) {
	h := startHost(t)
	if a := h.roundTrip(`{"op":"config","plugin":"capi-filter","secrets":{"token":"s3cret","empty":""}}`); !a.OK {
		t.Fatalf("config: %s", a.raw)
	}
	cases := []struct{ action, arg, members, want string }{
		{"property", "request.path", `"properties":{"request.path":"/p"}`, `property request.path="/p"/true`},
		{"property", "xds.route_name", `"properties":{"request.path":"/p"}`, `property xds.route_name=""/false`},
		{"secret", "token", "", `secret token="s3cret"/true`},
		{"secret", "empty", "", `secret empty=""/true`},
		{"secret", "none", "", `secret none=""/false`},
		// A request's secrets replace the config's.
		{"secret", "token", `"secrets":{"other":"x"}`, `secret token=""/false`},
	}
	for _, c := range cases {
		a := h.roundTrip(get(c.action, c.action, c.arg, c.members))
		if got := messagesAt(a, "info"); !reflect.DeepEqual(got, []string{c.want}) {
			t.Errorf("%s %s %s: logs %q, want %q", c.action, c.arg, c.members, got, c.want)
		}
	}
}

func TestRouteCacheOverrideHostAndDraining(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	rc := h.roundTrip(get("rc", "route-cache", "", ""))
	if !reflect.DeepEqual(rc.RouteCache, []string{"clear", "refresh"}) || rc.Override != nil || rc.Drain {
		t.Fatalf("answer: %s", rc.raw)
	}
	// Http::Utility::parseAuthority: the text after the last colon is taken as a port when it
	// is one, so "::1" is the address ":" with port 1 (not an IP address), and "::ab" is an
	// IPv6 address.
	for host, ok := range map[string]bool{
		"10.1.2.3:80": true, "10.1.2.3": true, "[::1]:8443": true, "[::1]": true, "::ab": true,
		"::1": false, "example.com": false, "10.1.2.3:99999": false, "01.2.3.4": false, "": false,
	} {
		a := h.roundTrip(get("oh", "override-host", host, ""))
		if ok {
			if a.Override == nil || a.Override.Host != host || !a.Override.Strict || len(errorLogs(a)) != 0 {
				t.Errorf("%q: %s", host, a.raw)
			}
			continue
		}
		want := `panic in plugin "capi-filter" decodeHeaders: decoder.setUpstreamOverrideHost: invalid IP address (CAPIInvalidIPAddress)`
		if got := errorLogs(a); a.Override != nil || !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%q: logs %q, answer %s", host, got, a.raw)
		}
	}
	late := h.roundTrip(get("late", "override-in-encode", "", ""))
	want := `panic in plugin "capi-filter" encodeHeaders: decoder.setUpstreamOverrideHost: the stream is not being processed by this filter now (CAPINotInGo)`
	if got := errorLogs(late); !reflect.DeepEqual(got, []string{want}) {
		t.Fatalf("logs %q", got)
	}
	drain := h.roundTrip(get("d", "drain", "", ""))
	if !drain.Drain {
		t.Fatalf("answer: %s", drain.raw)
	}
}

func TestAddedAndInjectedData(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	// A body added to a headers-only request: the headers go on without end of stream.
	add := h.roundTrip(get("add", "add-body", "", `"upstream":{"echo":true}`))
	if bodyOf(add.Upstream) != "added" || bodyOf(&add.Response.wireMessage) != "added" {
		t.Fatalf("answer: %s", add.raw)
	}
	// In a trailers hook of a filter that let everything through, data goes on at once.
	tr := h.roundTrip(requestLine("tr", "POST", "/", action("add-in-trailers"), `"body":"x","trailers":[["t","1"]]`, `"upstream":{"echo":true}`))
	if bodyOf(tr.Upstream) != "x+tail" || tr.Upstream.Trailers == nil || !reflect.DeepEqual(*tr.Upstream.Trailers, [][2]string{{"t", "1"}}) {
		t.Fatalf("answer: %s", tr.raw)
	}
	resp := h.roundTrip(get("resp", "add-response-body", "", ""))
	if bodyOf(&resp.Response.wireMessage) != "from the filter" {
		t.Fatalf("answer: %s", resp.raw)
	}
	if want := []string{"decodeHeaders(end)=Continue", "encodeHeaders(end)=Continue", "onStreamComplete", "onLog", "onDestroy(Normal)"}; !reflect.DeepEqual(traceOf(resp), want) {
		t.Fatalf("trace %v, want %v", traceOf(resp), want)
	}
	for _, c := range []struct{ action, members, want string }{
		{"add-in-data", `"body":"b"`, `decodeData: decoder.addData: not available in this phase (CAPIInvalidPhase)`},
		{"inject-sync", "", `decodeHeaders: decoder.injectData: not available in this phase (CAPIInvalidPhase)`},
		{"inject-sync-data", `"body":"b"`, `decodeData: decoder.injectData: not allowed here (CAPIInvalidScene)`},
		{"encoder-too-early", "", `decodeHeaders: encoder.addData: the stream is not being processed by this filter now (CAPINotInGo)`},
	} {
		a := h.roundTrip(requestLine(c.action, "POST", "/", action(c.action), c.members, ""))
		want := `panic in plugin "capi-filter" ` + c.want
		if got := errorLogs(a); !reflect.DeepEqual(got, []string{want}) || a.Response == nil || a.Response.Status != 500 {
			t.Errorf("%s: logs %q, want %q; %s", c.action, got, want, a.raw)
		}
	}
}

func TestGrpcLocalReplyWithItsOwnStatus(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	a := h.roundTrip(requestLine("g", "POST", "/svc/M",
		action("grpc-reply", [2]string{"content-type", "application/grpc"}), "", ""))
	wantHeaders := [][2]string{{"content-type", "application/grpc"}, {"grpc-status", "8"}, {"grpc-message", "slow down"}}
	if a.Response == nil || a.Response.Status != 200 || !reflect.DeepEqual(a.Response.Headers, wantHeaders) {
		t.Fatalf("response: %s", a.raw)
	}
	if a.LocalReply == nil || a.LocalReply.Status != 429 || a.LocalReply.Details != "limited" {
		t.Fatalf("localReply: %s", a.raw)
	}
	bad := h.roundTrip(get("b", "grpc-reply-bad", "", ""))
	if got := errorLogs(bad); !reflect.DeepEqual(got, []string{`panic in plugin "capi-filter" decodeHeaders: sendLocalReply: grpcStatus 17 is not in 0..16`}) {
		t.Fatalf("logs %q", got)
	}
}

func TestLogLevelAndCallsOutsideTheStream(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	if got := messagesAt(h.roundTrip(get("l", "log-level", "", "")), "info"); !reflect.DeepEqual(got, []string{"level 0"}) {
		t.Fatalf("logs %q", got)
	}
	if got := messagesAt(h.roundTrip(get("l", "log-level", "", `"logLevel":"info"`)), "info"); !reflect.DeepEqual(got, []string{"level 2"}) {
		t.Fatalf("logs %q", got)
	}
	// In onDestroy no direction is processing in Go: Envoy refuses request-level calls.
	d := h.roundTrip(get("d", "api-in-destroy", "", `"logLevel":"trace"`))
	want := `panic in plugin "capi-filter" onDestroy: streamInfo.routeName: the stream is not being processed by this filter now (CAPINotInGo)`
	if got := errorLogs(d); !reflect.DeepEqual(got, []string{want}) {
		t.Fatalf("logs %q", got)
	}
}

// When a header hook's map is copied. A map of up to 16 entries is copied whole on its
// first read: one C call into memory the request already has (no allocation), after
// which every read is local; asking Envoy per key would cost a call, and a copy of the
// value, per read (measured in docs/benchmarks/runtime.md: a filter reading four headers
// made four GetHeader calls and four copies before its first write copied the map
// anyway). A larger map still answers single reads from Envoy, so that reading a header
// or two of a big map does not copy all of it.
func TestSmallMapsAreCopiedOnTheFirstReadLargeOnesAskPerHeader(t *testing.T) {
	h := startHost(t)
	h.config("capi-filter", `{}`)
	mapCalls := func(a answer) (copies int, keys []string) {
		for _, c := range a.Calls {
			switch c.Fn {
			case "envoyGoFilterHttpCopyHeaders":
				copies++
			case "envoyGoFilterHttpGetHeader":
				keys = append(keys, c.Args["key"].(string))
			}
		}
		return copies, keys
	}
	wantLog := []string{`has x-arg=true x-none=false get="v"`}

	small := h.roundTrip(get("small", "has", "v", `"recordCalls":true`))
	if got := messagesAt(small, "info"); !reflect.DeepEqual(got, wantLog) {
		t.Fatalf("small map: logs %q", got)
	}
	if copies, keys := mapCalls(small); copies != 1 || len(keys) != 0 {
		t.Fatalf("small map (6 headers): %d copies and GetHeader keys %v, want one copy and no GetHeader: %s", copies, keys, small.raw)
	}

	// A small map whose bytes do not fit the request's store is copied all the same,
	// into memory of its own.
	long := strings.Repeat("v", 3000)
	big := h.roundTrip(get("big", "has", long, `"recordCalls":true`))
	if got := messagesAt(big, "info"); !reflect.DeepEqual(got, []string{fmt.Sprintf("has x-arg=true x-none=false get=%q", long)}) {
		t.Fatalf("small map with a long value: logs %.200q", got)
	}
	if copies, keys := mapCalls(big); copies != 1 || len(keys) != 0 {
		t.Fatalf("small map with a long value: %d copies and GetHeader keys %v, want one copy", copies, keys)
	}

	// 4 pseudo-headers, x-action, x-arg and 11 more: 17 entries.
	headers := action("has", [2]string{"x-arg", "v"})
	for i := range 11 {
		headers = append(headers, [2]string{fmt.Sprintf("x-pad-%d", i), "p"})
	}
	large := h.roundTrip(requestLine("large", "GET", "/", headers, "", `"recordCalls":true`))
	if got := messagesAt(large, "info"); !reflect.DeepEqual(got, wantLog) {
		t.Fatalf("large map: logs %q", got)
	}
	copies, keys := mapCalls(large)
	if copies != 0 {
		t.Fatalf("the large map was copied: %s", large.raw)
	}
	if want := []string{"x-action", "x-arg", "X-Arg", "x-none"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("large map: GetHeader keys %v, want %v", keys, want)
	}
}
