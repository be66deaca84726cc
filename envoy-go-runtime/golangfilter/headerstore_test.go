package golangfilter

import (
	"testing"
	"unsafe"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// The store hands out its slots and bytes front to back, each piece with room for added
// headers that never reaches into the next piece, and refuses what does not fit.
func TestHeaderStoreHandsOutDisjointPieces(t *testing.T) {
	s := headerStore{bytes: new([storeBytes]byte)}
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
	rs := &requestWithStore{}
	rs.store.bytes = new([storeBytes]byte)
	rs.request.store = &rs.store
	req := &rs.request
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

// A request and its store's slots are one allocation of the 1152-byte size class (its
// bytes are another): a field added to the request must come out of the store, or every
// stream with header hooks allocates the next class, 1280 bytes.
func TestARequestWithItsSlotsFitsItsSizeClass(t *testing.T) {
	if n := unsafe.Sizeof(requestWithStore{}); n > 1152 {
		t.Fatalf("requestWithStore is %d bytes", n)
	}
}
