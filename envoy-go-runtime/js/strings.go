package js

import (
	"iter"
	"math"
	"strings"
)

// Len is String.prototype.length: the number of UTF-16 code units.
func Len(s string) int {
	if len(s) >= cachedLength {
		if v := viewOf(s); !v.ascii {
			return len(v.units)
		}
		return len(s)
	}
	if isASCII(s) {
		return len(s)
	}
	n := 0
	for i := 0; i < len(s); {
		r, w := decodeUnit(s, i)
		i += w
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// CharAt is s.charAt(i) and s[i]: the code unit at i as a string, "" when out of range.
func CharAt(s string, i int) string {
	if isASCII(s) {
		if i < 0 || i >= len(s) {
			return ""
		}
		return s[i : i+1]
	}
	units := toUnits(s)
	if i < 0 || i >= len(units) {
		return ""
	}
	return fromUnits(units[i : i+1])
}

// Index is s[i] for a string s: the code unit at i as a string, or false when out of range.
func Index(s string, i int) (string, bool) {
	if i < 0 || i >= Len(s) {
		return "", false
	}
	return CharAt(s, i), true
}

// CharCodeAt is s.charCodeAt(i): the code unit at i, NaN when out of range.
func CharCodeAt(s string, i int) float64 {
	if isASCII(s) {
		if i < 0 || i >= len(s) {
			return math.NaN()
		}
		return float64(s[i])
	}
	units := toUnits(s)
	if i < 0 || i >= len(units) {
		return math.NaN()
	}
	return float64(units[i])
}

// CodePointAt is s.codePointAt(i) for an index in range; false when out of range.
func CodePointAt(s string, i int) (float64, bool) {
	units := toUnits(s)
	if i < 0 || i >= len(units) {
		return 0, false
	}
	u := units[i]
	if u >= 0xD800 && u <= 0xDBFF && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF {
		return float64(0x10000 + (rune(u)-0xD800)<<10 + (rune(units[i+1]) - 0xDC00)), true
	}
	return float64(u), true
}

// At is s.at(i): negative i counts from the end; false when out of range.
func At(s string, i int) (string, bool) {
	n := Len(s)
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return "", false
	}
	return CharAt(s, i), true
}

// FromCharCode is String.fromCharCode(...codes).
func FromCharCode(codes ...float64) string {
	units := make([]uint16, len(codes))
	for i, c := range codes {
		units[i] = uint16(ToUint32(c))
	}
	return fromUnits(units)
}

// relativeIndex clamps a possibly negative index the way slice() does.
func relativeIndex(i, n int) int {
	if i < 0 {
		i += n
		if i < 0 {
			return 0
		}
		return i
	}
	if i > n {
		return n
	}
	return i
}

// substr returns code units [from, to) of s, assuming 0 <= from <= to <= Len(s).
func substr(s string, from, to int) string {
	if isASCII(s) {
		return s[from:to]
	}
	return fromUnits(toUnits(s)[from:to])
}

// Slice is s.slice(start, end).
func Slice(s string, start, end int) string {
	n := Len(s)
	from, to := relativeIndex(start, n), relativeIndex(end, n)
	if from >= to {
		return ""
	}
	return substr(s, from, to)
}

// SliceFrom is s.slice(start).
func SliceFrom(s string, start int) string {
	n := Len(s)
	return substr(s, relativeIndex(start, n), n)
}

// Substring is s.substring(start, end): negative indices clamp to 0, swapped bounds swap.
func Substring(s string, start, end int) string {
	n := Len(s)
	from, to := min(max(start, 0), n), min(max(end, 0), n)
	if from > to {
		from, to = to, from
	}
	return substr(s, from, to)
}

// SubstringFrom is s.substring(start).
func SubstringFrom(s string, start int) string {
	n := Len(s)
	return substr(s, min(max(start, 0), n), n)
}

// unitOffset converts a byte offset in s into a UTF-16 code unit offset.
func unitOffset(s string, byteOffset int) int {
	if isASCII(s[:byteOffset]) {
		return byteOffset
	}
	return Len(s[:byteOffset])
}

// byteOffset converts a UTF-16 offset (clamped to [0, Len(s)]) into a byte offset. An
// offset inside a surrogate pair rounds up past the pair.
func byteOffset(s string, unit int) int {
	if unit <= 0 {
		return 0
	}
	if isASCII(s) {
		return min(unit, len(s))
	}
	n := 0
	for i := 0; i < len(s); {
		if n >= unit {
			return i
		}
		r, w := decodeUnit(s, i)
		i += w
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return len(s)
}

// IndexOf is s.indexOf(sub): the UTF-16 index of the first occurrence, or -1.
func IndexOf(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return -1
	}
	return unitOffset(s, i)
}

// IndexOfFrom is s.indexOf(sub, from).
func IndexOfFrom(s, sub string, from int) int {
	start := byteOffset(s, from)
	i := strings.Index(s[start:], sub)
	if i < 0 {
		return -1
	}
	return unitOffset(s, start+i)
}

// LastIndexOf is s.lastIndexOf(sub).
func LastIndexOf(s, sub string) int {
	i := strings.LastIndex(s, sub)
	if i < 0 {
		return -1
	}
	return unitOffset(s, i)
}

// isJSSpace reports whether r is WhiteSpace or LineTerminator in ECMAScript.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Trim is s.trim() with ECMAScript's whitespace set.
func Trim(s string) string { return strings.TrimFunc(s, isJSSpace) }

// TrimStart is s.trimStart().
func TrimStart(s string) string { return strings.TrimLeftFunc(s, isJSSpace) }

// TrimEnd is s.trimEnd().
func TrimEnd(s string) string { return strings.TrimRightFunc(s, isJSSpace) }

// Split is s.split(sep): an empty separator splits into code units.
func Split(s, sep string) *Array[string] {
	if sep == "" {
		if isASCII(s) {
			parts := make([]string, len(s))
			for i := range s {
				parts[i] = s[i : i+1]
			}
			return ArrayOf(parts)
		}
		units := toUnits(s)
		parts := make([]string, len(units))
		for i := range units {
			parts[i] = fromUnits(units[i : i+1])
		}
		return ArrayOf(parts)
	}
	return ArrayOf(strings.Split(s, sep))
}

// SplitLimit is s.split(sep, limit) (limit already ToUint32).
func SplitLimit(s, sep string, limit uint32) *Array[string] {
	if limit == 0 {
		return NewArray[string]()
	}
	parts := Split(s, sep)
	if int64(limit) < int64(parts.Len()) {
		return parts.Slice(0, int(limit))
	}
	return parts
}

// expandReplacement applies the $-patterns of String.prototype.replace's replacement
// string: $$, $&, $` and $'.
func expandReplacement(replacement, s string, at int, matched string) string {
	if !strings.Contains(replacement, "$") {
		return replacement
	}
	var b strings.Builder
	for i := 0; i < len(replacement); i++ {
		c := replacement[i]
		if c == '$' && i+1 < len(replacement) {
			switch replacement[i+1] {
			case '$':
				b.WriteByte('$')
				i++
				continue
			case '&':
				b.WriteString(matched)
				i++
				continue
			case '`':
				b.WriteString(s[:at])
				i++
				continue
			case '\'':
				b.WriteString(s[at+len(matched):])
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Replace is s.replace(pattern, replacement) with a string pattern: the first occurrence.
func Replace(s, pattern, replacement string) string {
	i := strings.Index(s, pattern)
	if i < 0 {
		return s
	}
	return s[:i] + expandReplacement(replacement, s, i, pattern) + s[i+len(pattern):]
}

// ReplaceAll is s.replaceAll(pattern, replacement) with a string pattern.
func ReplaceAll(s, pattern, replacement string) string {
	return replaceEach(s, pattern, func(at int) string { return expandReplacement(replacement, s, at, pattern) })
}

// replaceEach replaces every occurrence of a string pattern, left to right without overlap,
// by with(its byte offset); an empty pattern occurs before each UTF-16 unit and at the end.
func replaceEach(s, pattern string, with func(at int) string) string {
	if pattern == "" {
		units := toUnits(s)
		var b strings.Builder
		for i := 0; i <= len(units); i++ {
			b.WriteString(with(len(fromUnits(units[:i]))))
			if i < len(units) {
				b.WriteString(fromUnits(units[i : i+1]))
			}
		}
		return b.String()
	}
	var b strings.Builder
	rest := 0
	for {
		i := strings.Index(s[rest:], pattern)
		if i < 0 {
			break
		}
		at := rest + i
		b.WriteString(s[rest:at])
		b.WriteString(with(at))
		rest = at + len(pattern)
	}
	b.WriteString(s[rest:])
	return b.String()
}

// maxStringLength is V8's limit on string length (in UTF-16 code units) on 64-bit hosts:
// building a longer string throws a RangeError instead of exhausting memory.
const maxStringLength = 1<<29 - 24

func invalidStringLength() {
	panic(NewRangeError("Invalid string length"))
}

// padding returns the filler of length n code units built from fill.
func padding(n int, fill string) string {
	if n <= 0 || fill == "" {
		return ""
	}
	fillLen := Len(fill)
	repeated := strings.Repeat(fill, n/fillLen+1)
	return substr(repeated, 0, n)
}

// PadStart is s.padStart(length, fill).
func PadStart(s string, length int, fill string) string {
	if length > maxStringLength && fill != "" && length > Len(s) {
		invalidStringLength()
	}
	return padding(length-Len(s), fill) + s
}

// PadEnd is s.padEnd(length, fill).
func PadEnd(s string, length int, fill string) string {
	if length > maxStringLength && fill != "" && length > Len(s) {
		invalidStringLength()
	}
	return s + padding(length-Len(s), fill)
}

// Repeat is s.repeat(count).
func Repeat(s string, count float64) string {
	n := math.Trunc(count)
	if count != count {
		n = 0
	}
	if n < 0 || math.IsInf(n, 0) {
		panic(NewRangeError("Invalid count value: " + NumberToString(count)))
	}
	if s == "" {
		return ""
	}
	if n*float64(Len(s)) > maxStringLength {
		invalidStringLength()
	}
	return strings.Repeat(s, int(n))
}

// CompareStrings orders strings by UTF-16 code units, as JavaScript's < does.
func CompareStrings(a, b string) int {
	if isASCII(a) && isASCII(b) {
		return strings.Compare(a, b)
	}
	ua, ub := toUnits(a), toUnits(b)
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			if ua[i] < ub[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(ua) < len(ub):
		return -1
	case len(ua) > len(ub):
		return 1
	}
	return 0
}

// Chars iterates s by code point, as for-of over a string does (lone surrogates are
// visited on their own).
func Chars(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			_, n := decodeUnit(s, i)
			if !yield(s[i : i+n]) {
				return
			}
			i += n
		}
	}
}

// LastIndexOfFrom is s.lastIndexOf(sub, from).
func LastIndexOfFrom(s, sub string, from int) int {
	n := Len(s)
	start := min(max(from, 0), n)
	units, subUnits := toUnits(s), toUnits(sub)
	for i := min(start, len(units)-len(subUnits)); i >= 0; i-- {
		match := true
		for j := range subUnits {
			if units[i+j] != subUnits[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// StartsWithFrom is s.startsWith(prefix, position).
func StartsWithFrom(s, prefix string, position int) bool {
	return strings.HasPrefix(SubstringFrom(s, position), prefix)
}

// EndsWithUpTo is s.endsWith(suffix, endPosition).
func EndsWithUpTo(s, suffix string, end int) bool {
	return strings.HasSuffix(Substring(s, 0, end), suffix)
}

// Substr is s.substr(start, length).
func Substr(s string, start, length int) string {
	n := Len(s)
	from := relativeIndex(start, n)
	to := min(from+max(length, 0), n)
	if from >= to {
		return ""
	}
	return substr(s, from, to)
}

// SubstrFrom is s.substr(start).
func SubstrFrom(s string, start int) string { return Substr(s, start, Len(s)) }

// FromCodePoint is String.fromCodePoint(...codes).
func FromCodePoint(codes ...float64) string {
	var units []uint16
	for _, c := range codes {
		if c != math.Trunc(c) || c < 0 || c > 0x10FFFF {
			panic(NewRangeError("Invalid code point " + NumberToString(c)))
		}
		r := rune(c)
		if r >= 0x10000 {
			r -= 0x10000
			units = append(units, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			units = append(units, uint16(r))
		}
	}
	return fromUnits(units)
}
