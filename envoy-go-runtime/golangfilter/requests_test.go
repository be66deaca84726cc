package golangfilter

import (
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

type headersOnly struct{}

func (headersOnly) DecodeHeaders(api.RequestHeaderMap, bool) api.Status { return api.Continue }
func (headersOnly) OnDestroy(api.DestroyReason)                         {}

type everyHook struct{ headersOnly }

func (everyHook) DecodeData(api.BodyBuffer, bool) api.Status           { return api.Continue }
func (everyHook) DecodeTrailers(api.HeaderMap) api.Status              { return api.Continue }
func (everyHook) EncodeHeaders(api.ResponseHeaderMap, bool) api.Status { return api.Continue }
func (everyHook) EncodeData(api.BodyBuffer, bool) api.Status           { return api.Continue }
func (everyHook) EncodeTrailers(api.HeaderMap) api.Status              { return api.Continue }
func (everyHook) OnLog(*api.LogEntry)                                  {}
func (everyHook) OnStreamComplete()                                    {}

func TestHooksOf(t *testing.T) {
	if got := hooksOf(headersOnly{}); got != hasDecodeHeaders|hasDestroy {
		t.Fatalf("headersOnly: %b", got)
	}
	all := hasDecodeHeaders | hasDecodeData | hasDecodeTrailers | hasEncodeHeaders | hasEncodeData |
		hasEncodeTrailers | hasLog | hasStreamComplete | hasDestroy
	if got := hooksOf(&everyHook{}); got != all {
		t.Fatalf("everyHook: %b, want %b", got, all)
	}
	if got := hooksOf(struct{}{}); got != 0 {
		t.Fatalf("no hooks: %b", got)
	}
	if got := hooksOf(nil); got != 0 {
		t.Fatalf("nil filter: %b", got)
	}
	// The second lookup of a type comes from the cache and must agree.
	if got := hooksOf(headersOnly{}); got != hasDecodeHeaders|hasDestroy {
		t.Fatalf("cached: %b", got)
	}
}
