//go:build mosnts_stress

package main

// stress-filter is driven by golangfilter's threaded stress test (built with
// -tags mosnts_stress, so the ordinary test library registers exactly the plugins the
// other tests list). One stream touches headers, bodies, dynamic metadata, filter state,
// logs, metrics and local replies; the config {"async":true} runs the request hooks and
// encodeHeaders asynchronously. Everything it writes is derived from the request, so
// every stream of one template must give the same answer, whichever worker runs it.

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"syscall"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

func init() {
	api.Register(&api.Plugin{Name: "stress-filter", DecodeConfig: decodeStressConfig,
		Configure: configureStress, NewFilter: newStressFilter})
}

// stressWorkers is how many worker counters the config defines (stress_worker_<id>);
// streams of higher workers count in stress_worker_other.
const stressWorkers = 8

type stressConfig struct {
	async     bool
	requests  api.Counter
	destroyed api.Counter
	workers   [stressWorkers]api.Counter
	other     api.Counter
	// threads counts the distinct (worker, OS thread) pairs seen; mismatches the entries
	// from a thread another worker used, or from a second thread of one worker.
	threads    api.Counter
	mismatches api.Counter
}

// Which OS thread each worker id entered Go from, and the reverse (Envoy runs a stream's
// synchronous calls on its worker's own thread; the per-worker request tables rely on it).
var (
	workerThreads sync.Map // worker id -> thread id
	threadWorkers sync.Map // thread id -> worker id
)

func decodeStressConfig(text []byte) (any, error) {
	var raw struct {
		Async bool `json:"async"`
	}
	if err := json.Unmarshal(text, &raw); err != nil {
		return nil, fmt.Errorf("$: %v", err)
	}
	return &stressConfig{async: raw.Async}, nil
}

func configureStress(value any, env api.ConfigEnv) (any, error) {
	c := value.(*stressConfig)
	c.requests = env.Counter("stress_requests")
	c.destroyed = env.Counter("stress_destroyed")
	for i := range c.workers {
		c.workers[i] = env.Counter(fmt.Sprintf("stress_worker_%d", i))
	}
	c.other = env.Counter("stress_worker_other")
	c.threads = env.Counter("stress_threads")
	c.mismatches = env.Counter("stress_thread_mismatches")
	return c, nil
}

type stressFilter struct {
	ctx    api.Context
	cfg    *stressConfig
	action string
	n      string
}

// stressAsyncFilter is the same filter with async request hooks and encodeHeaders.
type stressAsyncFilter struct{ *stressFilter }

func (stressAsyncFilter) AsyncHooks() api.Hooks {
	return api.HookDecodeHeaders | api.HookDecodeData | api.HookEncodeHeaders
}

func newStressFilter(ctx api.Context, cfg any) any {
	f := &stressFilter{ctx: ctx, cfg: cfg.(*stressConfig)}
	if f.cfg.async {
		return stressAsyncFilter{f}
	}
	return f
}

func (f *stressFilter) logf(level api.LogLevel, format string, args ...any) {
	f.ctx.Log(level, fmt.Sprintf(format, args...))
}

// pause is an await point of the async variant (api.Sleep releases the filter lock).
func (f *stressFilter) pause() {
	if f.cfg.async && strings.HasSuffix(f.action, "-sleep") {
		api.Sleep(1)
	}
}

func (f *stressFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.Status {
	f.action, _ = h.Get("x-stress")
	f.n, _ = h.Get("x-n")
	if strings.HasSuffix(f.action, "-canary") {
		plantBug(f.action)
	}
	f.cfg.requests.Increment(1)
	if w := f.ctx.StreamInfo().WorkerID(); w >= 0 && w < stressWorkers {
		f.cfg.workers[w].Increment(1)
	} else {
		f.cfg.other.Increment(1)
	}
	f.pause()
	in, _ := f.ctx.Metadata().GetString("in", "k")
	state, _ := f.ctx.FilterState().Get("in")
	route := f.ctx.StreamInfo().RouteName()
	f.logf(api.LogInfo, "decodeHeaders n=%s in=%s state=%s route=%s end=%v", f.n, in, state, route, endStream)
	f.ctx.Metadata().SetString("stress", "n", f.n)
	f.ctx.Metadata().SetString("stress", "in", in)
	f.ctx.FilterState().Set("stress", "seen-"+f.n+"-"+state, api.DefaultFilterStateOptions)
	h.Set("x-stress-n", f.n)
	h.Add("x-stress-seen", h.Method()+" "+h.Path())
	h.Remove("x-drop")
	f.pause()
	switch f.action {
	case "reply", "reply-sleep":
		return f.ctx.SendLocalReply(403, "denied "+f.n, []api.Header{{Name: "x-deny", Value: f.n}}, "stress_denied")
	case "panic":
		panic(fmt.Errorf("Error: stress panic %s", f.n))
	case "buffer", "buffer-sleep":
		if !endStream {
			return api.StopAndBuffer
		}
	}
	return api.Continue
}

func (f *stressFilter) DecodeData(b api.BodyBuffer, endStream bool) api.Status {
	f.pause()
	switch f.action {
	case "data-reply":
		if endStream {
			return f.ctx.SendLocalReply(400, "bad body "+b.String(), nil, "stress_bad_body")
		}
	case "buffer", "buffer-sleep":
		b.SetString(strings.ToUpper(b.String()) + "/" + f.n)
	default:
		b.AppendString(".")
	}
	return api.Continue
}

func (f *stressFilter) DecodeTrailers(t api.HeaderMap) api.Status {
	t.Set("x-stress-trailer", f.n)
	return api.Continue
}

func (f *stressFilter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.Status {
	f.pause()
	h.Set("x-stress-resp", fmt.Sprintf("%s/%d", f.n, h.Status()))
	n, _ := f.ctx.Metadata().GetString("stress", "n")
	h.Add("x-stress-md", n)
	return api.Continue
}

func (f *stressFilter) EncodeData(b api.BodyBuffer, endStream bool) api.Status {
	b.PrependString("<")
	if endStream {
		b.AppendString(">")
	}
	return api.Continue
}

func (f *stressFilter) OnLog(e *api.LogEntry) {
	method, _ := e.RequestHeaders.Get(":method")
	status := "none"
	if e.ResponseHeaders != nil {
		status, _ = e.ResponseHeaders.Get(":status")
	}
	f.logf(api.LogInfo, "onLog n=%s %s %s", f.n, method, status)
}

// OnStreamComplete runs on the worker's thread for both variants: it checks the thread.
func (f *stressFilter) OnStreamComplete() {
	f.logf(api.LogDebug, "onStreamComplete n=%s", f.n)
	worker, tid := f.ctx.StreamInfo().WorkerID(), syscall.Gettid()
	prevThread, seen := workerThreads.LoadOrStore(worker, tid)
	prevWorker, _ := threadWorkers.LoadOrStore(tid, worker)
	if !seen {
		f.cfg.threads.Increment(1)
	}
	if prevThread != tid || prevWorker != worker {
		f.cfg.mismatches.Increment(1)
	}
}

func (f *stressFilter) OnDestroy(reason api.DestroyReason) {
	f.cfg.destroyed.Increment(1)
	f.logf(api.LogDebug, "onDestroy n=%s reason=%d", f.n, reason)
}
