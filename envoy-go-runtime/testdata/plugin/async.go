package main

import (
	"fmt"
	"strings"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// asyncFilter's request hooks and encodeHeaders are async (what the compiler makes of
// TypeScript `async` methods): they run on goroutines and continue the stream when done.
type asyncFilter struct {
	ctx    api.Context
	action string
}

func newAsyncFilter(ctx api.Context, _ any) any { return &asyncFilter{ctx: ctx} }

func (f *asyncFilter) AsyncHooks() api.Hooks {
	return api.HookDecodeHeaders | api.HookDecodeData | api.HookEncodeHeaders
}

func (f *asyncFilter) log(format string, args ...any) {
	f.ctx.Log(api.LogInfo, fmt.Sprintf(format, args...))
}

func (f *asyncFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.Status {
	f.action, _ = h.Get("x-action")
	f.log("decodeHeaders start end=%v", endStream)
	if f.action == "immediate" {
		// No await: the hook ends inside its entry, Continue included.
		return api.Continue
	}
	api.Sleep(5)
	switch f.action {
	case "getters":
		s, _ := f.ctx.Metadata().GetString("in", "s")
		fs, fsOK := f.ctx.FilterState().Get("in")
		p, pOK := f.ctx.Property("request.path")
		_, missingOK := f.ctx.Property("nope")
		sec, secOK := f.ctx.Secret("token")
		_, noSecret := f.ctx.Secret("none")
		f.log("async getters metadata=%q filterState=%q/%v property=%q/%v/%v secret=%q/%v/%v route=%s",
			s, fs, fsOK, p, pOK, missingOK, sec, secOK, noSecret, f.ctx.StreamInfo().RouteName())
	case "setters":
		h.Set("x-async", "yes")
		f.ctx.Metadata().SetString("async", "k", "v")
		f.ctx.FilterState().Set("async", "v", api.DefaultFilterStateOptions)
		f.ctx.ClearRouteCache()
		f.ctx.Decoder().SetUpstreamOverrideHost("[::1]:8443", true)
		f.ctx.StreamInfo().DrainConnectionUponCompletion()
		f.ctx.Decoder().AddDataString("async body", false)
	case "reply":
		return f.ctx.SendLocalReply(401, "no", []api.Header{{Name: "x-why", Value: "async"}}, "async_denied")
	case "panic":
		panic(fmt.Errorf("Error: async boom"))
	case "running":
		return api.Running
	case "buffer":
		return api.StopAndBuffer
	case "sleep-long":
		api.Sleep(300)
		f.log("woke after the stream ended")
	case "get-after-destroy":
		api.Sleep(300)
		f.ctx.Metadata().GetString("in", "s")
	case "reply-twice":
		f.ctx.SendLocalReply(403, "first", nil, "")
		return api.Continue
	}
	h.Set("x-async-done", "1")
	f.log("decodeHeaders done")
	return api.Continue
}

func (f *asyncFilter) DecodeData(b api.BodyBuffer, endStream bool) api.Status {
	f.log("decodeData %q end=%v", b.String(), endStream)
	switch f.action {
	case "buffer":
		b.SetString(strings.ToUpper(b.String()))
	case "inject":
		f.ctx.Decoder().InjectDataString("[injected]")
		api.Sleep(5)
	}
	return api.Continue
}

func (f *asyncFilter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.Status {
	api.Sleep(1)
	h.Set("x-async-encode", "1")
	return api.Continue
}

func (f *asyncFilter) OnDestroy(reason api.DestroyReason) {
	f.log("onDestroy %d", reason)
}
