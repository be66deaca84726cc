package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"math"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/internal/pbwire"
)

// dynamicMetadata is Envoy's dynamic metadata of the stream. Envoy hands Go a whole
// namespace as a serialized google.protobuf.Struct and takes one key at a time as a
// serialized google.protobuf.Value, which it merges into the namespace.
type dynamicMetadata struct{ req *request }

var _ api.DynamicMetadata = dynamicMetadata{}

// lookup returns the value of key in namespace; Kind is KindUnset when there is none.
func (m dynamicMetadata) lookup(what, namespace, key string) pbwire.Value {
	slot := m.req.yieldingCall(func(r *request, s *yieldSlot) C.CAPIStatus {
		return capiGetDynamicMetadata(r.c, namespace, s)
	})
	if slot.abandoned {
		panic(fmt.Errorf("metadata.%s: %w", what, capiError(C.CAPIFilterIsDestroy)))
	}
	if slot.status != C.CAPIOK {
		panic(fmt.Errorf("metadata.%s: %w", what, capiError(slot.status)))
	}
	// An absent namespace leaves the slot untouched: no value.
	raw, found, err := pbwire.StructField([]byte(slot.raw), key)
	if err != nil {
		panic(fmt.Errorf("metadata.%s: Envoy's metadata does not parse: %v", what, err))
	}
	if !found {
		return pbwire.Value{}
	}
	v, err := pbwire.DecodeValue(raw)
	if err != nil {
		panic(fmt.Errorf("metadata.%s: Envoy's metadata does not parse: %v", what, err))
	}
	return v
}

// GetString is the value of key when it is a string.
func (m dynamicMetadata) GetString(namespace, key string) (string, bool) {
	v := m.lookup("getString", namespace, key)
	return v.String, v.Kind == pbwire.KindString
}

// GetNumber is the value of key when it is a number.
func (m dynamicMetadata) GetNumber(namespace, key string) (float64, bool) {
	v := m.lookup("getNumber", namespace, key)
	return v.Number, v.Kind == pbwire.KindNumber
}

// GetBool is the value of key when it is a boolean.
func (m dynamicMetadata) GetBool(namespace, key string) (bool, bool) {
	v := m.lookup("getBoolean", namespace, key)
	return v.Bool, v.Kind == pbwire.KindBool
}

func (m dynamicMetadata) set(namespace, key string, value []byte) {
	if err := capiSetDynamicMetadata(m.req.c, namespace, key, value); err != nil {
		panic(fmt.Errorf("metadata.set: %w", err))
	}
}

func (m dynamicMetadata) SetString(namespace, key, value string) {
	m.set(namespace, key, pbwire.AppendStringValue(nil, value))
}

// SetNumber stores a finite number; -0 is stored as 0, which is what a Value holding it
// reads back as in JSON.
func (m dynamicMetadata) SetNumber(namespace, key string, value float64) {
	switch {
	case math.IsNaN(value):
		panic(errors.New("metadata.set: NaN is not a finite number"))
	case math.IsInf(value, 1):
		panic(errors.New("metadata.set: Infinity is not a finite number"))
	case math.IsInf(value, -1):
		panic(errors.New("metadata.set: -Infinity is not a finite number"))
	case value == 0:
		value = 0
	}
	m.set(namespace, key, pbwire.AppendNumberValue(nil, value))
}

func (m dynamicMetadata) SetBool(namespace, key string, value bool) {
	m.set(namespace, key, pbwire.AppendBoolValue(nil, value))
}

// filterState is Envoy's filter state of the stream, holding string objects.
type filterState struct{ req *request }

var _ api.FilterState = filterState{}

// Get reads a string object. Envoy writes a value pointer only when the key holds a
// string object, so an empty string is told apart from an absent key.
func (fs filterState) Get(key string) (string, bool) { return fs.get("filterState.get", key) }

// get is Get with the SDK call named in its panics.
func (fs filterState) get(what, key string) (string, bool) {
	slot := fs.req.yieldingCall(func(r *request, s *yieldSlot) C.CAPIStatus {
		return capiGetStringFilterState(r.c, key, s)
	})
	if slot.abandoned {
		panic(fmt.Errorf("%s: %w", what, capiError(C.CAPIFilterIsDestroy)))
	}
	if slot.status != C.CAPIOK {
		panic(fmt.Errorf("%s: %w", what, capiError(slot.status)))
	}
	return slot.raw, slot.present
}

// Envoy's state types; its HTTP filter ignores the value (filter state objects are
// always replaceable now), but passes it on.
const (
	stateReadOnly = 0
	stateMutable  = 1
)

// Set stores a string object.
func (fs filterState) Set(key, value string, options api.FilterStateOptions) {
	stateType := stateMutable
	if options.ReadOnly {
		stateType = stateReadOnly
	}
	// Envoy has life spans 0..2 (its TopSpan is Connection) and stream sharing 0..2; it
	// would act on others unpredictably.
	if options.LifeSpan < api.LifeSpanFilterChain || options.LifeSpan > api.LifeSpanConnection {
		panic(fmt.Errorf("filterState.set: invalid lifeSpan %d", options.LifeSpan))
	}
	if options.StreamSharing < api.StreamSharingNone || options.StreamSharing > api.StreamSharingSharedWithUpstreamConnectionOnce {
		panic(fmt.Errorf("filterState.set: invalid streamSharing %d", options.StreamSharing))
	}
	if err := capiSetStringFilterState(fs.req.c, key, value, stateType, int(options.LifeSpan), int(options.StreamSharing)); err != nil {
		panic(fmt.Errorf("filterState.set: %w", err))
	}
}
