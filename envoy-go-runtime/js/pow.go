package js

import "math"

// Pow is Math.pow and the ** operator as Node computes them: V8 (through Node 20) uses its
// variant of the fdlibm algorithm, whose last bit often differs from Go's math.Pow. This follows the same
// steps: log2(|x|) in extra precision, times y split in two, then 2**z by a polynomial.
//
// Every product that feeds an addition is converted with float64(...): Go may otherwise
// fuse it into a multiply-add on some architectures and round differently.
func Pow(x, y float64) float64 {
	// JavaScript (not IEEE 754): NaN exponents and (+-1) ** (+-Infinity) are NaN.
	if math.IsNaN(y) || (math.IsInf(y, 0) && (x == 1 || x == -1)) {
		return math.NaN()
	}
	return fdlibmPow(x, y)
}

const (
	powTwo53  = 9007199254740992.0
	powHuge   = 1.0e300
	powTiny   = 1.0e-300
	powL1     = 5.99999999999994648725e-01
	powL2     = 4.28571428578550184252e-01
	powL3     = 3.33333329818377432918e-01
	powL4     = 2.72728123808534006489e-01
	powL5     = 2.30660745775561754067e-01
	powL6     = 2.06975017800338417784e-01
	powP1     = 1.66666666666666019037e-01
	powP2     = -2.77777777770155933842e-03
	powP3     = 6.61375632143793436117e-05
	powP4     = -1.65339022054652515390e-06
	powP5     = 4.13813679705723846039e-08
	powLg2    = 6.93147180559945286227e-01
	powLg2H   = 6.93147182464599609375e-01
	powLg2L   = -1.90465429995776804525e-09
	powOvt    = 8.0085662595372944372e-17
	powCp     = 9.61796693925975554329e-01
	powCpH    = 9.61796700954437255859e-01
	powCpL    = -7.02846165095275826516e-09
	powIvln2  = 1.44269504088896338700e+00
	powIvln2H = 1.44269502162933349609e+00
	powIvln2L = 1.92596299112661746887e-08
)

// Overflow and underflow results, computed at run time as fdlibm does (huge*huge is +Inf,
// tiny*tiny is +0; a constant expression would not compile).
var (
	powOverflow  = math.Inf(1)
	powUnderflow = 0.0
)

var (
	powBp  = [2]float64{1.0, 1.5}
	powDpH = [2]float64{0.0, 5.84962487220764160156e-01}
	powDpL = [2]float64{0.0, 1.35003920212974897128e-08}
)

func highWord(x float64) int32 { return int32(math.Float64bits(x) >> 32) }
func lowWord(x float64) uint32 { return uint32(math.Float64bits(x)) }

func fromWords(hi int32, lo uint32) float64 {
	return math.Float64frombits(uint64(uint32(hi))<<32 | uint64(lo))
}

// withLowZero clears the low 32 bits: the "high part" of a split double.
func withLowZero(x float64) float64 { return fromWords(highWord(x), 0) }

