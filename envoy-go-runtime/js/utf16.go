package js

import (
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// JavaScript strings are sequences of UTF-16 code units. Generated code keeps them as
// Go strings holding UTF-8; a lone surrogate (which UTF-8 cannot hold) is stored in its
// generalized 3-byte form (WTF-8). These helpers convert between the two views.

func isASCII(s string) bool {
	if len(s) >= cachedLength {
		return viewOf(s).ascii
	}
	return scanASCII(s)
}

func scanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Long strings are scanned once: a loop calling s.charCodeAt(i) or s.length on a large
// body would otherwise rescan it at every step. A small cache keyed by the string's data
// pointer (the entry keeps the string alive, so the pointer cannot be reused) remembers
// whether it is ASCII and, if not, its UTF-16 code units.
const cachedLength = 64

type stringView struct {
	s     string
	ascii bool
	units []uint16
}

var views [32]atomic.Pointer[stringView]

func viewOf(s string) *stringView {
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	slot := &views[(p>>4^uintptr(len(s)))%uintptr(len(views))]
	if v := slot.Load(); v != nil && len(v.s) == len(s) && unsafe.StringData(v.s) == unsafe.StringData(s) {
		return v
	}
	v := &stringView{s: s, ascii: scanASCII(s)}
	if !v.ascii {
		v.units = decodeUnits(s)
	}
	slot.Store(v)
	return v
}

// decodeUnit decodes one code point at s[i:], accepting WTF-8 surrogates. Invalid bytes
// decode as U+FFFD, one byte at a time.
func decodeUnit(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c == 0xED && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// toUnits returns the UTF-16 code units of s (shared for long strings: do not modify).
func toUnits(s string) []uint16 {
	if len(s) >= cachedLength {
		if v := viewOf(s); !v.ascii {
			return v.units
		}
	}
	return decodeUnits(s)
}

func decodeUnits(s string) []uint16 {
	units := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		i += n
		if r >= 0x10000 {
			r -= 0x10000
			units = append(units, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			units = append(units, uint16(r))
		}
	}
	return units
}

// fromUnits encodes UTF-16 code units as a Go string (WTF-8 for lone surrogates).
func fromUnits(units []uint16) string {
	buf := make([]byte, 0, len(units))
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if u >= 0xD800 && u <= 0xDBFF && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
			r := 0x10000 + (u-0xD800)<<10 + (rune(units[i+1]) - 0xDC00)
			buf = utf8.AppendRune(buf, r)
			i++
			continue
		}
		if u >= 0xD800 && u <= 0xDFFF {
			buf = append(buf, 0xED, byte(0x80|(u>>6)&0x3F), byte(0x80|u&0x3F))
			continue
		}
		buf = utf8.AppendRune(buf, u)
	}
	return string(buf)
}

// WellFormed replaces lone surrogates by U+FFFD, as Node does when it writes a string
// to a byte stream.
func WellFormed(s string) string {
	if isASCII(s) || utf8.ValidString(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		if r >= 0xD800 && r <= 0xDBFF && i+n < len(s) {
			// Two halves concatenated separately still make one character.
			if r2, n2 := decodeUnit(s, i+n); r2 >= 0xDC00 && r2 <= 0xDFFF {
				buf = utf8.AppendRune(buf, 0x10000+(r-0xD800)<<10+(r2-0xDC00))
				i += n + n2
				continue
			}
		}
		if r >= 0xD800 && r <= 0xDFFF {
			r = utf8.RuneError
		}
		buf = utf8.AppendRune(buf, r)
		i += n
	}
	return string(buf)
}

// hasSurrogateBytes reports whether s holds a WTF-8 encoded surrogate (ED A0..BF ..).
func hasSurrogateBytes(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 {
			return true
		}
	}
	return false
}

// joinSurrogates re-encodes s so that a high and a low surrogate next to each other (two
// halves concatenated separately) become the one character they form.
func joinSurrogates(s string) string { return fromUnits(decodeUnits(s)) }

// StringsEqual is === between strings: byte equality, except that halves of a surrogate
// pair joined by concatenation equal the whole character.
func StringsEqual(a, b string) bool {
	if a == b {
		return true
	}
	if !hasSurrogateBytes(a) && !hasSurrogateBytes(b) {
		return false
	}
	return joinSurrogates(a) == joinSurrogates(b)
}

// IsWellFormed is s.isWellFormed(): no lone surrogates.
func IsWellFormed(s string) bool {
	if isASCII(s) || utf8.ValidString(s) {
		return true
	}
	return !hasSurrogateBytes(joinSurrogates(s))
}
