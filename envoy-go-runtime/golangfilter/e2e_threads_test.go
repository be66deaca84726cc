package golangfilter

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Several worker threads: the host's request ops run on the worker their workerId names,
// and load ops run streams on several workers at once, so the per-worker request tables,
// the filter lock and the C API are used from many threads (docs/host-protocol.md, "load").

// loadAnswer is the answer to a load op.
type loadAnswer struct {
	Op        string         `json:"op"`
	Error     string         `json:"error"`
	Workers   int            `json:"workers"`
	Requests  int            `json:"requests"`
	Responses map[string]int `json:"responses"`
	Resets    struct {
		Client int `json:"client"`
		Local  int `json:"local"`
	} `json:"resets"`
	LocalReplies int `json:"localReplies"`
	Results      []struct {
		Template int            `json:"template"`
		Count    int            `json:"count"`
		Result   map[string]any `json:"result"`
	} `json:"results"`
	MoreResults  int            `json:"moreResults"`
	LogCounts    map[string]int `json:"logCounts"`
	ErrorLogs    []string       `json:"errorLogs"`
	Metrics      *wireMetrics   `json:"metrics"`
	HostErrors   []string       `json:"hostErrors"`
	ElapsedMs    int64          `json:"elapsedMs"`
	NsPerRequest int64          `json:"nsPerRequest"`
}

// load sends a load op and waits up to limit for its answer (a load may run for long).
func (s *hostSession) load(line string, limit time.Duration) loadAnswer {
	s.t.Helper()
	text := s.exchange(line, limit)
	var a loadAnswer
	if err := json.Unmarshal([]byte(text), &a); err != nil {
		s.t.Fatalf("answer is not JSON: %v\n%.2000s", err, text)
	}
	if a.Op != "load" {
		s.t.Fatalf("the load failed: %.2000s", text)
	}
	return a
}

// streamTemplate is one entry of a load's mix: a request op's members, as JSON text.
type streamTemplate struct {
	name    string
	members string
}

func mixLine(id string, workers, perWorker int, mix []streamTemplate) string {
	entries := make([]string, len(mix))
	for i, m := range mix {
		entries[i] = "{" + m.members + "}"
	}
	return fmt.Sprintf(`{"op":"load","id":%q,"workers":%d,"requestsPerWorker":%d,"timing":true,"mix":[%s]}`,
		id, workers, perWorker, strings.Join(entries, ","))
}

// referenceAnswers runs every template once as a request op on worker 0.
func referenceAnswers(s *hostSession, mix []streamTemplate) []answer {
	s.t.Helper()
	refs := make([]answer, len(mix))
	for i, m := range mix {
		refs[i] = s.roundTrip(fmt.Sprintf(`{"op":"request","id":%q,%s}`, m.name, m.members))
	}
	return refs
}

// resultMembers is what a load groups streams by: the request answer without the members
// that belong to the op rather than the stream.
func resultMembers(t *testing.T, a answer) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(a.raw), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"op", "id", "logs", "metrics", "hostErrors", "calls"} {
		delete(m, k)
	}
	return m
}

