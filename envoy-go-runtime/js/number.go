package js

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// NumberToString formats f as JavaScript's Number.prototype.toString() does: the
// shortest digits that round-trip, fixed notation for 1e-7 <= |f| < 1e21, exponent
// notation otherwise, and "0" for -0.
func NumberToString(f float64) string {
	switch {
	case f != f:
		return "NaN"
	case f == 0:
		return "0"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f < 0:
		return "-" + NumberToString(-f)
	}
	digits, n := shortestDigits(f)
	k := len(digits)
	switch {
	case k <= n && n <= 21:
		return digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + digits
	}
	exp := n - 1
	sign := "+"
	if exp < 0 {
		sign, exp = "-", -exp
	}
	mantissa := digits[:1]
	if k > 1 {
		mantissa += "." + digits[1:]
	}
	return mantissa + "e" + sign + strconv.Itoa(exp)
}

// shortestDigits returns the shortest round-tripping decimal digits of positive f and
// the exponent n such that f = 0.digits * 10^n.
func shortestDigits(f float64) (string, int) {
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, expPart, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expPart)
	digits := strings.Replace(mant, ".", "", 1)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	return digits, exp + 1
}

// IntToString formats an integer the way JavaScript prints the same number.
func IntToString(i int) string { return strconv.Itoa(i) }

// ToFixed is Number.prototype.toFixed(digits): exact decimal rounding, ties away from
// zero, and plain toString() for |f| >= 1e21.
func ToFixed(f float64, digits int) string {
	if digits < 0 || digits > 100 {
		panic(NewRangeError("toFixed() digits argument must be between 0 and 100"))
	}
	if f != f {
		return "NaN"
	}
	if math.Abs(f) >= 1e21 || math.IsInf(f, 0) {
		return NumberToString(f)
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	// The exact binary value has at most 1074 fractional digits.
	exact := new(big.Float).SetPrec(2048).SetFloat64(f).Text('f', 1100)
	intPart, frac, _ := strings.Cut(exact, ".")
	frac += strings.Repeat("0", digits+1)
	kept := intPart + frac[:digits]
	roundUp := frac[digits] >= '5'
	n := new(big.Int)
	n.SetString(kept, 10)
	if roundUp {
		n.Add(n, big.NewInt(1))
	}
	s := n.String()
	if digits == 0 {
		if sign == "-" && s == "0" {
			return "-0"
		}
		return sign + s
	}
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	return sign + s[:len(s)-digits] + "." + s[len(s)-digits:]
}

// ToInt32 is the ECMAScript ToInt32 conversion used by the bitwise operators.
func ToInt32(f float64) int32 {
	return int32(ToUint32(f))
}

// ToUint32 is the ECMAScript ToUint32 conversion (used by >>>).
func ToUint32(f float64) uint32 {
	if f != f || math.IsInf(f, 0) {
		return 0
	}
	m := math.Mod(math.Trunc(f), 4294967296)
	if m < 0 {
		m += 4294967296
	}
	return uint32(m)
}

// Mod is JavaScript's % on numbers: the sign follows the dividend, x % 0 is NaN.
func Mod(x, y float64) float64 { return math.Mod(x, y) }

// Truthy reports whether a number is truthy in JavaScript (not 0, -0 or NaN).
func Truthy(f float64) bool { return f != 0 && f == f }

// IsInteger is Number.isInteger.
func IsInteger(f float64) bool { return !math.IsInf(f, 0) && f == math.Trunc(f) }

// IsSafeInteger is Number.isSafeInteger.
func IsSafeInteger(f float64) bool { return IsInteger(f) && math.Abs(f) <= 9007199254740991 }

// Round is Math.round: halves round towards +Infinity.
func Round(f float64) float64 {
	if f != f || math.IsInf(f, 0) || f == 0 {
		return f
	}
	if f > 0 && f < 0.5 {
		return 0
	}
	if f < 0 && f >= -0.5 {
		return math.Copysign(0, -1)
	}
	return math.Floor(f + 0.5)
}

// Sign is Math.sign.
func Sign(f float64) float64 {
	switch {
	case f > 0:
		return 1
	case f < 0:
		return -1
	}
	return f // 0, -0 or NaN
}

// MaxOf is Math.max: NaN wins, +0 beats -0, no arguments give -Infinity.
func MaxOf(values ...float64) float64 {
	result := math.Inf(-1)
	for _, v := range values {
		if v != v {
			return v
		}
		if v > result || (v == 0 && result == 0 && !math.Signbit(v)) {
			result = v
		}
	}
	return result
}

// MinOf is Math.min: NaN wins, -0 beats +0, no arguments give +Infinity.
func MinOf(values ...float64) float64 {
	result := math.Inf(1)
	for _, v := range values {
		if v != v {
			return v
		}
		if v < result || (v == 0 && result == 0 && math.Signbit(v)) {
			result = v
		}
	}
	return result
}

// ParseInt is the global parseInt(s, radix); radix 0 (or undefined, NaN) means "not given".
func ParseInt(s string, radixArg float64) float64 {
	radix := int(ToInt32(radixArg))
	s = TrimStart(s)
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	stripPrefix := true
	if radix != 0 {
		if radix < 2 || radix > 36 {
			return math.NaN()
		}
		stripPrefix = radix == 16
	} else {
		radix = 10
	}
	if stripPrefix && len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s, radix = s[2:], 16
	}
	end := 0
	for end < len(s) && digitValue(s[end]) < radix {
		end++
	}
	if end == 0 {
		return math.NaN()
	}
	digits := s[:end]
	if radix == 10 {
		v, _ := strconv.ParseFloat(digits, 64)
		return sign * v
	}
	if radix&(radix-1) == 0 {
		return sign * parsePowerOfTwo(digits, radix)
	}
	// Other radixes: V8 accumulates chunks whose multiplier fits in 32 bits, rounding at
	// each step (the specification allows an approximation; this is the one Node gives).
	const maxMultiplier = 0xFFFFFFFF / 36
	v := 0.0
	for i := 0; i < len(digits); {
		part, multiplier := uint32(0), uint32(1)
		for i < len(digits) {
			m := multiplier * uint32(radix)
			if m > maxMultiplier {
				break
			}
			part = part*uint32(radix) + uint32(digitValue(digits[i]))
			multiplier = m
			i++
		}
		v = v*float64(multiplier) + float64(part)
	}
	return sign * v
}