func fdlibmPow(x, y float64) float64 {
	hx, lx := highWord(x), lowWord(x)
	hy, ly := highWord(y), lowWord(y)
	ix, iy := hx&0x7fffffff, hy&0x7fffffff

	if iy|int32(ly) == 0 {
		return 1
	}
	if ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 || (iy == 0x7ff00000 && ly != 0) {
		return x + y
	}

	// yIsInt: 0 not an integer, 1 odd, 2 even (only needed when x < 0).
	yIsInt := 0
	if hx < 0 {
		if iy >= 0x43400000 {
			yIsInt = 2
		} else if iy >= 0x3ff00000 {
			k := (iy >> 20) - 0x3ff
			if k > 20 {
				j := ly >> uint(52-k)
				if j<<uint(52-k) == ly {
					yIsInt = 2 - int(j&1)
				}
			} else if ly == 0 {
				j := iy >> uint(20-k)
				if j<<uint(20-k) == iy {
					yIsInt = 2 - int(j&1)
				}
			}
		}
	}

	if ly == 0 {
		if iy == 0x7ff00000 { // y is +-Infinity
			if (ix-0x3ff00000)|int32(lx) == 0 {
				return y - y
			}
			if ix >= 0x3ff00000 {
				if hy >= 0 {
					return y
				}
				return 0
			}
			if hy < 0 {
				return -y
			}
			return 0
		}
		if iy == 0x3ff00000 {
			if hy < 0 {
				return 1 / x
			}
			return x
		}
		if hy == 0x40000000 {
			return x * x
		}
		if hy == 0x3fe00000 && hx >= 0 {
			return math.Sqrt(x)
		}
	}

	ax := math.Abs(x)
	if lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000) {
		z := ax
		if hy < 0 {
			z = 1 / z
		}
		if hx < 0 {
			if (ix-0x3ff00000)|int32(yIsInt) == 0 {
				z = math.NaN()
			} else if yIsInt == 1 {
				z = -z
			}
		}
		return z
	}

	n := int32(uint32(hx)>>31) ^ 1 // 1 for x >= 0, 0 for x < 0 (fdlibm's (hx>>31)+1)
	if n|int32(yIsInt) == 0 {
		return math.NaN()
	}
	s := 1.0
	if n == 0 && yIsInt == 1 {
		s = -1
	}

	var t1, t2 float64
	if iy > 0x41e00000 { // |y| > 2**31
		if iy > 0x43f00000 { // |y| > 2**64: certain over- or underflow
			if ix <= 0x3fefffff {
				if hy < 0 {
					return powOverflow
				}
				return powUnderflow
			}
			if hy > 0 {
				return powOverflow
			}
			return powUnderflow
		}
		if ix < 0x3fefffff {
			if hy < 0 {
				return s * powOverflow
			}
			return s * powUnderflow
		}
		if ix > 0x3ff00000 {
			if hy > 0 {
				return s * powOverflow
			}
			return s * powUnderflow
		}
		// |1-x| <= 2**-20: log(x) by its series x - x^2/2 + x^3/3 - x^4/4.
		t := ax - 1
		w := float64(t*t) * (0.5 - float64(t*(0.3333333333333333333333-float64(t*0.25))))
		u := float64(powIvln2H * t)
		v := float64(t*powIvln2L) - float64(w*powIvln2)
		t1 = withLowZero(u + v)
		t2 = v - (t1 - u)
	} else {
		n = 0
		if ix < 0x00100000 { // subnormal x
			ax *= powTwo53
			n -= 53
			ix = highWord(ax)
		}
		n += (ix >> 20) - 0x3ff
		j := ix & 0x000fffff
		ix = j | 0x3ff00000
		k := 0
		if j <= 0x3988e {
			k = 0
		} else if j < 0xbb67a {
			k = 1
		} else {
			n++
			ix -= 0x00100000
		}
		ax = fromWords(ix, lowWord(ax))

		// ss = (x-1)/(x+1) or (x-1.5)/(x+1.5), split in sH + sL.
		u := ax - powBp[k]
		v := 1 / (ax + powBp[k])
		ss := u * v
		sH := withLowZero(ss)
		tH := fromWords(((ix>>1)|0x20000000)+0x00080000+int32(k<<18), 0)
		tL := ax - (tH - powBp[k])
		sL := v * ((u - float64(sH*tH)) - float64(sH*tL))
		s2 := ss * ss
		r := float64(s2*s2) * (powL1 + float64(s2*(powL2+float64(s2*(powL3+float64(s2*(powL4+float64(s2*(powL5+float64(s2*powL6))))))))))
		r += float64(sL * (sH + ss))
		s2 = sH * sH
		tH = withLowZero(3.0 + s2 + r)
		tL = r - ((tH - 3.0) - s2)
		u = sH * tH
		v = float64(sL*tH) + float64(tL*ss)
		pH := withLowZero(u + v)
		pL := v - (pH - u)
		zH := powCpH * pH
		zL := float64(powCpL*pH) + float64(pL*powCp) + powDpL[k]
		t := float64(n)
		t1 = withLowZero(((zH + zL) + powDpH[k]) + t)
		t2 = zL - (((t1 - t) - powDpH[k]) - zH)
	}

	// (y1 + y2) * (t1 + t2), with y1 the high part of y.
	y1 := withLowZero(y)
	pL := float64((y-y1)*t1) + float64(y*t2)
	pH := y1 * t1
	z := pL + pH
	j := highWord(z)
	i := int32(lowWord(z))
	if j >= 0x40900000 { // z >= 1024
		if (j-0x40900000)|i != 0 {
			return s * powOverflow
		}
		if pL+powOvt > z-pH {
			return s * powOverflow
		}
	} else if j&0x7fffffff >= 0x4090cc00 { // z <= -1075
		if uint32(j)-0xc090cc00|uint32(i) != 0 {
			return s * powUnderflow
		}
		if pL <= z-pH {
			return s * powUnderflow
		}
	}

	// 2**(pH + pL).
	i = j & 0x7fffffff
	k := (i >> 20) - 0x3ff
	n = 0
	if i > 0x3fe00000 { // |z| > 0.5: n = [z + 0.5]
		n = j + (0x00100000 >> uint(k+1))
		k = ((n & 0x7fffffff) >> 20) - 0x3ff
		t := fromWords(n&^(0x000fffff>>uint(k)), 0)
		n = ((n & 0x000fffff) | 0x00100000) >> uint(20-k)
		if j < 0 {
			n = -n
		}
		pH -= t
	}
	t := withLowZero(pL + pH)
	u := t * powLg2H
	v := float64((pL-(t-pH))*powLg2) + float64(t*powLg2L)
	z = u + v
	w := v - (z - u)
	t = z * z
	t1 = z - float64(t*(powP1+float64(t*(powP2+float64(t*(powP3+float64(t*(powP4+float64(t*powP5)))))))))
	// V8 groups this division differently from the original fdlibm; Node's results follow V8.
	r := float64(z*t1) / ((t1 - 2) - (w + float64(z*w)))
	z = 1 - (r - z)
	j = highWord(z) + n<<20
	if j>>20 <= 0 {
		z = math.Ldexp(z, int(n)) // subnormal result
	} else {
		z = fromWords(j, lowWord(z))
	}
	return s * z
}
