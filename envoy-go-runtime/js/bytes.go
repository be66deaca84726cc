package js

import (
	"iter"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Uint8Array is a Go []byte: a fixed-length view; subarray() shares the bytes, slice() copies.

// toUint8 is the conversion a Uint8Array applies to stored numbers (ToUint8: modulo 256).
func toUint8(f float64) byte { return byte(ToUint32(f)) }

// BytesOf is new Uint8Array([values...]).
func BytesOf(values ...float64) []byte {
	out := make([]byte, len(values))
	for i, v := range values {
		out[i] = toUint8(v)
	}
	return out
}

// NewBytes is new Uint8Array(length).
func NewBytes(length float64) []byte {
	if length < 0 || length != math.Trunc(length) || length > 1<<31 {
		panic(NewRangeError("Invalid typed array length: " + NumberToString(length)))
	}
	return make([]byte, int(length))
}

// BytesFromArray is new Uint8Array(numbers).
func BytesFromArray(a *Array[float64]) []byte { return BytesOf(a.items...) }

// ByteAt is b[i]: the byte as a number, or undefined out of range.
func ByteAt(b []byte, i int) (float64, bool) {
	if i < 0 || i >= len(b) {
		return 0, false
	}
	return float64(b[i]), true
}

// SetByte is b[i] = v: out-of-range writes are ignored, as JavaScript does for typed arrays.
func SetByte(b []byte, i int, v float64) {
	if i >= 0 && i < len(b) {
		b[i] = toUint8(v)
	}
}

// Subarray is b.subarray(start, end): a view sharing the bytes.
func Subarray(b []byte, start, end int) []byte {
	from, to := relativeIndex(start, len(b)), relativeIndex(end, len(b))
	if from >= to {
		return b[from:from:from]
	}
	return b[from:to:to]
}

// SliceBytes is b.slice(start, end): a copy.
func SliceBytes(b []byte, start, end int) []byte {
	return append([]byte{}, Subarray(b, start, end)...)
}

// SetBytes is b.set(src, offset).
func SetBytes(b, src []byte, offset int) {
	if offset < 0 || offset+len(src) > len(b) {
		panic(NewRangeError("offset is out of bounds"))
	}
	copy(b[offset:], src)
}

// FillBytes is b.fill(v, start, end).
func FillBytes(b []byte, v float64, start, end int) []byte {
	x := toUint8(v)
	for i := relativeIndex(start, len(b)); i < relativeIndex(end, len(b)); i++ {
		b[i] = x
	}
	return b
}

// IndexOfByte is b.indexOf(v).
func IndexOfByte(b []byte, v float64) int {
	if v != math.Trunc(v) || v < 0 || v > 255 {
		return -1
	}
	for i, c := range b {
		if float64(c) == v {
			return i
		}
	}
	return -1
}

// JoinBytes is b.join(sep) / String(b).
func JoinBytes(b []byte, sep string) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = strconv.Itoa(int(c))
	}
	return strings.Join(parts, sep)
}

// IsBytes is `v instanceof Uint8Array`.
func IsBytes(v any) bool {
	_, ok := v.([]byte)
	return ok
}

// TextEncoder is new TextEncoder() (UTF-8).
type TextEncoder struct{}

// NewTextEncoder is new TextEncoder().
func NewTextEncoder() *TextEncoder { return &TextEncoder{} }

// Encoding is encoder.encoding.
func (*TextEncoder) Encoding() string { return "utf-8" }

// Encode is encoder.encode(s): UTF-8, lone surrogates as U+FFFD.
func (*TextEncoder) Encode(s string) []byte { return []byte(WellFormed(s)) }

// TextDecoder is new TextDecoder("utf-8", { fatal }).
type TextDecoder struct{ Fatal bool }

// NewTextDecoder is new TextDecoder(label, { fatal }).
func NewTextDecoder(fatal bool) *TextDecoder { return &TextDecoder{Fatal: fatal} }

// Encoding is decoder.encoding.
func (*TextDecoder) Encoding() string { return "utf-8" }

// Decode is decoder.decode(bytes): the WHATWG UTF-8 decoder (a leading BOM is dropped;
// each maximal invalid subsequence becomes one U+FFFD, or a TypeError when fatal).
func (d *TextDecoder) Decode(b []byte) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	if utf8.Valid(b) {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || n > 1 {
			out.WriteRune(r)
			i += n
			continue
		}
		if d.Fatal {
			panic(NewTypeError("The encoded data was not valid for encoding utf-8"))
		}
		out.WriteRune(utf8.RuneError)
		i += maximalSubpart(b[i:])
	}
	return out.String()
}

// maximalSubpart is the length of the invalid sequence at the start of b that the WHATWG
// decoder replaces by one U+FFFD: a valid prefix of a multi-byte sequence, or one byte.
func maximalSubpart(b []byte) int {
	c := b[0]
	var need int
	lower, upper := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lower = 0xA0
		} else if c == 0xED {
			upper = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lower = 0x90
		} else if c == 0xF4 {
			upper = 0x8F
		}
	default:
		return 1
	}
	n := 1
	for k := 0; k < need && n < len(b); k++ {
		if b[n] < lower || b[n] > upper {
			break
		}
		lower, upper = 0x80, 0xBF
		n++
	}
	return n
}

// ByteValues iterates the bytes as numbers (for...of, Array.from).
func ByteValues(b []byte) iter.Seq[float64] {
	return func(yield func(float64) bool) {
		for _, c := range b {
			if !yield(float64(c)) {
				return
			}
		}
	}
}