// checkLoadAgainst checks a load answer against the answers the templates got one by one:
// every stream of a template answered the same, the summary counts add up, and every
// stream logged what its reference logged.
func checkLoadAgainst(t *testing.T, a loadAnswer, refs []answer, mix []streamTemplate, workers, perWorker int) {
	t.Helper()
	total := workers * perWorker
	if a.Workers != workers || a.Requests != total {
		t.Errorf("workers %d requests %d, want %d and %d", a.Workers, a.Requests, workers, total)
	}
	if len(a.HostErrors) > 0 {
		t.Errorf("host errors: %q", a.HostErrors)
	}
	if a.MoreResults != 0 {
		t.Errorf("%d streams had results beyond the ones listed", a.MoreResults)
	}
	countOf := func(k int) int { // streams of template k: request j uses template j mod n
		per := perWorker / len(mix)
		if k < perWorker%len(mix) {
			per++
		}
		return per * workers
	}
	byTemplate := map[int]int{}
	for _, g := range a.Results {
		byTemplate[g.Template]++
		want := resultMembers(t, refs[g.Template])
		if !reflect.DeepEqual(g.Result, want) {
			got, _ := json.Marshal(g.Result)
			exp, _ := json.Marshal(want)
			t.Errorf("template %s: %d streams answered\n%s\nwant (as a request op)\n%s", mix[g.Template].name, g.Count, got, exp)
		} else if g.Count != countOf(g.Template) {
			t.Errorf("template %s: %d streams, want %d", mix[g.Template].name, g.Count, countOf(g.Template))
		}
	}
	for k := range mix {
		if byTemplate[k] != 1 {
			t.Errorf("template %s: %d distinct results, want 1", mix[k].name, byTemplate[k])
		}
	}
	wantResponses := map[string]int{}
	wantClient, wantLocal, wantReplies := 0, 0, 0
	wantLogs := map[string]int{}
	errorLines := map[string]bool{}
	for k, r := range refs {
		n := countOf(k)
		switch {
		case r.Reset != nil && *r.Reset == "client":
			wantClient += n
		case r.Reset != nil:
			wantLocal += n
		case r.Response != nil:
			wantResponses[strconv.Itoa(r.Response.Status)] += n
		}
		if r.LocalReply != nil {
			wantReplies += n
		}
		for _, l := range r.Logs {
			wantLogs[l.Level] += n
			if l.Level == "error" || l.Level == "critical" {
				errorLines[l.Message] = true
			}
		}
	}
	if !reflect.DeepEqual(a.Responses, wantResponses) || a.Resets.Client != wantClient || a.Resets.Local != wantLocal ||
		a.LocalReplies != wantReplies {
		t.Errorf("responses %v resets %+v localReplies %d\nwant %v client %d local %d localReplies %d",
			a.Responses, a.Resets, a.LocalReplies, wantResponses, wantClient, wantLocal, wantReplies)
	}
	for _, level := range []string{"trace", "debug", "info", "warn", "error", "critical"} {
		if a.LogCounts[level] != wantLogs[level] {
			t.Errorf("%s log lines: %d, want %d", level, a.LogCounts[level], wantLogs[level])
		}
	}
	for _, e := range a.ErrorLogs {
		if !errorLines[e] {
			t.Errorf("unexpected error log line %q", e)
		}
	}
}

// threadsMix runs the ordinary test library's plugins: synchronous hooks with bodies,
// trailers, local replies and panics; async hooks with yielding getters and posted
// writes; the Context's C API.
func threadsMix() []streamTemplate {
	get := func(action string) string {
		return fmt.Sprintf(`"request":{"headers":[[":method","GET"],[":path","/t"],[":authority","h"],["x-action",%q]]}`, action)
	}
	return []streamTemplate{
		{"body", `"configId":1,"request":{"headers":[[":method","POST"],[":path","/b"],[":authority","h"],["x-remove-me","x"]],"chunks":["ab","cd"],"trailers":[["x-drop","1"]]},"upstream":{"echo":true}`},
		{"buffer", `"configId":1,"request":{"headers":[[":method","POST"],[":path","/b"],[":authority","h"],["x-action","buffer"]],"body":"hello"},"upstream":{"body":"ok","trailers":[["t","1"]]}`},
		{"reply", `"configId":1,` + get("reply")},
		{"panic", `"configId":1,` + get("panic")},
		{"async-getters", `"configId":2,` + get("getters") + `,"metadata":{"in":{"s":"str"}},"filterState":{"in":"fsv"},"properties":{"request.path":"/pp"}`},
		{"async-setters", `"configId":2,` + get("setters") + `,"upstream":{"echo":true}`},
		{"async-reply", `"configId":2,` + get("reply")},
		{"capi", `"configId":3,` + get("metadata") + `,"metadata":{"in":{"s":"v","n":1,"b":true}}`},
		{"reset", `"configId":1,"reset":{"after":"decodeData"},"request":{"headers":[[":method","POST"],[":path","/r"],[":authority","h"]],"chunks":["a","b"]}`},
		{"delayed", `"configId":3,` + get("stream-info") + `,"upstream":{"status":201,"body":"late","delay":1}`},
	}
}

