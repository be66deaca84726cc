// Package pbwire reads the protobuf wire format: just enough to walk the few well-known
// messages a plugin config arrives in, without a protobuf dependency.
package pbwire

import (
	"errors"
	"fmt"
	"math"
)

// WireType is the low three bits of a field key.
type WireType int

const (
	Varint  WireType = 0
	Fixed64 WireType = 1
	Bytes   WireType = 2
	// StartGroup and EndGroup are deprecated; the reader skips them.
	StartGroup WireType = 3
	EndGroup   WireType = 4
	Fixed32    WireType = 5
)

// ErrTruncated reports input that ends inside a field.
var ErrTruncated = errors.New("truncated message")

// Field is one field read from a message. For Bytes fields, Data aliases the input.
type Field struct {
	Number int32
	Type   WireType
	Varint uint64 // Varint value, or the raw bits of Fixed64/Fixed32
	Data   []byte // Bytes payload
}

// Double interprets a Fixed64 field as an IEEE 754 double.
func (f Field) Double() float64 { return math.Float64frombits(f.Varint) }

// Reader walks the fields of one message in wire order.
type Reader struct {
	buf []byte
	pos int
}

// NewReader reads the fields of msg.
func NewReader(msg []byte) *Reader { return &Reader{buf: msg} }

// Next returns the next field; ok is false at the end of the message. Group fields are
// skipped whole.
func (r *Reader) Next() (f Field, ok bool, err error) {
	for {
		if r.pos >= len(r.buf) {
			return Field{}, false, nil
		}
		key, err := r.varint()
		if err != nil {
			return Field{}, false, err
		}
		num := key >> 3
		if num == 0 || num > math.MaxInt32>>2 {
			return Field{}, false, fmt.Errorf("invalid field number %d", num)
		}
		f = Field{Number: int32(num), Type: WireType(key & 7)}
		switch f.Type {
		case Varint:
			f.Varint, err = r.varint()
		case Fixed64:
			f.Varint, err = r.fixed(8)
		case Fixed32:
			f.Varint, err = r.fixed(4)
		case Bytes:
			f.Data, err = r.bytes()
		case StartGroup:
			if err = r.skipGroup(f.Number); err == nil {
				continue
			}
		default:
			err = fmt.Errorf("field %d: unexpected wire type %d", num, f.Type)
		}
		if err != nil {
			return Field{}, false, err
		}
		return f, true, nil
	}
}

func (r *Reader) varint() (uint64, error) {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.pos >= len(r.buf) {
			return 0, ErrTruncated
		}
		b := r.buf[r.pos]
		r.pos++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("varint longer than 10 bytes")
}

func (r *Reader) fixed(n int) (uint64, error) {
	if len(r.buf)-r.pos < n {
		return 0, ErrTruncated
	}
	var v uint64
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(r.buf[r.pos+i])
	}
	r.pos += n
	return v, nil
}

func (r *Reader) bytes() ([]byte, error) {
	n, err := r.varint()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(r.buf)-r.pos) {
		return nil, ErrTruncated
	}
	b := r.buf[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return b, nil
}

func (r *Reader) skipGroup(num int32) error {
	for {
		f, ok, err := r.nextRaw()
		if err != nil {
			return err
		}
		if !ok {
			return ErrTruncated
		}
		if f.Type == EndGroup {
			if f.Number != num {
				return fmt.Errorf("group %d closed by field %d", num, f.Number)
			}
			return nil
		}
	}
}

// nextRaw is Next without group handling, returning EndGroup keys to skipGroup.
func (r *Reader) nextRaw() (Field, bool, error) {
	if r.pos >= len(r.buf) {
		return Field{}, false, nil
	}
	key, err := r.varint()
	if err != nil {
		return Field{}, false, err
	}
	f := Field{Number: int32(key >> 3), Type: WireType(key & 7)}
	switch f.Type {
	case Varint:
		_, err = r.varint()
	case Fixed64:
		_, err = r.fixed(8)
	case Fixed32:
		_, err = r.fixed(4)
	case Bytes:
		_, err = r.bytes()
	case StartGroup:
		err = r.skipGroup(f.Number)
	case EndGroup:
	default:
		err = fmt.Errorf("field %d: unexpected wire type %d", f.Number, f.Type)
	}
	return f, err == nil, err
}
