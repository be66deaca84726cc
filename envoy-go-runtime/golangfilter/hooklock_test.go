package golangfilter

import (
	"sync"
	"testing"
	"time"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/js"
)

// Module state of the unit-shared-state plugin, kept the way compiled TypeScript keeps it:
// plain variables and a js.Map, touched by its config code and by hooks (this file's
// hookRun) with no locking of their own. Run with -race, the test below reports any two
// of them running at once.
var (
	unitSharedCount float64
	unitSharedRuns  = js.NewMap[string, float64]()
)

func unitSharedTouch(what string) {
	n, _ := unitSharedRuns.Get(what)
	unitSharedRuns.Set(what, n+1)
	unitSharedCount++
}

func init() {
	api.Register(&api.Plugin{
		Name: "unit-shared-state",
		DecodeConfig: func([]byte) (any, error) {
			unitSharedTouch("decodeConfig")
			return nil, nil
		},
		Configure: func(any, api.ConfigEnv) (any, error) {
			unitSharedTouch("configure")
			return nil, nil
		},
		NewFilter: func(api.Context, any) any { return struct{}{} },
	})
	api.Register(&api.Plugin{Name: "unit-concurrent", Concurrent: true,
		DecodeConfig: func([]byte) (any, error) { return nil, nil },
		NewFilter:    func(api.Context, any) any { return struct{}{} }})
}

// syncHook runs what a synchronous hook of req does to the module state, as the worker does.
func syncHook(req *request) {
	req.enterHook(hookDecodeHeaders, nil)
	defer req.exitHook()
	unitSharedTouch("hook")
}

// asyncHook runs an async hook of req on this goroutine: it touches the state, awaits
// sleep(0), and touches it again.
func asyncHook(req *request) {
	id := goroutineID()
	asyncGoroutines.Store(id, req)
	defer asyncGoroutines.Delete(id)
	req.enterHookAgain(&invocation{hook: hookDecodeData})
	defer req.exitHook()
	unitSharedTouch("async before await")
	api.Sleep(0)
	unitSharedTouch("async after await")
}

func TestThePluginCodeOfALibraryRunsOneAtATime(t *testing.T) {
	captureLog(t, api.LogTrace)
	fixture := anyFixture(t, "struct")
	const workers, hooks, configs = 4, 300, 20
	var wg sync.WaitGroup
	// Workers, each with streams of its own, and an async hook per stream.
	wg.Add(workers + 1)
	for range workers {
		go func() {
			defer wg.Done()
			for range hooks {
				req := &request{}
				syncHook(req)
				asyncHook(req)
			}
		}()
	}
	// The main thread loading configs meanwhile.
	go func() {
		defer wg.Done()
		for range configs {
			if newConfig("unit-shared-state", fixture, nil) == 0 {
				t.Error("config rejected")
			}
		}
	}()
	wg.Wait()
	libraryLock.Lock()
	defer libraryLock.Unlock()
	want := map[string]float64{"hook": workers * hooks, "async before await": workers * hooks,
		"async after await": workers * hooks, "decodeConfig": configs, "configure": configs}
	for what, n := range want {
		if got, _ := unitSharedRuns.Get(what); got != n {
			t.Errorf("%s ran %v times, want %v", what, got, n)
		}
	}
	if unitSharedCount != 3*workers*hooks+2*configs {
		t.Errorf("count %v, want %v", unitSharedCount, 3*workers*hooks+2*configs)
	}
}

// lockedOut runs f while the test holds the library lock and reports whether f finished.
func lockedOut(f func()) bool {
	libraryLock.Lock()
	defer libraryLock.Unlock()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(200 * time.Millisecond):
		return false
	}
}

func TestAConcurrentPluginDoesNotWaitForTheLibraryLock(t *testing.T) {
	captureLog(t, api.LogTrace)
	if !lockedOut(func() { (&request{concurrent: true}).enterHook(hookDecodeHeaders, nil) }) {
		t.Error("a stream of a concurrent plugin waited for the library lock")
	}
	if !lockedOut(func() { newConfig("unit-concurrent", anyFixture(t, "struct"), nil) }) {
		t.Error("a config of a concurrent plugin waited for the library lock")
	}
	// Its stream's hooks still exclude each other.
	req := &request{concurrent: true}
	req.enterHook(hookDecodeHeaders, nil)
	if req.streamLock.TryLock() {
		t.Error("a hook of a concurrent plugin runs without its stream's lock")
	}
	req.exitHook()
	// A stream of an ordinary plugin waits.
	blocked := &request{}
	if lockedOut(func() { blocked.enterHook(hookDecodeHeaders, nil); blocked.exitHook() }) {
		t.Error("a stream of an ordinary plugin ran while the library lock was held")
	}
}

func TestASynchronousHookLetsGoOfTheLockForAnInlineCall(t *testing.T) {
	req := &request{}
	inv := req.enterHook(hookDecodeTrailers, nil)
	inv.replied = true
	held := req.releaseForInlineCall()
	// Envoy runs filters inline: another stream's, even this stream's own encode hook,
	// enter on the same thread and must find the lock free.
	other := &request{}
	other.enterHook(hookDecodeData, nil)
	other.exitHook()
	req.enterHook(hookEncodeHeaders, nil)
	req.exitHook()
	req.retakeAfterInlineCall(held)
	if libraryLock.TryLock() {
		t.Fatal("the hook did not take the lock back")
	}
	if req.running != &req.syncInv || req.syncInv.hook != hookDecodeTrailers || !req.syncInv.replied {
		t.Fatalf("the hook's invocation was not restored: %+v", req.running)
	}
	req.exitHook()

	// An async hook keeps the lock: off the worker Envoy posts the call.
	async := &invocation{hook: hookDecodeHeaders}
	req.enterHookAgain(async)
	if held := req.releaseForInlineCall(); held.released || libraryLock.TryLock() {
		t.Fatal("an async hook let go of the lock for a posted call")
	}
	req.exitHook()
}

// The price of the library lock on a hook's path when no other thread wants it.
func BenchmarkEnterAndExitAHookUncontended(b *testing.B) {
	req := &request{}
	for b.Loop() {
		req.enterHook(hookDecodeHeaders, nil)
		req.exitHook()
	}
}
