package js

import (
	"math"
	"strconv"
	"strings"
)

const radixDigits = "0123456789abcdefghijklmnopqrstuvwxyz"

// NumberToStringRadix is n.toString(radix), with V8's digit generation for fractions
// (digits until the value is uniquely identified, rounding the last one).
func NumberToStringRadix(f float64, radix int) string {
	if radix < 2 || radix > 36 {
		panic(NewRangeError("toString() radix argument must be between 2 and 36"))
	}
	if radix == 10 || f != f || math.IsInf(f, 0) {
		return NumberToString(f)
	}
	if f == 0 {
		return "0"
	}
	negative := f < 0
	if negative {
		f = -f
	}
	integer := math.Floor(f)
	fraction := f - integer
	// Half the distance to the next double: digits beyond it do not change the value.
	delta := math.Max(0.5*(math.Nextafter(f, math.Inf(1))-f), math.Nextafter(0, 1))
	var frac []byte
	if fraction >= delta {
		for {
			fraction *= float64(radix)
			delta *= float64(radix)
			digit := int(fraction)
			frac = append(frac, radixDigits[digit])
			fraction -= float64(digit)
			if fraction > 0.5 || (fraction == 0.5 && digit&1 == 1) {
				if fraction+delta > 1 {
					// Round up, carrying into earlier digits (and the integer part).
					for {
						if len(frac) == 0 {
							integer++
							break
						}
						last := frac[len(frac)-1]
						frac = frac[:len(frac)-1]
						d := strings.IndexByte(radixDigits, last)
						if d+1 < radix {
							frac = append(frac, radixDigits[d+1])
							break
						}
					}
					break
				}
			}
			if fraction < delta {
				break
			}
		}
	}
	// The integer part: digits below the precision of a double are printed as 0.
	var intDigits []byte
	for math.Floor(integer/float64(radix)) >= 1<<53 {
		integer /= float64(radix)
		intDigits = append(intDigits, '0')
	}
	for {
		remainder := math.Mod(integer, float64(radix))
		intDigits = append(intDigits, radixDigits[int(remainder)])
		integer = (integer - remainder) / float64(radix)
		if integer <= 0 {
			break
		}
	}
	for i, j := 0, len(intDigits)-1; i < j; i, j = i+1, j-1 {
		intDigits[i], intDigits[j] = intDigits[j], intDigits[i]
	}
	out := string(intDigits)
	if len(frac) > 0 {
		out += "." + string(frac)
	}
	if negative {
		out = "-" + out
	}
	return out
}

// exactDigits returns the decimal digits of positive finite f rounded to n significant
// digits, ties rounded up (ToPrecision/ToExponential pick the larger candidate), and
// the exponent e of the first digit (f ≈ d.ddd × 10^e).
func exactDigits(f float64, n int) (string, int) {
	s := strconv.FormatFloat(f, 'e', 1100, 64) // exact: a double has a finite decimal expansion
	mant, expPart, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(expPart)
	digits := strings.Replace(mant, ".", "", 1)
	kept := []byte(digits[:n])
	rest := digits[n:]
	if rest != "" && rest[0] >= '5' {
		i := n - 1
		for ; i >= 0; i-- {
			if kept[i] == '9' {
				kept[i] = '0'
				continue
			}
			kept[i]++
			break
		}
		if i < 0 {
			kept = append([]byte{'1'}, kept[:n-1]...)
			e++
		}
	}
	return string(kept), e
}

func exponentSuffix(e int) string {
	if e < 0 {
		return "e-" + strconv.Itoa(-e)
	}
	return "e+" + strconv.Itoa(e)
}

// ToPrecision is n.toPrecision(p).
func ToPrecision(f float64, p int) string {
	if f != f || math.IsInf(f, 0) {
		return NumberToString(f)
	}
	if p < 1 || p > 100 {
		panic(NewRangeError("toPrecision() argument must be between 1 and 100"))
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	var digits string
	var e int
	if f == 0 {
		digits, e = strings.Repeat("0", p), 0
	} else {
		digits, e = exactDigits(f, p)
	}
	if e < -6 || e >= p {
		m := digits[:1]
		if p > 1 {
			m += "." + digits[1:]
		}
		return sign + m + exponentSuffix(e)
	}
	if e == p-1 {
		return sign + digits
	}
	if e >= 0 {
		return sign + digits[:e+1] + "." + digits[e+1:]
	}
	return sign + "0." + strings.Repeat("0", -(e+1)) + digits
}

// ToExponential is n.toExponential(d).
func ToExponential(f float64, d int) string {
	if f != f || math.IsInf(f, 0) {
		return NumberToString(f)
	}
	if d < 0 || d > 100 {
		panic(NewRangeError("toExponential() argument must be between 0 and 100"))
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	var digits string
	var e int
	if f == 0 {
		digits, e = strings.Repeat("0", d+1), 0
	} else {
		digits, e = exactDigits(f, d+1)
	}
	m := digits[:1]
	if d > 0 {
		m += "." + digits[1:]
	}
	return sign + m + exponentSuffix(e)
}

// ToExponentialShortest is n.toExponential(): as many digits as the value needs.
func ToExponentialShortest(f float64) string {
	if f != f || math.IsInf(f, 0) {
		return NumberToString(f)
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	if f == 0 {
		return sign + "0e+0"
	}
	digits, n := shortestDigits(f)
	m := digits[:1]
	if len(digits) > 1 {
		m += "." + digits[1:]
	}
	return sign + m + exponentSuffix(n-1)
}
