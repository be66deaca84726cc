package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// bodyBuffer is the body chunk of a data hook, an Envoy Buffer::Instance known by its
// handle. Reads copy it once; writes go to Envoy and update the copy. The copy is never
// modified in place (writes build a new slice), so String can alias it.
type bodyBuffer struct {
	req    *request // keeps the request, and the memory state points into, alive
	state  *C.processState
	handle uint64
	length int
	data   []byte
	loaded bool
}

var _ api.BodyBuffer = (*bodyBuffer)(nil)

func (b *bodyBuffer) load() {
	if b.loaded {
		return
	}
	data, err := capiGetBuffer(b.state, b.handle, b.length)
	if err != nil {
		panic(fmt.Errorf("cannot read the body: %w", err))
	}
	b.data, b.loaded = data, true
}

func (b *bodyBuffer) Len() int { return b.length }

// Bytes returns a copy the caller may modify.
func (b *bodyBuffer) Bytes() []byte {
	b.load()
	return append([]byte(nil), b.data...)
}

func (b *bodyBuffer) String() string {
	b.load()
	return unsafe.String(unsafe.SliceData(b.data), len(b.data))
}

func (b *bodyBuffer) Set(data []byte) {
	b.check(capiSetBufferBytes(b.state, b.handle, data, bufferSet))
	b.replace(append([]byte(nil), data...))
}

func (b *bodyBuffer) SetString(data string) {
	b.check(capiSetBufferString(b.state, b.handle, data, bufferSet))
	b.replace([]byte(data))
}

func (b *bodyBuffer) Append(data []byte) {
	b.check(capiSetBufferBytes(b.state, b.handle, data, bufferAppend))
	b.grow(string(data), false)
}

func (b *bodyBuffer) AppendString(data string) {
	b.check(capiSetBufferString(b.state, b.handle, data, bufferAppend))
	b.grow(data, false)
}

func (b *bodyBuffer) Prepend(data []byte) {
	b.check(capiSetBufferBytes(b.state, b.handle, data, bufferPrepend))
	b.grow(string(data), true)
}

func (b *bodyBuffer) PrependString(data string) {
	b.check(capiSetBufferString(b.state, b.handle, data, bufferPrepend))
	b.grow(data, true)
}

// Drain removes the first n bytes; n is clamped to [0, Len()].
func (b *bodyBuffer) Drain(n int) {
	n = max(0, min(n, b.length))
	if n == 0 {
		return
	}
	b.check(capiDrainBuffer(b.state, b.handle, n))
	b.length -= n
	if b.loaded {
		b.data = b.data[n:]
	}
}

func (b *bodyBuffer) check(err error) {
	if err != nil {
		panic(fmt.Errorf("cannot change the body: %w", err))
	}
}

func (b *bodyBuffer) replace(data []byte) {
	b.data, b.length, b.loaded = data, len(data), true
}

// grow records an append or prepend; an unloaded copy only tracks the length.
func (b *bodyBuffer) grow(data string, front bool) {
	b.length += len(data)
	if !b.loaded {
		return
	}
	next := make([]byte, 0, len(b.data)+len(data))
	if front {
		next = append(append(next, data...), b.data...)
	} else {
		next = append(append(next, b.data...), data...)
	}
	b.data = next
}
