package main

import (
	"fmt"
	"time"

	"github.com/envoyproxy/envoy/contrib/golang/common/go/api"
)

// asyncFilter is the "conformance-async" plugin: its header hooks and its request data
// hook return Running and finish on a goroutine after a short sleep, then Continue (or
// answer with a local reply) — the official SDK's form of the twin's `async` hooks.
type asyncFilter struct {
	api.PassThroughStreamFilter
	cb     api.FilterCallbackHandler
	config *asyncConfig
	caseID string
}

func newAsyncFilter(c interface{}, cb api.FilterCallbackHandler) api.StreamFilter {
	return &asyncFilter{cb: cb, config: c.(*asyncConfig), caseID: "none"}
}

func (f *asyncFilter) sleep() {
	time.Sleep(time.Duration(f.config.delayMs) * time.Millisecond)
}

func (f *asyncFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.StatusType {
	if v, ok := h.Get("x-case"); ok {
		f.caseID = v
	}
	api.LogInfo(fmt.Sprintf("async decodeHeaders case=%s start", f.caseID))
	go func() {
		f.sleep()
		if f.caseID == "async-deny" {
			// grpcStatus: the status Envoy derives from 401.
			f.cb.DecoderFilterCallbacks().SendLocalReply(401, "async denied",
				map[string][]string{"x-reason": {"async"}}, 16, "conformance_async_denied")
			return
		}
		h.Set("x-async", "after-sleep")
		f.cb.StreamInfo().DynamicMetadata().Set("conformance-async", "slept", f.config.delayMs)
		api.LogInfo(fmt.Sprintf("async decodeHeaders case=%s done", f.caseID))
		f.cb.DecoderFilterCallbacks().Continue(api.Continue)
	}()
	return api.Running
}

func (f *asyncFilter) DecodeData(b api.BufferInstance, endStream bool) api.StatusType {
	api.LogInfo(fmt.Sprintf("async decodeData length=%d endStream=%t", b.Len(), endStream))
	go func() {
		f.sleep()
		b.AppendString("+async")
		f.cb.DecoderFilterCallbacks().Continue(api.Continue)
	}()
	return api.Running
}

func (f *asyncFilter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.StatusType {
	api.LogInfo(fmt.Sprintf("async encodeHeaders case=%s endStream=%t", f.caseID, endStream))
	go func() {
		f.sleep()
		h.Set("x-async-encoded", "yes")
		f.cb.EncoderFilterCallbacks().Continue(api.Continue)
	}()
	return api.Running
}