// parsePowerOfTwo reads digits of a power-of-two radix exactly, rounding the bits past
// 53 half to even (a non-zero digit after the dropped bits rounds up).
func parsePowerOfTwo(digits string, radix int) float64 {
	bits := 0
	for r := radix; r > 1; r >>= 1 {
		bits++
	}
	var number int64
	exponent := 0
	for i := 0; i < len(digits); i++ {
		number = number*int64(radix) + int64(digitValue(digits[i]))
		overflow := int(number >> 53)
		if overflow == 0 {
			continue
		}
		overflowBits := 1
		for overflow > 1 {
			overflowBits++
			overflow >>= 1
		}
		dropped := int(number) & (1<<overflowBits - 1)
		number >>= overflowBits
		exponent = overflowBits
		zeroTail := true
		for _, c := range []byte(digits[i+1:]) {
			zeroTail = zeroTail && c == '0'
			exponent += bits
		}
		middle := 1 << (overflowBits - 1)
		if dropped > middle || (dropped == middle && (number&1 != 0 || !zeroTail)) {
			number++
		}
		if number&(1<<53) != 0 {
			exponent++
			number >>= 1
		}
		break
	}
	return math.Ldexp(float64(number), exponent)
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// ParseFloat is the global parseFloat: the longest decimal-literal prefix after leading
// whitespace, or NaN.
func ParseFloat(s string) float64 {
	s = TrimStart(s)
	n := decimalPrefix(s)
	if n == 0 {
		rest := strings.TrimLeft(s, "+-")
		if strings.HasPrefix(rest, "Infinity") && len(s)-len(rest) <= 1 {
			if strings.HasPrefix(s, "-") {
				return math.Inf(-1)
			}
			return math.Inf(1)
		}
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s[:n], 64)
	if err != nil && v == 0 {
		return math.NaN()
	}
	return v
}

// decimalPrefix returns the length of the longest prefix of s that is a StrDecimalLiteral
// without Infinity (sign, digits, optional fraction, optional exponent).
func decimalPrefix(s string) int {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	intDigits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i, intDigits = i+1, intDigits+1
	}
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j, fracDigits = j+1, fracDigits+1
		}
		if intDigits > 0 || fracDigits > 0 {
			i = j
		}
	}
	if intDigits == 0 && fracDigits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		expDigits := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j, expDigits = j+1, expDigits+1
		}
		if expDigits > 0 {
			i = j
		}
	}
	return i
}

