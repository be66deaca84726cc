package pbwire

import (
	"encoding/binary"
	"math"
)

// google.protobuf.Struct and Value, as Envoy's dynamic metadata carries them: the golang
// filter hands Go a namespace's serialized Struct and takes one serialized Value per key.

// ValueKind is the oneof field number of a google.protobuf.Value.
type ValueKind int

const (
	KindUnset  ValueKind = 0
	KindNull   ValueKind = 1
	KindNumber ValueKind = 2
	KindString ValueKind = 3
	KindBool   ValueKind = 4
	KindStruct ValueKind = 5
	KindList   ValueKind = 6
)

// Value is a decoded google.protobuf.Value; structs and lists keep only their kind.
type Value struct {
	Kind   ValueKind
	Number float64
	String string
	Bool   bool
}

// StructField returns the serialized Value of key in a serialized Struct. A key present
// more than once takes its last entry, as protobuf maps do.
func StructField(msg []byte, key string) (value []byte, found bool, err error) {
	r := NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return nil, false, err
		}
		if !ok {
			return value, found, nil
		}
		if f.Number != 1 || f.Type != Bytes { // map<string, Value> fields = 1
			continue
		}
		k, v, err := mapEntry(f.Data)
		if err != nil {
			return nil, false, err
		}
		if k == key {
			value, found = v, true
		}
	}
}

// mapEntry reads a map entry message: key = 1, value = 2.
func mapEntry(msg []byte) (key string, value []byte, err error) {
	r := NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return "", nil, err
		}
		if !ok {
			return key, value, nil
		}
		if f.Type != Bytes {
			continue
		}
		switch f.Number {
		case 1:
			key = string(f.Data)
		case 2:
			value = f.Data
		}
	}
}

// DecodeValue reads a serialized Value; the last oneof member present wins.
func DecodeValue(msg []byte) (Value, error) {
	var v Value
	r := NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return v, nil
		}
		switch {
		case f.Number == 1 && f.Type == Varint:
			v = Value{Kind: KindNull}
		case f.Number == 2 && f.Type == Fixed64:
			v = Value{Kind: KindNumber, Number: f.Double()}
		case f.Number == 3 && f.Type == Bytes:
			v = Value{Kind: KindString, String: string(f.Data)}
		case f.Number == 4 && f.Type == Varint:
			v = Value{Kind: KindBool, Bool: f.Varint != 0}
		case f.Number == 5 && f.Type == Bytes:
			v = Value{Kind: KindStruct}
		case f.Number == 6 && f.Type == Bytes:
			v = Value{Kind: KindList}
		}
	}
}

// AppendStringValue appends a Value holding s. A oneof member is written even when it
// holds its default, as protobuf does.
func AppendStringValue(b []byte, s string) []byte {
	b = append(b, 3<<3|byte(Bytes))
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendNumberValue appends a Value holding f.
func AppendNumberValue(b []byte, f float64) []byte {
	b = append(b, 2<<3|byte(Fixed64))
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

// AppendBoolValue appends a Value holding v.
func AppendBoolValue(b []byte, v bool) []byte {
	b = append(b, 4<<3|byte(Varint))
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}
