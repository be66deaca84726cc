package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// request is the Go side of one HTTP stream: the plugin's filter and what the runtime
// needs to call Envoy for it. It is also the filter's api.Context.
//
// A stream's synchronous work allocates nothing beyond this object (and the record of
// its cleanup): the invocation of a synchronous hook, the header maps and the storage of
// their copies (headerStore) are part of it.
type request struct {
	c      *C.httpRequest
	config *pluginConfig
	filter any
	hooks  hookSet
	// async are the hooks the filter runs asynchronously (api.AsyncHook).
	async api.Hooks

	// The filter lock (hookLock, hooklock.go) serializes the filter's code the way
	// JavaScript's single thread does: the worker holds it while it runs a hook, an async
	// hook's goroutine while it runs, and both let go while a hook sleeps or waits for
	// Envoy (api.Sleep, yielding getters). It is the library's lock, shared by every
	// stream, unless the plugin is Concurrent: then streamLock, this stream's own.
	concurrent bool
	streamLock sync.Mutex
	// running is the hook invocation that holds the filter lock, nil when none: what the
	// Context's calls (a local reply, most of all) refer to. Read and written only under
	// the filter lock.
	running *invocation
	// syncInv is the invocation of every hook run on the worker; an async hook gets one
	// of its own (it outlives the entry that started it).
	syncInv invocation

	// decoding and encoding are Envoy's per-direction states, known from the first
	// entry of each direction (written under the filter lock).
	decoding *C.processState
	encoding *C.processState

	// created is set once NewFilter has been attempted.
	created bool
	// destroyed is set by OnHttpDestroy: failures of hooks still running afterwards
	// have no client to answer and are dropped silently.
	destroyed atomic.Bool
	// pendingPanic is a panic an async hook could not answer with a panic reply
	// (CAPINotInGo): the next entry into Go for the stream answers it (Envoy's shim does
	// the same).
	pendingPanic atomic.Pointer[string]

	// capiMu keeps the Envoy-side scratch string getters return their values in from
	// being used by two goroutines at once, and guards yields.
	capiMu sync.Mutex
	yields []*yieldSlot

	// The maps handed to decodeHeaders and encodeHeaders (headerMapFor); mapsUsed has
	// the bit of each header hook that ran.
	requestHeaders  requestHeaders
	responseHeaders responseHeaders
	mapsUsed        hookSet

	// store holds the copies of the stream's header maps (headers.go): the rest of the
	// request's allocation (newRequest) and its bytes, or nil for a stream of a
	// plugin whose filters have no header hook (its maps copy into memory of their own).
	store *headerStore
}

// requestWithStore is a request and its header store in one allocation; the
// requestWithSlots types add the store's slots, in the sizes newRequest picks from.
type requestWithStore struct {
	request
	store headerStore
}

// Each fills a size class of the allocator (TestARequestWithItsSlotsFitsItsSizeClass):
// 704, 896 and 1152 bytes.
type requestWithSlots8 struct {
	requestWithStore
	slots [8]api.Header
}

type requestWithSlots14 struct {
	requestWithStore
	slots [14]api.Header
}

type requestWithSlots22 struct {
	requestWithStore
	slots [maxStoreSlots]api.Header
}

// newRequest allocates a stream's request, with a header store sized for config
// (storeSizes) unless the config's filters have no header hook.
func newRequest(config *pluginConfig) *request {
	if config == nil || config.noHeaderHooks.Load() {
		return &request{}
	}
	var rs *requestWithStore
	switch n := config.storeSizes.slots.Load(); {
	case n == 0:
		rs = &requestWithStore{}
	case n <= 8:
		r := &requestWithSlots8{}
		r.store.slots = r.slots[:]
		rs = &r.requestWithStore
	case n <= 14:
		r := &requestWithSlots14{}
		r.store.slots = r.slots[:]
		rs = &r.requestWithStore
	default:
		r := &requestWithSlots22{}
		r.store.slots = r.slots[:]
		rs = &r.requestWithStore
	}
	rs.store.bytes = make([]byte, storeBytesFor(config.storeSizes.bytes.Load()))
	rs.store.sizes = &config.storeSizes
	rs.request.store = &rs.store
	return &rs.request
}

// invocation is one run of a hook.
type invocation struct {
	hook hook
	// state is the direction of a decode/encode hook, nil for onLog, onStreamComplete
	// and onDestroy.
	state *C.processState
	// replied records a SendLocalReply during this invocation.
	replied bool
	// parked, for an async hook, is closed when the hook first lets go of the filter lock
	// (its first await, or its end): the entry that started it returns Running then.
	parked   chan struct{}
	parkOnce sync.Once
}

// Per-worker request tables: Envoy calls a stream's entry points only on its worker
// thread, so each table is touched by one thread and needs no lock. Envoy announces the
// worker count with the first config.
var (
	tablesOnce sync.Once
	tables     []map[*C.httpRequest]*request

	// liveRequests counts Envoy request objects not yet handed back with
	// envoyGoFilterHttpFinalize.
	liveRequests atomic.Int64
)

