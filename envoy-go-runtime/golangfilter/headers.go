package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// headerMap is a header or trailer map of the hook being run. Reads come from a copy of
// the whole map (CopyHeaders/CopyTrailers, one call); writes go to Envoy at once and
// update the copy the same way Envoy updates its map, so reads after writes agree with
// Envoy without another copy.
//
// When the copy is made: a map handed to a header hook with up to maxCopyOnReadHeaders
// entries is copied on its first read, into the request's headerStore when it fits: one
// C call, no allocation, and every later read is local. Larger maps, and maps of a log
// entry, answer single-header reads (Get, Has) from Envoy (GetHeader: headers only,
// Envoy has no single-trailer lookup, so trailers are always copied) until something
// needs the whole map, so that reading a header or two of a big map does not copy it.
type headerMap struct {
	// req keeps the request reachable while the map is: its cleanup frees the Envoy
	// memory state points into. A map handed to a header hook (useStore, dispatch.go)
	// takes its copy from req.store, when the request has one.
	req   *request
	state *C.processState
	// num and size are the entry count and byte size Envoy announced for the map; they
	// size the copy, so the map is loaded before the first write changes them.
	num, size uint64
	entries   []api.Header
	// what names the map in errors ("request headers").
	what string
	// ranging counts the Ranges iterating over entries' backing array; while there is
	// one (shared), a write moves the copy to a new array (own) instead of changing the
	// one a Range reads. Otherwise writes change the copy in place, without allocating.
	ranging  int32
	shared   bool
	loaded   bool
	useStore bool
	trailers bool
	readOnly bool
}

type requestHeaders struct{ headerMap }

type responseHeaders struct{ headerMap }

var (
	_ api.RequestHeaderMap  = (*requestHeaders)(nil)
	_ api.ResponseHeaderMap = (*responseHeaders)(nil)
	_ api.HeaderMap         = (*headerMap)(nil)
)

// maxCopyOnReadHeaders is the largest map copied on its first read, rather than asked
// for one header at a time.
const maxCopyOnReadHeaders = maxStackHeaders

// store is where the map's copy goes: the request's headerStore for a map handed to a
// header hook, nil (memory of its own) otherwise or when the request has none.
func (m *headerMap) store() *headerStore {
	if m.useStore {
		return m.req.store
	}
	return nil
}

// copiesOnRead reports whether the first read copies the whole map (see headerMap).
func (m *headerMap) copiesOnRead() bool {
	return m.trailers || (m.num <= maxCopyOnReadHeaders && m.store() != nil)
}

func (m *headerMap) load() {
	if m.loaded {
		return
	}
	entries, err := copyHeaderMap(m.state, m.trailers, m.num, m.size, m.store())
	if err != nil {
		panic(fmt.Errorf("cannot read %s: %w", m.what, err))
	}
	m.entries = entries
	m.loaded = true
}

// Get returns the first value of name.
func (m *headerMap) Get(name string) (string, bool) {
	if !m.loaded && !m.copiesOnRead() {
		view, found := m.lookup(name)
		// The view points into Envoy's map: keep a copy.
		return strings.Clone(view), found
	}
	return m.localGet(name)
}

func (m *headerMap) localGet(name string) (string, bool) {
	m.load()
	name = lowerASCII(name)
	for i := range m.entries {
		if m.entries[i].Name == name {
			return m.entries[i].Value, true
		}
	}
	return "", false
}

func (m *headerMap) lookup(name string) (view string, found bool) {
	view, found, err := capiGetHeader(m.state, name)
	if err != nil {
		panic(fmt.Errorf("cannot read %s: %w", m.what, err))
	}
	return view, found
}

func (m *headerMap) GetAll(name string) []string {
	m.load()
	name = lowerASCII(name)
	var values []string
	for _, h := range m.entries {
		if h.Name == name {
			values = append(values, h.Value)
		}
	}
	return values
}

func (m *headerMap) Has(name string) bool {
	if !m.loaded && !m.copiesOnRead() {
		// Only presence is needed: the view is not kept, so it is not copied.
		_, found := m.lookup(name)
		return found
	}
	_, ok := m.localGet(name)
	return ok
}

func (m *headerMap) Keys() []string {
	m.load()
	keys := make([]string, 0, len(m.entries))
	for _, h := range m.entries {
		if !containsString(keys, h.Name) {
			keys = append(keys, h.Name)
		}
	}
	return keys
}

func (m *headerMap) Range(fn func(name, value string) bool) {
	m.load()
	m.ranging++
	m.shared = true
	defer func() {
		if m.ranging--; m.ranging == 0 {
			m.shared = false
		}
	}()
	for _, h := range m.entries {
		if !fn(h.Name, h.Value) {
			return
		}
	}
}

func (m *headerMap) Set(name, value string) {
	name = m.prepareWrite(name, value)
	if err := capiSetHeader(m.state, m.trailers, name, value, false); err != nil {
		panic(fmt.Errorf("cannot set %q in %s: %w", name, m.what, err))
	}
	m.setLocal(name, value)
}

