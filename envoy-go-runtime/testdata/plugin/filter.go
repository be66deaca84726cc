package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

type testFilter struct {
	ctx    api.Context
	config *config
	action string
}

func newTestFilter(ctx api.Context, cfg any) any {
	return &testFilter{ctx: ctx, config: cfg.(*config)}
}

func (f *testFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.Status {
	f.action, _ = h.Get("X-Action")
	f.ctx.Log(api.LogInfo, fmt.Sprintf("decodeHeaders %s %s host=%s scheme=%s end=%v",
		h.Method(), h.Path(), h.Host(), h.Scheme(), endStream))
	switch f.action {
	case "reply":
		// Heap-allocated strings in the headers exercise cgo's pointer checks.
		return f.ctx.SendLocalReply(403, "denied by "+f.config.Prefix, []api.Header{
			{Name: "x-reply", Value: "yes"},
			{Name: strings.ToLower("X-Reply-Prefix"), Value: "p-" + f.config.Prefix},
			{Name: "Content-Type", Value: "text/plain; charset=utf-8"},
			{Name: "x-empty", Value: ""},
		}, "test_denied")
	case "reply-bad-status":
		return f.ctx.SendLocalReply(99, "", nil, "")
	case "reply-empty":
		return f.ctx.SendLocalReply(204, "", []api.Header{{Name: "content-type", Value: "text/plain"}}, "")
	case "panic":
		panic(errors.New("Error: boom"))
	case "panic-value":
		panic(42)
	case "panic-nil-map":
		var m map[string]int
		m["x"] = 1
	case "buffer", "buffer-trailers":
		return api.StopAndBuffer
	case "watermark":
		return api.StopAndBufferWatermark
	case "bad-status":
		return api.StopNoBuffer
	case "unsent-reply":
		return api.LocalReply
	case "running":
		return api.Running
	case "random":
		h.Set("x-random", strconv.FormatUint(api.Random(), 10))
		h.Add("x-random", strconv.FormatUint(api.Random(), 10))
	case "count":
		f.ctx.Log(api.LogInfo, fmt.Sprintf("headers=%d keys=%d", countEntries(h), len(h.Keys())))
	case "bad-header":
		h.Set("x-bad", "a\r\nb")
	}
	h.Set("x-prefix", f.config.Prefix)
	h.Add("X-Seen", h.Method()+" "+h.Path())
	h.Remove("x-remove-me")
	h.Set(":path", h.Path()+"?seen=1")
	if all := h.GetAll("x-multi"); len(all) > 0 {
		h.Set("x-multi-joined", strings.Join(all, "|"))
	}
	return api.Continue
}

func countEntries(h api.HeaderMap) int {
	n := 0
	h.Range(func(string, string) bool { n++; return true })
	return n
}

func (f *testFilter) DecodeData(b api.BodyBuffer, endStream bool) api.Status {
	f.ctx.Log(api.LogDebug, fmt.Sprintf("decodeData %q end=%v", b.String(), endStream))
	switch f.action {
	case "buffer", "buffer-trailers":
		if !endStream && f.action == "buffer" {
			return api.StopAndBuffer
		}
		b.SetString(strings.ToUpper(b.String()))
	case "chunks":
		b.AppendString("!")
	case "nobuffer":
		if !endStream {
			return api.StopNoBuffer
		}
	case "watermark":
		b.Drain(1)
		b.Prepend([]byte("<"))
		b.Append([]byte(">"))
	case "buffer-at-end":
		return api.StopAndBuffer
	case "data-reply":
		return f.ctx.SendLocalReply(400, "bad body "+b.String(), nil, "bad_body")
	}
	return api.Continue
}

func (f *testFilter) DecodeTrailers(t api.HeaderMap) api.Status {
	t.Set("x-trailer-seen", "yes")
	t.Remove("x-drop")
	return api.Continue
}

func (f *testFilter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.Status {
	f.ctx.Log(api.LogInfo, fmt.Sprintf("encodeHeaders status=%d end=%v", h.Status(), endStream))
	switch f.action {
	case "encode-reply":
		return f.ctx.SendLocalReply(502, "bad upstream", nil, "upstream_rejected")
	case "encode-panic":
		panic(errors.New("Error: encode failed"))
	}
	h.Set("x-filtered", f.config.Prefix)
	for _, name := range f.config.StripResponseHeaders {
		h.Remove(name)
	}
	return api.Continue
}

func (f *testFilter) EncodeData(b api.BodyBuffer, endStream bool) api.Status {
	switch f.action {
	case "encode-data-reply":
		return f.ctx.SendLocalReply(500, "too late", nil, "")
	case "upper-response":
		b.SetString(strings.ToUpper(b.String()))
	}
	return api.Continue
}

func (f *testFilter) EncodeTrailers(t api.HeaderMap) api.Status {
	t.Add("x-enc-trailer", "1")
	return api.Continue
}

func (f *testFilter) OnLog(e *api.LogEntry) {
	method, _ := e.RequestHeaders.Get(":method")
	status := "none"
	if e.ResponseHeaders != nil {
		status, _ = e.ResponseHeaders.Get(":status")
	}
	f.ctx.Log(api.LogInfo, fmt.Sprintf("onLog %s status=%s reqTrailers=%v respTrailers=%v",
		method, status, e.RequestTrailers != nil, e.ResponseTrailers != nil))
	switch f.action {
	case "reply-in-log":
		f.ctx.SendLocalReply(500, "late", nil, "")
	case "write-in-log":
		e.RequestHeaders.Set("x", "y")
	}
}

func (f *testFilter) OnStreamComplete() {
	f.ctx.Log(api.LogDebug, "onStreamComplete")
}

func (f *testFilter) OnDestroy(reason api.DestroyReason) {
	f.ctx.Log(api.LogDebug, fmt.Sprintf("onDestroy reason=%d", reason))
}
