package golangfilter

import "github.com/mosn-ts/envoy-go-runtime/api"

// headerStore holds the copies of a stream's header maps, made with the request so that
// a hook's header work allocates nothing: Envoy copies a map's names and values back to
// back into bytes, and the map's entries (in slots) are strings cut from them. Both are
// handed out front to back and never reused while the stream lives. A map that does not
// fit takes memory of its own.
//
// The slots are part of the request object (requestWithStore); the bytes are an
// allocation of their own, without pointers, because header values alias them: a value
// a filter keeps holds on to those bytes only, not to the request (whose cleanup hands
// Envoy's request object back), and a value passed to C points into memory cgo's pointer
// check accepts. Room for a map of 16 headers with 8 added ones, and 1 KiB of names and
// values (a browser's request headers without large cookies): every stream of a plugin
// with header hooks allocates and zeroes the store, and the collector runs once per so
// many bytes allocated, so a larger one costs every request (docs/benchmarks/runtime.md).
type headerStore struct {
	slots     [storeSlots]api.Header
	usedSlots int
	usedBytes int
	bytes     *[storeBytes]byte
}

const (
	storeSlots = 24
	storeBytes = 1024
)

// entries returns room for num entries and up to spareHeaderSlots added ones, or false
// when num entries do not fit.
func (s *headerStore) entries(num int) ([]api.Header, bool) {
	if num < 0 || num > storeSlots-s.usedSlots {
		return nil, false
	}
	lo := s.usedSlots
	end := min(lo+num+spareHeaderSlots, storeSlots)
	s.usedSlots = end
	return s.slots[lo : lo+num : end], true
}

// buffer returns n bytes, or false when they do not fit.
func (s *headerStore) buffer(n int) ([]byte, bool) {
	if n < 0 || n > storeBytes-s.usedBytes {
		return nil, false
	}
	lo := s.usedBytes
	s.usedBytes += n
	return s.bytes[lo:s.usedBytes:s.usedBytes], true
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
