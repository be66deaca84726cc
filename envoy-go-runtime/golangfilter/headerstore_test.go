package golangfilter

import (
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// The store hands out its slots and bytes front to back, each piece with room for added
// headers that never reaches into the next piece, and refuses what does not fit.
func TestHeaderStoreHandsOutDisjointPieces(t *testing.T) {
	const storeSlots, storeBytes = maxStoreSlots, maxStoreBytes
	s := headerStore{slots: make([]api.Header, storeSlots), bytes: make([]byte, storeBytes)}
	n := storeSlots - spareHeaderSlots - 5
	a, ok := s.entries(n)
	if !ok || len(a) != n || cap(a) != n+spareHeaderSlots {
		t.Fatalf("first piece: ok=%v len=%d cap=%d", ok, len(a), cap(a))
	}
	// The second piece leaves less than its spare room: its capacity is cut to what
	// remains.
	left := storeSlots - cap(a)
	b, ok := s.entries(left - 3)
	if !ok || len(b) != left-3 || cap(b) != left {
		t.Fatalf("second piece: ok=%v len=%d cap=%d, want len %d cap %d", ok, len(b), cap(b), left-3, left)
	}
	// Filling a's spare room and one more moves a elsewhere; b is untouched.
	for i := range spareHeaderSlots + 1 {
		a = append(a, api.Header{Name: "added", Value: string(rune('a' + i))})
	}
	for i := range b {
		if b[i] != (api.Header{}) {
			t.Fatalf("appending to the first piece wrote into the second: %v", b)
		}
	}
	if _, ok := s.entries(1); ok {
		t.Fatal("a full store handed out a slot")
	}
	if _, ok := (&headerStore{}).entries(-1); ok {
		t.Fatal("a negative count was accepted")
	}

	x, ok := s.buffer(100)
	y, ok2 := s.buffer(storeBytes - 100)
	if !ok || !ok2 || len(x) != 100 || cap(x) != 100 || len(y) != storeBytes-100 {
		t.Fatalf("buffers: %v %v %d %d", ok, ok2, len(x), len(y))
	}
	if &s.bytes[100] != &y[0] {
		t.Fatal("the buffers are not consecutive")
	}
	if _, ok := s.buffer(1); ok {
		t.Fatal("a full store handed out a byte")
	}
	if z, ok := s.buffer(0); !ok || len(z) != 0 {
		t.Fatal("an empty buffer must always fit")
	}
}

// A map handed to a header hook copies itself on the first read when it is small and
// the request's store can take it; other maps ask Envoy per header.
func TestWhichMapsCopyOnTheFirstRead(t *testing.T) {
	req := newRequest(&pluginConfig{})
	cases := []struct {
		name string
		m    headerMap
		want bool
	}{
		{"hook map, 16 headers", headerMap{req: req, useStore: true, num: 16}, true},
		{"hook map, 17 headers", headerMap{req: req, useStore: true, num: 17}, false},
		{"hook map of a request without a store", headerMap{req: &request{}, useStore: true, num: 3}, false},
		{"log entry map", headerMap{req: req, num: 3}, false},
		{"trailers (Envoy has no single-trailer lookup)", headerMap{req: req, trailers: true, num: 40}, true},
	}
	for _, c := range cases {
		if got := c.m.copiesOnRead(); got != c.want {
			t.Errorf("%s: copiesOnRead = %v, want %v", c.name, got, c.want)
		}
	}
}

// A request and its store's slots are one allocation of the size class named here (its
// bytes are another): a field added to the request must come out of the store, or every
// stream with header hooks allocates the next class.
func TestARequestWithItsSlotsFitsItsSizeClass(t *testing.T) {
	for _, c := range []struct {
		name       string
		size, want uintptr
	}{
		{"no slots", unsafe.Sizeof(requestWithStore{}), 448},
		{"8 slots", unsafe.Sizeof(requestWithSlots8{}), 704},
		{"14 slots", unsafe.Sizeof(requestWithSlots14{}), 896},
		{"22 slots", unsafe.Sizeof(requestWithSlots22{}), 1152},
	} {
		if c.size > c.want {
			t.Errorf("a request with %s is %d bytes, over its size class of %d", c.name, c.size, c.want)
		}
	}
}

// A config's streams get stores as large as its earlier streams needed: the first
// stream has almost none (its maps take memory of their own), the next ones fit what it
// copied, and nothing grows past the maximums.
func TestHeaderStoresGrowToWhatTheConfigsStreamsNeeded(t *testing.T) {
	config := &pluginConfig{}
	first := newRequest(config).store
	if len(first.slots) != 0 || len(first.bytes) != minStoreBytes {
		t.Fatalf("first store: %d slots, %d bytes", len(first.slots), len(first.bytes))
	}
	if _, ok := first.entries(10); ok {
		t.Fatal("an empty store handed out 10 slots")
	}
	if _, ok := first.buffer(300); ok {
		t.Fatal("a 64-byte store handed out 300 bytes")
	}
	next := newRequest(config).store
	if len(next.slots) != 22 || len(next.bytes) != 320 {
		t.Fatalf("after 10 entries (18 with their spare room) and 300 bytes: %d slots, %d bytes; want 22 and 320", len(next.slots), len(next.bytes))
	}
	if _, ok := next.entries(10); !ok {
		t.Fatal("the grown store did not take the same map")
	}
	if _, ok := next.buffer(300); !ok {
		t.Fatal("the grown store did not take the same bytes")
	}

	small := &pluginConfig{}
	newRequest(small).store.entries(0)
	if s := newRequest(small).store; len(s.slots) != 8 {
		t.Fatalf("an empty map's spare room: %d slots, want 8", len(s.slots))
	}
	huge := newRequest(small).store
	huge.entries(100)
	huge.buffer(1 << 20)
	if s := newRequest(small).store; len(s.slots) != maxStoreSlots || len(s.bytes) != maxStoreBytes {
		t.Fatalf("after a huge map: %d slots, %d bytes; want the maximums", len(s.slots), len(s.bytes))
	}
	if s := newRequest(&pluginConfig{noHeaderHooks: boolTrue()}); s.store != nil {
		t.Fatal("a plugin without header hooks got a store")
	}
}

func boolTrue() (b atomic.Bool) {
	b.Store(true)
	return
}
