package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// capiFilter exercises the Context's C API from synchronous hooks; x-action picks what.
type capiFilter struct {
	ctx    api.Context
	action string
}

func newCapiFilter(ctx api.Context, _ any) any { return &capiFilter{ctx: ctx} }

func (f *capiFilter) log(format string, args ...any) {
	f.ctx.Log(api.LogInfo, fmt.Sprintf(format, args...))
}

// describeStreamInfo renders every StreamInfo value; absent ones as "-".
func describeStreamInfo(si api.StreamInfo) string {
	opt := func(v string, ok bool) string {
		if !ok {
			return "-"
		}
		return v
	}
	code, codeOK := si.ResponseCode()
	codeText := "-"
	if codeOK {
		codeText = fmt.Sprint(code)
	}
	return fmt.Sprintf("route=%s chain=%s protocol=%s code=%s details=%s attempts=%d local=%s remote=%s upLocal=%s upRemote=%s cluster=%s vcluster=%s worker=%d",
		si.RouteName(), si.FilterChainName(), opt(si.Protocol()), codeText, opt(si.ResponseCodeDetails()),
		si.AttemptCount(), si.DownstreamLocalAddress(), si.DownstreamRemoteAddress(),
		opt(si.UpstreamLocalAddress()), opt(si.UpstreamRemoteAddress()), opt(si.UpstreamClusterName()),
		opt(si.VirtualClusterName()), si.WorkerID())
}

func (f *capiFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.Status {
	f.action, _ = h.Get("x-action")
	arg, _ := h.Get("x-arg")
	switch f.action {
	case "stream-info":
		f.log("decode %s", describeStreamInfo(f.ctx.StreamInfo()))
	case "metadata":
		s, sok := f.ctx.Metadata().GetString("in", "s")
		n, nok := f.ctx.Metadata().GetNumber("in", "n")
		b, bok := f.ctx.Metadata().GetBool("in", "b")
		_, wrongKind := f.ctx.Metadata().GetNumber("in", "s")
		_, missing := f.ctx.Metadata().GetString("nope", "s")
		f.log("metadata s=%q/%v n=%v/%v b=%v/%v wrongKind=%v missing=%v", s, sok, n, nok, b, bok, wrongKind, missing)
		f.ctx.Metadata().SetString("out", "s", "text")
		f.ctx.Metadata().SetNumber("out", "n", 2.5)
		f.ctx.Metadata().SetBool("out", "b", false)
		f.ctx.Metadata().SetNumber("in", "n", math.Copysign(0, -1))
		got, _ := f.ctx.Metadata().GetString("out", "s")
		f.log("metadata read back %q", got)
	case "metadata-nan":
		f.ctx.Metadata().SetNumber("out", "n", math.NaN())
	case "filter-state":
		v, ok := f.ctx.FilterState().Get("in")
		e, eok := f.ctx.FilterState().Get("empty")
		_, mok := f.ctx.FilterState().Get("missing")
		f.log("filterState in=%q/%v empty=%q/%v missing=%v", v, ok, e, eok, mok)
		f.ctx.FilterState().Set("out", "o", api.DefaultFilterStateOptions)
		f.ctx.FilterState().Set("shared", "s", api.FilterStateOptions{ReadOnly: true, LifeSpan: api.LifeSpanConnection, StreamSharing: api.StreamSharingSharedWithUpstreamConnection})
		// A second set at another life span is refused by Envoy and changes nothing.
		f.ctx.FilterState().Set("out", "changed", api.FilterStateOptions{LifeSpan: api.LifeSpanFilterChain})
		back, _ := f.ctx.FilterState().Get("out")
		f.log("filterState read back %q", back)
	case "filter-state-bad":
		f.ctx.FilterState().Set("k", "v", api.FilterStateOptions{LifeSpan: 7})
	case "property":
		v, ok := f.ctx.Property(arg)
		f.log("property %s=%q/%v", arg, v, ok)
	case "secret":
		v, ok := f.ctx.Secret(arg)
		f.log("secret %s=%q/%v", arg, v, ok)
	case "route-cache":
		f.ctx.ClearRouteCache()
		f.ctx.RefreshRouteCache()
	case "override-host":
		f.ctx.Decoder().SetUpstreamOverrideHost(arg, true)
	case "drain":
		f.ctx.StreamInfo().DrainConnectionUponCompletion()
	case "add-body":
		f.ctx.Decoder().AddDataString("added", false)
	case "encoder-too-early":
		f.ctx.Encoder().AddDataString("x", false)
	case "inject-sync":
		f.ctx.Decoder().InjectDataString("x")
	case "grpc-reply":
		return f.ctx.SendGrpcLocalReply(429, "slow down", nil, "limited", 8)
	case "grpc-reply-bad":
		return f.ctx.SendGrpcLocalReply(429, "", nil, "", 17)
	case "log-level":
		f.log("level %d", f.ctx.LogLevel())
	case "has":
		f.log("has x-arg=%v x-none=%v get=%q", h.Has("X-Arg"), h.Has("x-none"), arg)
	}
	return api.Continue
}

func (f *capiFilter) DecodeData(b api.BodyBuffer, endStream bool) api.Status {
	switch f.action {
	case "add-in-data":
		f.ctx.Decoder().AddDataString("x", false)
	case "inject-sync-data":
		f.ctx.Decoder().InjectDataString("x")
	}
	return api.Continue
}

func (f *capiFilter) DecodeTrailers(t api.HeaderMap) api.Status {
	if f.action == "add-in-trailers" {
		f.ctx.Decoder().AddDataString("+tail", false)
	}
	return api.Continue
}

func (f *capiFilter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.Status {
	switch f.action {
	case "stream-info":
		f.log("encode %s", describeStreamInfo(f.ctx.StreamInfo()))
	case "add-response-body":
		f.ctx.Encoder().AddDataString("from the filter", false)
	case "override-in-encode":
		f.ctx.Decoder().SetUpstreamOverrideHost("10.0.0.1", false)
	}
	return api.Continue
}

func (f *capiFilter) OnLog(e *api.LogEntry) {
	if f.action == "stream-info" {
		f.log("log %s", describeStreamInfo(f.ctx.StreamInfo()))
	}
	if f.action == "metadata" {
		s, _ := f.ctx.Metadata().GetString("out", "s")
		f.log("log metadata %q", s)
	}
}

func (f *capiFilter) OnDestroy(api.DestroyReason) {
	if f.action == "api-in-destroy" {
		f.log("%s", strings.ToUpper(f.ctx.StreamInfo().RouteName()))
	}
}