func initTables(concurrency uint32) {
	tablesOnce.Do(func() {
		if concurrency == 0 {
			concurrency = 1
		}
		tables = make([]map[*C.httpRequest]*request, concurrency)
		for i := range tables {
			tables[i] = map[*C.httpRequest]*request{}
		}
	})
}

func tableOf(r *C.httpRequest) map[*C.httpRequest]*request {
	w := int(r.worker_id)
	if w >= len(tables) {
		logf(api.LogError, "request on worker %d, but Envoy announced %d workers", w, len(tables))
		return nil
	}
	return tables[w]
}

func findRequest(r *C.httpRequest) *request {
	if t := tableOf(r); t != nil {
		return t[r]
	}
	return nil
}

// findOrCreateRequest returns the stream's request, creating it on the first entry
// into Go (a header callback, or the access log when it comes first).
func findOrCreateRequest(r *C.httpRequest) *request {
	t := tableOf(r)
	if t == nil {
		return nil
	}
	if req := t[r]; req != nil {
		return req
	}
	config := lookupConfig(uint64(r.configId))
	req := newRequest(config)
	req.c, req.config = r, config
	req.concurrent = config != nil && config.plugin.Concurrent
	t[r] = req
	liveRequests.Add(1)
	// Envoy frees its request object when Go says so; do it once nothing in Go (a
	// stream's hooks, goroutines a filter started, a header map or value a filter kept)
	// can reach the request any more. A cleanup rather than a finalizer, which would
	// not allocate its two small records: a finalizer never runs for an object that
	// reaches itself, and a request does (its maps point into its slots, its filter may
	// hold the Context); per stream the two measured the same time. Attached to req, the
	// cleanup covers the whole allocation newRequest made: req is its start.
	runtime.AddCleanup(req, finalizeRequest, r)
	return req
}

func finalizeRequest(r *C.httpRequest) {
	capiFinalizeRequest(r)
	liveRequests.Add(-1)
}

// forget removes the request from its table after OnDestroy; it stays alive only as
// long as something else references it.
func (req *request) forget() {
	if t := tableOf(req.c); t != nil {
		delete(t, req.c)
	}
	req.filter = nil
}

// attach records the direction state on the first entry of that direction.
func (req *request) attach(s *C.processState) {
	if s == nil {
		return
	}
	if s.is_encoding == 0 {
		req.decoding = s
	} else {
		req.encoding = s
	}
}

func (req *request) pluginName() string {
	if req.config == nil {
		return C.GoStringN(req.c.plugin_name.data, C.int(req.c.plugin_name.len))
	}
	return req.config.plugin.Name
}

// hookSet records which hook interfaces a filter type implements.
type hookSet uint16

const (
	hasDecodeHeaders hookSet = 1 << iota
	hasDecodeData
	hasDecodeTrailers
	hasEncodeHeaders
	hasEncodeData
	hasEncodeTrailers
	hasLog
	hasStreamComplete
	hasDestroy
)

// filterHooks is the hook set of one filter type.
type filterHooks struct {
	typ   reflect.Type
	hooks hookSet
}

// hooksOf is the hook set of filter, a filter of the config's plugin.
func (c *pluginConfig) hooksOf(filter any) hookSet {
	t := reflect.TypeOf(filter)
	if last := c.lastHooks.Load(); last != nil && last.typ == t {
		return last.hooks
	}
	h := hooksOf(filter)
	c.lastHooks.Store(&filterHooks{typ: t, hooks: h})
	return h
}

// hookSets caches the hook set per filter type: computed on the first stream of a type.
var hookSets sync.Map // reflect.Type -> hookSet

func hooksOf(filter any) hookSet {
	if filter == nil {
		return 0
	}
	t := reflect.TypeOf(filter)
	if h, ok := hookSets.Load(t); ok {
		return h.(hookSet)
	}
	var h hookSet
	if _, ok := filter.(api.DecodeHeadersHook); ok {
		h |= hasDecodeHeaders
	}
	if _, ok := filter.(api.DecodeDataHook); ok {
		h |= hasDecodeData
	}
	if _, ok := filter.(api.DecodeTrailersHook); ok {
		h |= hasDecodeTrailers
	}
	if _, ok := filter.(api.EncodeHeadersHook); ok {
		h |= hasEncodeHeaders
	}
	if _, ok := filter.(api.EncodeDataHook); ok {
		h |= hasEncodeData
	}
	if _, ok := filter.(api.EncodeTrailersHook); ok {
		h |= hasEncodeTrailers
	}
	if _, ok := filter.(api.LogHook); ok {
		h |= hasLog
	}
	if _, ok := filter.(api.StreamCompleteHook); ok {
		h |= hasStreamComplete
	}
	if _, ok := filter.(api.DestroyHook); ok {
		h |= hasDestroy
	}
	hookSets.Store(t, h)
	return h
}
