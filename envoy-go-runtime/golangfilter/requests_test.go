package golangfilter

import (
	"testing"
	"time"

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

func TestWaiterWakes(t *testing.T) {
	var w waiter
	w.arm()
	done := make(chan bool)
	go func() { done <- w.wait() }()
	time.Sleep(10 * time.Millisecond)
	w.wake()
	select {
	case ok := <-done:
		if !ok {
			t.Fatal("wait reported a destroyed stream")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("wake did not end the wait")
	}
}

func TestWaiterReleaseEndsEveryWaitForGood(t *testing.T) {
	var w waiter
	w.arm()
	done := make(chan bool, 2)
	go func() { done <- w.wait() }()
	go func() { done <- w.wait() }()
	time.Sleep(10 * time.Millisecond)
	w.release()
	for range 2 {
		select {
		case ok := <-done:
			if ok {
				t.Fatal("wait after release reported success")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("release did not end the wait")
		}
	}
	w.arm()
	if w.wait() {
		t.Fatal("a wait after release must return at once, reporting the stream destroyed")
	}
}
