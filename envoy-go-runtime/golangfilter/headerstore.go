package golangfilter

import (
	"math"
	"sync/atomic"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// headerStore holds the copies of a stream's header maps, made with the request so that
// a hook's header work allocates nothing: Envoy copies a map's names and values back to
// back into bytes, and the map's entries (in slots) are strings cut from them. Both are
// handed out front to back and never reused while the stream lives. A map that does not
// fit takes memory of its own.
//
// The slots are part of the request object (newRequest); the bytes are an allocation of
// their own, without pointers, because header values alias them: a value a filter keeps
// holds on to those bytes only, not to the request (whose cleanup hands Envoy's request
// object back), and a value passed to C points into memory cgo's pointer check accepts.
//
// Sized per plugin config (storeSizes): every stream allocates and zeroes its store, and
// the collector runs once per so many bytes allocated, so room a plugin's streams never
// use costs every request (docs/benchmarks/runtime.md). A stream gets as much as the
// config's streams have needed so far, up to maxStoreSlots and maxStoreBytes.
type headerStore struct {
	slots     []api.Header
	bytes     []byte
	usedSlots int32
	usedBytes int32
	// wantSlots and wantBytes are what this stream asked of the store, fitting or not;
	// sizes, when set, learns them.
	wantSlots int32
	wantBytes int32
	sizes     *storeSizes
}

const (
	// maxStoreSlots is room for a map of 16 headers with 6 added ones: what fills the
	// 1152-byte size class (requestWithSlots22).
	maxStoreSlots = 22
	// maxStoreBytes is a browser's request headers without large cookies.
	maxStoreBytes = 1024
	// minStoreBytes is what a stream of a plugin with header hooks gets before any of
	// the config's streams has copied a map: the bytes are made with the request even
	// then, so that a hook's header work never allocates (only a map that outgrows the
	// store does).
	minStoreBytes = 64
)

// storeSizes is what a plugin config's streams have asked of their stores at most: the
// size of the next streams' stores. It only grows, to the maximums.
type storeSizes struct {
	slots atomic.Int32
	bytes atomic.Int32
}

// growTo raises v to want (at most limit). Streams of every worker learn into one
// config: a plain load first, the exchange only on growth, which stops at the limit.
func growTo(v *atomic.Int32, want, limit int32) {
	want = min(want, limit)
	for {
		have := v.Load()
		if have >= want || v.CompareAndSwap(have, want) {
			return
		}
	}
}

// storeBytesFor is the byte size of a store for a config that has needed n bytes:
// rounded up to a multiple of 32, the allocator's size classes up to 512 bytes.
func storeBytesFor(n int32) int {
	return max(minStoreBytes, (int(n)+31)&^31)
}

// satAdd is a + n, held at math.MaxInt32 (n >= 0).
func satAdd(a int32, n int) int32 {
	return int32(min(int64(a)+int64(n), math.MaxInt32))
}

// entries returns room for num entries and up to spareHeaderSlots added ones, or false
// when num entries do not fit.
func (s *headerStore) entries(num int) ([]api.Header, bool) {
	if num < 0 || num > math.MaxInt32-spareHeaderSlots {
		return nil, false
	}
	s.wantSlots = satAdd(s.wantSlots, num+spareHeaderSlots)
	if s.sizes != nil {
		growTo(&s.sizes.slots, s.wantSlots, maxStoreSlots)
	}
	lo := int(s.usedSlots)
	if num > len(s.slots)-lo {
		return nil, false
	}
	end := min(lo+num+spareHeaderSlots, len(s.slots))
	s.usedSlots = int32(end)
	return s.slots[lo : lo+num : end], true
}

// buffer returns n bytes, or false when they do not fit.
func (s *headerStore) buffer(n int) ([]byte, bool) {
	if n < 0 {
		return nil, false
	}
	s.wantBytes = satAdd(s.wantBytes, n)
	if s.sizes != nil {
		growTo(&s.sizes.bytes, s.wantBytes, maxStoreBytes)
	}
	lo := int(s.usedBytes)
	if n > len(s.bytes)-lo {
		return nil, false
	}
	s.usedBytes = int32(lo + n)
	return s.bytes[lo : lo+n : lo+n], true
}

// copyHeaderMap copies the header (or trailer) map attached to state, num entries
// holding size bytes as Envoy announced them, into store when it fits there (store may
// be nil) and into memory of its own otherwise. The result keeps room for added headers.
func copyHeaderMap(state *cProcessState, trailers bool, num, size uint64, store *headerStore) ([]api.Header, error) {
	var entries []api.Header
	var buf []byte
	haveEntries, haveBuf := false, false
	if store != nil {
		entries, haveEntries = store.entries(int(num))
		buf, haveBuf = store.buffer(int(size))
	}
	if num == 0 && !haveEntries {
		return nil, nil
	}
	if !haveEntries {
		entries = make([]api.Header, num, num+spareHeaderSlots)
	}
	if !haveBuf {
		buf = make([]byte, size)
	}
	if num == 0 {
		return entries, nil
	}
	if err := capiCopyHeaderMap(state, trailers, buf, entries); err != nil {
		return nil, err
	}
	return entries, nil
}
