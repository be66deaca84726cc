package main

// shared-state is written the way the compiler writes a TypeScript filter that keeps state
// at module level and in the object `configure` returns, roughly:
//
//	let requests = 0;
//	const inFlight = new Map<number, string>();   // streams between decodeHeaders and onDestroy
//	const runs = new Map<string, number>();       // how often each piece of plugin code ran
//	const count = (what: string) => runs.set(what, (runs.get(what) ?? 0) + 1);
//
//	export default definePlugin<{async?: boolean}>({
//	  name: "shared-state",
//	  configure(config) { count("configure"); return {async: config.async ?? false, streams: new Map(), recent: []}; },
//	  create(ctx, state) { count("create"); return new SharedState(ctx, state); },
//	});
//
// and every hook (decodeHeaders, decodeData, encodeHeaders, onLog, onStreamComplete,
// onDestroy) mutates that state. With {"async": true} decodeHeaders and decodeData are
// async and `await sleep(0)` in the middle. In JavaScript all of it is safe: code runs to
// completion between awaits. A request with the header x-report answers a local reply
// whose body is the state as JSON (and changes none of it but the create count).

import (
	"encoding/json"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/js"
)

var (
	sharedRequests float64
	sharedInFlight = js.NewMap[float64, string]()
	sharedRuns     = js.NewMap[string, float64]()
)

func sharedCount(what string) {
	n, _ := sharedRuns.Get(what)
	sharedRuns.Set(what, n+1)
}

// sharedStateConfig is what configure returns: a config object holding a Map and an
// array that the hooks mutate.
type sharedStateConfig struct {
	async   bool
	streams *js.Map[string, float64] // per hook, how many streams of this config ran it
	recent  *js.Array[float64]       // the ids of the config's latest streams
}

func (c *sharedStateConfig) count(what string) {
	n, _ := c.streams.Get(what)
	c.streams.Set(what, n+1)
}

var sharedStatePlugin = &api.Plugin{
	Name: "shared-state",
	DecodeConfig: func(text []byte) (any, error) {
		var raw struct {
			Async bool `json:"async"`
		}
		if err := json.Unmarshal(text, &raw); err != nil {
			return nil, err
		}
		sharedCount("decodeConfig")
		return raw.Async, nil
	},
	Configure: func(config any, _ api.ConfigEnv) (any, error) {
		sharedCount("configure")
		return &sharedStateConfig{async: config.(bool), streams: js.NewMap[string, float64](), recent: js.NewArray[float64]()}, nil
	},
	NewFilter: func(ctx api.Context, config any) any {
		sharedCount("create")
		f := &SharedState{ctx: ctx, config: config.(*sharedStateConfig), id: -1}
		if f.config.async {
			return &SharedStateAsync{f}
		}
		return f
	},
}

func init() { api.Register(sharedStatePlugin) }

type SharedState struct {
	ctx    api.Context
	config *sharedStateConfig
	id     float64
	report bool
}

// SharedStateAsync is the class with `async decodeHeaders` and `async decodeData`.
type SharedStateAsync struct{ *SharedState }

func (*SharedStateAsync) AsyncHooks() api.Hooks { return api.HookDecodeHeaders | api.HookDecodeData }

// touch is what every hook does to the shared state.
func (f *SharedState) touch(hook string) {
	sharedCount(hook)
	f.config.count(hook)
	sharedInFlight.Set(f.id, hook)
}

func (f *SharedState) DecodeHeaders(headers api.RequestHeaderMap, endStream bool) api.Status {
	if _, ok := headers.Get("x-report"); ok {
		f.report = true
		return f.ctx.SendLocalReply(200, f.stateJSON(), nil, "")
	}
	// A read-modify-write spread over several statements: another thread running here at
	// the same time would lose an update.
	f.id = sharedRequests
	f.touch("decodeHeaders")
	f.config.recent.Push(f.id)
	if f.config.recent.Len() > 16 {
		f.config.recent.Shift()
	}
	sharedRequests = f.id + 1
	if f.config.async {
		api.Sleep(0) // await sleep(0)
		f.touch("decodeHeaders after await")
	}
	return api.Continue
}

func (f *SharedState) DecodeData(buffer api.BodyBuffer, endStream bool) api.Status {
	f.touch("decodeData")
	if f.config.async {
		api.Sleep(0)
		f.touch("decodeData after await")
	}
	return api.Continue
}

func (f *SharedState) EncodeHeaders(headers api.ResponseHeaderMap, endStream bool) api.Status {
	if !f.report {
		f.touch("encodeHeaders")
	}
	return api.Continue
}

func (f *SharedState) OnLog(*api.LogEntry) {
	if !f.report {
		f.touch("onLog")
	}
}

func (f *SharedState) OnStreamComplete() {
	if !f.report {
		f.touch("onStreamComplete")
	}
}

func (f *SharedState) OnDestroy(api.DestroyReason) {
	if !f.report {
		sharedCount("onDestroy")
		f.config.count("onDestroy")
		sharedInFlight.Delete(f.id)
	}
}

// stateJSON is the report: the module state and this config's.
func (f *SharedState) stateJSON() string {
	runs := map[string]float64{}
	for k, v := range sharedRuns.All() {
		runs[k] = v
	}
	streams := map[string]float64{}
	for k, v := range f.config.streams.All() {
		streams[k] = v
	}
	recent := f.config.recent.Items()
	distinct := map[float64]bool{}
	for _, id := range recent {
		distinct[id] = true
	}
	b, err := json.Marshal(map[string]any{
		"requests":       sharedRequests,
		"inFlight":       sharedInFlight.Size(),
		"runs":           runs,
		"configStreams":  streams,
		"recent":         len(recent),
		"recentDistinct": len(distinct),
	})
	if err != nil {
		panic(err)
	}
	return string(b)
}
