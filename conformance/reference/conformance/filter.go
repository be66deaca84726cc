package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/envoyproxy/envoy/contrib/golang/common/go/api"
)

// filter is the "conformance" plugin: what it does to a stream depends on the request's
// x-case header (conformance/scenarios.mjs lists the cases). Its logs go through
// api.LogInfo, which writes the message as given, like the TypeScript twin's ctx.log.
type filter struct {
	api.PassThroughStreamFilter
	cb     api.FilterCallbackHandler
	config *config
	caseID string
}

func newFilter(c interface{}, cb api.FilterCallbackHandler) api.StreamFilter {
	return &filter{cb: cb, config: c.(*config), caseID: "none"}
}

func (f *filter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.StatusType {
	if v, ok := h.Get("x-case"); ok {
		f.caseID = v
	}
	f.config.requests.Increment(1)
	f.config.active.Increment(1)
	api.LogInfo(fmt.Sprintf("decodeHeaders case=%s %s %s endStream=%t", f.caseID, h.Method(), h.Path(), endStream))
	switch f.caseID {
	case "headers":
		user, ok := h.Get("x-user")
		if !ok {
			user = "anonymous"
		}
		h.Set("x-conformance-user", strings.ToUpper(user))
		h.Add("x-conformance-tag", f.config.greeting)
		h.Add("x-conformance-tag", "two")
		h.Del("x-remove-me")
		h.Set("x-conformance-peer", f.cb.StreamInfo().DownstreamRemoteAddress())
	case "local-decode":
		// grpcStatus: the status Envoy derives from 403 (the TypeScript twin passes none).
		f.cb.DecoderFilterCallbacks().SendLocalReply(403, "denied: "+f.config.greeting,
			map[string][]string{"x-reason": {"conformance"}}, 7, "conformance_denied")
		return api.LocalReply
	case "metadata":
		tier := "none"
		if v, ok := f.cb.StreamInfo().DynamicMetadata().Get("upstream.filter")["tier"].(string); ok {
			tier = v
		}
		md := f.cb.StreamInfo().DynamicMetadata()
		md.Set("conformance", "tier", tier+"-seen")
		md.Set("conformance", "weight", 42.5)
		md.Set("conformance", "seen", true)
		h.Set("x-conformance-tier", tier)
	case "filter-state":
		fs := f.cb.StreamInfo().FilterState()
		v := fs.GetString("upstream.key")
		fs.SetString("conformance.seen", v+"-seen", api.StateTypeMutable, api.LifeSpanRequest, api.None)
		fs.SetString("conformance.chain", "chain", api.StateTypeMutable, api.LifeSpanFilterChain, api.SharedWithUpstreamConnection)
		h.Set("x-conformance-state", v)
	}
	return api.Continue
}

func (f *filter) DecodeData(b api.BufferInstance, endStream bool) api.StatusType {
	api.LogInfo(fmt.Sprintf("decodeData case=%s length=%d endStream=%t", f.caseID, b.Len(), endStream))
	switch f.caseID {
	case "stream-body":
		b.SetString(strings.ToUpper(b.String()))
		if endStream {
			b.AppendString("|end")
		}
	case "buffer-body":
		if !endStream {
			return api.StopAndBuffer
		}
		b.Drain(1)
		b.PrependString("<<")
		b.AppendString(">>")
	}
	return api.Continue
}

func (f *filter) DecodeTrailers(t api.RequestTrailerMap) api.StatusType {
	api.LogInfo(fmt.Sprintf("decodeTrailers case=%s", f.caseID))
	if f.caseID == "trailers" {
		seen, ok := t.Get("x-trailer")
		if !ok {
			seen = "none"
		}
		t.Set("x-trailer-seen", seen)
		t.Del("x-trailer-drop")
		t.Add("x-trailer-added", "yes")
		f.cb.DecoderFilterCallbacks().AddData([]byte("added-before-trailers"), false)
	}
	return api.Continue
}

func (f *filter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.StatusType {
	status, _ := h.Status()
	api.LogInfo(fmt.Sprintf("encodeHeaders case=%s status=%d endStream=%t", f.caseID, status, endStream))
	f.config.lastStatus.Record(uint64(status))
	switch f.caseID {
	case "headers":
		h.Set("x-conformance-status", strconv.Itoa(status))
		h.Del("server")
		h.Add("x-conformance-resp", "a")
	case "local-decode":
		h.Set("x-conformance-local", "seen")
	case "local-encode":
		if status >= 500 {
			// grpcStatus: the status Envoy derives from 502.
			f.cb.EncoderFilterCallbacks().SendLocalReply(502, "upstream failed",
				map[string][]string{"x-reason": {"upstream"}}, 14, "conformance_upstream")
			return api.LocalReply
		}
	}
	return api.Continue
}

func (f *filter) EncodeData(b api.BufferInstance, endStream bool) api.StatusType {
	api.LogInfo(fmt.Sprintf("encodeData case=%s length=%d endStream=%t", f.caseID, b.Len(), endStream))
	switch f.caseID {
	case "stream-body":
		b.PrependString("(")
		b.AppendString(")")
	case "buffer-body":
		if !endStream {
			return api.StopAndBuffer
		}
		b.SetString(fmt.Sprintf("len=%d:%s", b.Len(), b.String()))
	}
	return api.Continue
}

func (f *filter) EncodeTrailers(t api.ResponseTrailerMap) api.StatusType {
	api.LogInfo(fmt.Sprintf("encodeTrailers case=%s", f.caseID))
	if f.caseID == "trailers" {
		seen, ok := t.Get("x-resp-trailer")
		if !ok {
			seen = "none"
		}
		t.Set("x-resp-trailer-seen", seen)
		t.Del("x-resp-trailer-drop")
	}
	return api.Continue
}

func (f *filter) OnStreamComplete() {
	api.LogInfo(fmt.Sprintf("streamComplete case=%s", f.caseID))
}

func (f *filter) OnLog(req api.RequestHeaderMap, _ api.RequestTrailerMap, resp api.ResponseHeaderMap, _ api.ResponseTrailerMap) {
	user, ok := req.Get("x-user")
	if !ok {
		user = "-"
	}
	status := "-"
	if resp != nil {
		if v, ok := resp.Get(":status"); ok {
			status = v
		}
	}
	api.LogInfo(fmt.Sprintf("log case=%s user=%s status=%s", f.caseID, user, status))
}

func (f *filter) OnDestroy(reason api.DestroyReason) {
	f.config.active.Increment(-1)
	api.LogInfo(fmt.Sprintf("destroy case=%s reason=%d", f.caseID, reason))
}
