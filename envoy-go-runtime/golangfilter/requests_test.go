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

// A config remembers the hook set of its last filter type; a plugin that creates filters
// of different types gets each type's own set, whichever came before.
func TestAConfigsHookSetFollowsTheFilterType(t *testing.T) {
	c := &pluginConfig{}
	all := hooksOf(&everyHook{})
	for i, f := range []any{headersOnly{}, headersOnly{}, &everyHook{}, &everyHook{}, headersOnly{}, nil} {
		want := hasDecodeHeaders | hasDestroy
		switch f.(type) {
		case *everyHook:
			want = all
		case nil:
			want = 0
		}
		if got := c.hooksOf(f); got != want {
			t.Fatalf("filter %d (%T): %b, want %b", i, f, got, want)
		}
	}
}