func TestALoadRunsStreamsOnSeveralWorkersAtOnce(t *testing.T) {
	h := startHost(t, "--concurrency", "4")
	h.config("test-filter", `{"prefix":"p"}`)
	h.config("async-filter", `{}`)
	h.config("capi-filter", `{}`)
	mix := threadsMix()
	refs := referenceAnswers(h, mix)
	const workers, perWorker = 4, 150
	a := h.load(mixLine("threads", workers, perWorker, mix), 2*time.Minute)
	checkLoadAgainst(t, a, refs, mix, workers, perWorker)
	t.Logf("%d requests on %d workers in %d ms (%d ns each)", a.Requests, a.Workers, a.ElapsedMs, a.NsPerRequest)
	// Every request and config object went back to the host once Go was done with it.
	if e := h.exit(); !e.OK || e.Unfinalized == nil || e.Unfinalized.Requests != 0 || e.Unfinalized.Configs != 0 {
		t.Fatalf("exit: %s", e.raw)
	}
}

func TestRequestOpsRunOnTheWorkerTheyName(t *testing.T) {
	h := startHost(t, "--concurrency", "3")
	h.config("capi-filter", `{}`)
	for _, w := range []int{2, 0, 1, 2} {
		a := h.roundTrip(get("w", "stream-info", "", fmt.Sprintf(`"streamInfo":{"workerId":%d}`, w)))
		if got := messagesAt(a, "info")[0]; !strings.HasSuffix(got, fmt.Sprintf(" worker=%d", w)) {
			t.Fatalf("worker %d: %q", w, got)
		}
	}
	// A load after them reuses the same threads; the per-worker tables still agree.
	a := h.load(`{"op":"load","id":"l","requestsPerWorker":20,"request":{"headers":[[":method","GET"],[":path","/"],[":authority","h"]]}}`, time.Minute)
	if a.Workers != 3 || a.Responses["200"] != 60 || len(a.Results) != 1 {
		t.Fatalf("load: %+v", a)
	}
	if e := h.exit(); !e.OK {
		t.Fatalf("exit: %s", e.raw)
	}
}

func TestUpstreamDelay(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	line := func(upstream string) string {
		return requestLine("d", "POST", "/", nil, `"body":"x"`, `"upstream":`+upstream+`,"idleTimeoutMs":500`)
	}
	plain := h.roundTrip(line(`{"body":"late","trailers":[["t","1"]]}`))
	start := time.Now()
	delayed := h.roundTrip(line(`{"body":"late","trailers":[["t","1"]],"delay":120}`))
	if elapsed := time.Since(start); elapsed < 120*time.Millisecond {
		t.Fatalf("a 120 ms delay answered after %v", elapsed)
	}
	if !reflect.DeepEqual(resultMembers(t, plain), resultMembers(t, delayed)) || !reflect.DeepEqual(plain.Logs, delayed.Logs) {
		t.Fatalf("the delay changed the answer:\n%s\n%s", plain.raw, delayed.raw)
	}
	// The wait counts as idle time: a delay past the idle timeout ends in Envoy's 504.
	timedOut := h.roundTrip(line(`{"body":"never","delay":2000}`))
	if timedOut.Response == nil || timedOut.Response.Status != 504 || bodyOf(&timedOut.Response.wireMessage) != "stream timeout" {
		t.Fatalf("delay beyond the idle timeout: %s", timedOut.raw)
	}
	bad := h.roundTrip(line(`{"delay":1.5}`))
	if bad.Op != "error" || bad.Error != "request: upstream.delay must be an integer number of milliseconds in 0..600000" {
		t.Fatalf("bad delay: %s", bad.raw)
	}
}
