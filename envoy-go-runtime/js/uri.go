package js

import (
	"encoding/base64"
	"strings"
	"unicode/utf8"
)

const uriUnreservedMarks = "-_.!~*'()"
const uriReserved = ";/?:@&=+$,#"

func isAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func encodeURI(s, unescaped string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && (isAlnum(c) || strings.IndexByte(unescaped, c) >= 0) {
			b.WriteByte(c)
			i++
			continue
		}
		r, n := decodeUnit(s, i)
		if r >= 0xD800 && r <= 0xDFFF {
			panic(NewURIError("URI malformed"))
		}
		var buf [4]byte
		w := utf8.EncodeRune(buf[:], r)
		for _, x := range buf[:w] {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[x>>4])
			b.WriteByte("0123456789ABCDEF"[x&15])
		}
		i += n
	}
	return b.String()
}

// EncodeURIComponent is encodeURIComponent(s).
func EncodeURIComponent(s string) string { return encodeURI(s, uriUnreservedMarks) }

// EncodeURI is encodeURI(s).
func EncodeURI(s string) string { return encodeURI(s, uriUnreservedMarks+uriReserved) }

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func decodeURI(s, reserved string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '%' {
			b.WriteByte(s[i])
			i++
			continue
		}
		octet := func(at int) byte {
			if at+2 >= len(s) || s[at] != '%' {
				panic(NewURIError("URI malformed"))
			}
			h, ok1 := unhex(s[at+1])
			l, ok2 := unhex(s[at+2])
			if !ok1 || !ok2 {
				panic(NewURIError("URI malformed"))
			}
			return h<<4 | l
		}
		first := octet(i)
		if first < 0x80 {
			if strings.IndexByte(reserved, first) >= 0 {
				b.WriteString(s[i : i+3])
			} else {
				b.WriteByte(first)
			}
			i += 3
			continue
		}
		var n int
		switch {
		case first&0xE0 == 0xC0:
			n = 2
		case first&0xF0 == 0xE0:
			n = 3
		case first&0xF8 == 0xF0:
			n = 4
		default:
			panic(NewURIError("URI malformed"))
		}
		seq := []byte{first}
		for k := 1; k < n; k++ {
			x := octet(i + 3*k)
			if x&0xC0 != 0x80 {
				panic(NewURIError("URI malformed"))
			}
			seq = append(seq, x)
		}
		r, w := utf8.DecodeRune(seq)
		if r == utf8.RuneError || w != n {
			panic(NewURIError("URI malformed"))
		}
		b.Write(seq)
		i += 3 * n
	}
	return b.String()
}

// DecodeURIComponent is decodeURIComponent(s): a URIError on malformed sequences.
func DecodeURIComponent(s string) string { return decodeURI(s, "") }

// DecodeURI is decodeURI(s): escapes of reserved characters stay as they are.
func DecodeURI(s string) string { return decodeURI(s, uriReserved) }

// Btoa is btoa(s): base64 of a string of Latin-1 characters (an InvalidCharacterError
// for anything above U+00FF).
func Btoa(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		if r > 0xFF {
			panic(&Error{Name: "InvalidCharacterError", Message: "Invalid character", kind: "DOMException"})
		}
		b = append(b, byte(r))
		i += n
	}
	return base64.StdEncoding.EncodeToString(b)
}

// Atob is atob(s): the forgiving base64 decode, each byte a Latin-1 character. The
// errors follow Node 20: "Invalid character" for a character outside the alphabet, an
// "=" that is not trailing, more than two "=", or an "=" in an input whose length (less
// ASCII whitespace) is not a multiple of 4; "not correctly encoded" for a length that
// leaves a single character over.
func Atob(s string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	invalid := func(message string) {
		panic(&Error{Name: "InvalidCharacterError", Message: message, kind: "DOMException"})
	}
	data := make([]byte, 0, len(s))
	counted, equals := 0, 0
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r':
			continue
		case ch == '=':
			equals++
			if equals > 2 {
				invalid("Invalid character")
			}
		case strings.IndexByte(alphabet, ch) >= 0:
			if equals > 0 {
				invalid("Invalid character")
			}
			data = append(data, ch)
		default:
			// Also any byte of a non-ASCII character.
			invalid("Invalid character")
		}
		counted++
	}
	rest := counted % 4
	if rest == 0 {
		rest = (counted - equals) % 4
	} else if equals > 0 {
		invalid("Invalid character")
	}
	if rest == 1 {
		invalid("The string to be decoded is not correctly encoded.")
	}
	var b strings.Builder
	for _, c := range decodeBase64Bits(data) {
		b.WriteRune(rune(c))
	}
	return b.String()
}

// decodeBase64Bits decodes base64 characters (no padding), dropping the unused bits of
// the last one, which the forgiving decoder allows and Go's decoder refuses.
func decodeBase64Bits(s []byte) []byte {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var bits, n uint
	out := make([]byte, 0, len(s)*3/4)
	for _, ch := range s {
		bits = bits<<6 | uint(strings.IndexByte(alphabet, ch))
		n += 6
		if n >= 8 {
			n -= 8
			out = append(out, byte(bits>>n))
		}
	}
	return out
}