func (m *headerMap) Add(name, value string) {
	name = m.prepareWrite(name, value)
	if err := capiSetHeader(m.state, m.trailers, name, value, true); err != nil {
		panic(fmt.Errorf("cannot add %q to %s: %w", name, m.what, err))
	}
	m.addLocal(name, value)
}

func (m *headerMap) Remove(name string) {
	name = m.prepareWrite(name, "")
	if err := capiRemoveHeader(m.state, m.trailers, name); err != nil {
		panic(fmt.Errorf("cannot remove %q from %s: %w", name, m.what, err))
	}
	m.removeLocal(name)
}

// setLocal, addLocal and removeLocal update the loaded copy the way Envoy updates its
// map after the write (setCopy: remove every value, then add).
func (m *headerMap) setLocal(name, value string) {
	m.own()
	m.entries = insertHeader(removeHeader(m.entries, name), name, value)
}

func (m *headerMap) addLocal(name, value string) {
	m.own()
	m.entries = insertHeader(m.entries, name, value)
}

func (m *headerMap) removeLocal(name string) {
	m.own()
	m.entries = removeHeader(m.entries, name)
}

// own makes the copy's backing array the map's alone to change in place: while a Range
// iterates over it, the copy moves to a new array first.
func (m *headerMap) own() {
	if m.shared {
		m.entries = append(make([]api.Header, 0, len(m.entries)+spareHeaderSlots), m.entries...)
		m.shared = false
	}
}

// prepareWrite validates a write and returns the lower-cased name.
func (m *headerMap) prepareWrite(name, value string) string {
	if m.readOnly {
		panic(fmt.Errorf("%s are read-only here", m.what))
	}
	lower, err := checkHeader(name, value)
	if err != nil {
		panic(err)
	}
	m.load()
	return lower
}

func (m *requestHeaders) Method() string { v, _ := m.Get(":method"); return v }
func (m *requestHeaders) Path() string   { v, _ := m.Get(":path"); return v }
func (m *requestHeaders) Host() string   { v, _ := m.Get(":authority"); return v }
func (m *requestHeaders) Scheme() string { v, _ := m.Get(":scheme"); return v }

// Status is :status as a number, or 0 when it is missing or not a number.
func (m *responseHeaders) Status() int {
	v, _ := m.Get(":status")
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0
	}
	return n
}

// insertHeader adds an entry where Envoy's header map puts it: pseudo-headers after the
// last pseudo-header, others at the end.
func insertHeader(entries []api.Header, name, value string) []api.Header {
	h := api.Header{Name: name, Value: value}
	if !isPseudoHeader(name) {
		return append(entries, h)
	}
	at := 0
	for at < len(entries) && isPseudoHeader(entries[at].Name) {
		at++
	}
	entries = append(entries, api.Header{})
	copy(entries[at+1:], entries[at:])
	entries[at] = h
	return entries
}

// removeHeader drops every entry named name, compacting entries in place (the caller
// owns its backing array); without such an entry it changes nothing.
func removeHeader(entries []api.Header, name string) []api.Header {
	first := -1
	for i := range entries {
		if entries[i].Name == name {
			first = i
			break
		}
	}
	if first < 0 {
		return entries
	}
	kept := entries[:first]
	for _, h := range entries[first+1:] {
		if h.Name != name {
			kept = append(kept, h)
		}
	}
	// The vacated slots would keep their strings reachable.
	clear(entries[len(kept):])
	return kept
}

func isPseudoHeader(name string) bool { return len(name) > 0 && name[0] == ':' }

// validateHeader rejects what would corrupt the HTTP framing: Envoy does not check in
// release builds.
func validateHeader(name, value string) error {
	_, err := checkHeader(name, value)
	return err
}

// checkHeader is validateHeader that also returns the name lower-cased (lowerASCII),
// reading the name once.
func checkHeader(name, value string) (lower string, err error) {
	if name == "" {
		return "", fmt.Errorf("invalid header name: empty")
	}
	var seen uint8
	for i := 0; i < len(name); i++ {
		seen |= nameBytes[name[i]]
	}
	if seen&nameByteInvalid != 0 {
		return "", fmt.Errorf("invalid header name %q", name)
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; c <= '\r' && (c == 0 || c == '\r' || c == '\n') {
			return "", fmt.Errorf("invalid value for header %q: contains NUL, CR or LF", name)
		}
	}
	if seen&nameByteUpper != 0 {
		name = lowerASCII(name)
	}
	return name, nil
}

// nameBytes classifies the bytes of a header name.
var nameBytes = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c <= ' ' || c == 0x7f:
			t[c] = nameByteInvalid
		case c >= 'A' && c <= 'Z':
			t[c] = nameByteUpper
		}
	}
	return t
}()

const (
	nameByteInvalid = 1 << iota
	nameByteUpper
)

// lowerASCII lower-cases like Envoy's LowerCaseString, allocating only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