// StringToNumber is Number(s): whitespace-trimmed decimal, 0x/0o/0b integers,
// Infinity; the empty string is 0; anything else is NaN.
func StringToNumber(s string) float64 {
	s = Trim(s)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		radix := 0
		switch s[1] {
		case 'x', 'X':
			radix = 16
		case 'o', 'O':
			radix = 8
		case 'b', 'B':
			radix = 2
		}
		if radix != 0 {
			v := 0.0
			for i := 2; i < len(s); i++ {
				d := digitValue(s[i])
				if d >= radix {
					return math.NaN()
				}
				v = v*float64(radix) + float64(d)
			}
			return v
		}
	}
	switch s {
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if decimalPrefix(s) != len(s) {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && v == 0 {
		return math.NaN()
	}
	return v
}

// BoolToNumber is Number(b).
func BoolToNumber(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// IsFinite is Number.isFinite / isFinite for a number.
func IsFinite(f float64) bool { return !math.IsInf(f, 0) && f == f }

// ToInteger is ToIntegerOrInfinity for an int parameter (slice, padStart, ...): NaN is 0,
// fractions are truncated, the infinities clamp to the int range.
func ToInteger(f float64) int {
	switch {
	case f != f:
		return 0
	case f >= math.MaxInt32:
		return math.MaxInt32
	case f <= math.MinInt32:
		return math.MinInt32
	}
	return int(f)
}

// ArrayIndex is a number used as an array index: itself when it is an integer in range,
// -1 otherwise (a[1.5] and a[-1] are not elements).
func ArrayIndex(f float64) int {
	if f != math.Trunc(f) || f < 0 || f >= math.MaxInt32 {
		return -1
	}
	return int(f)
}

// ToInt64 is a number passed where Envoy takes an int64 (metrics): truncated toward zero,
// NaN as 0, clamped to the range.
func ToInt64(f float64) int64 {
	switch {
	case f != f:
		return 0
	case f >= 9.223372036854775e18:
		return math.MaxInt64
	case f <= -9.223372036854775e18:
		return math.MinInt64
	}
	return int64(f)
}

// ToUint64 is a number passed where Envoy takes a uint64: truncated, negative and NaN as 0.
func ToUint64(f float64) uint64 {
	switch {
	case f != f || f <= 0:
		return 0
	case f >= 1.8446744073709552e19:
		return math.MaxUint64
	}
	return uint64(f)
}

// Fround is Math.fround.
func Fround(f float64) float64 { return float64(float32(f)) }

// Clz32 is Math.clz32.
func Clz32(f float64) float64 {
	x := ToUint32(f)
	n := 0
	for i := 31; i >= 0 && x&(1<<uint(i)) == 0; i-- {
		n++
	}
	return float64(n)
}

// Hypot is Math.hypot(...values), computed as V8 does (scaled, compensated sum).
func Hypot(values ...float64) float64 {
	maxAbs := 0.0
	nan := false
	for _, v := range values {
		a := math.Abs(v)
		if math.IsInf(a, 1) {
			return math.Inf(1)
		}
		if a != a {
			nan = true
		}
		if a > maxAbs {
			maxAbs = a
		}
	}
	if nan {
		return math.NaN()
	}
	if maxAbs == 0 {
		return 0
	}
	sum, compensation := 0.0, 0.0
	for _, v := range values {
		n := math.Abs(v) / maxAbs
		summand := n*n - compensation
		preliminary := sum + summand
		compensation = (preliminary - sum) - summand
		sum = preliminary
	}
	return math.Sqrt(sum) * maxAbs
}

// NumberIsInteger is Number.isInteger of a value of unknown type.
func NumberIsInteger(v any) bool { f, ok := v.(float64); return ok && IsInteger(f) }

// NumberIsSafeInteger is Number.isSafeInteger of a value of unknown type.
func NumberIsSafeInteger(v any) bool { f, ok := v.(float64); return ok && IsSafeInteger(f) }

// NumberIsFinite is Number.isFinite of a value of unknown type.
func NumberIsFinite(v any) bool { f, ok := v.(float64); return ok && IsFinite(f) }

// NumberIsNaN is Number.isNaN of a value of unknown type.
func NumberIsNaN(v any) bool { f, ok := v.(float64); return ok && f != f }

// Floats concatenates argument lists (Math.max(...a, b, ...c)).
func Floats(lists ...[]float64) []float64 {
	var out []float64
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
