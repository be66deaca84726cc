package js

import (
	"math"
	"testing"
)

func TestNumberToString(t *testing.T) {
	cases := map[float64]string{
		0: "0", math.Copysign(0, -1): "0", 1: "1", -1.5: "-1.5", 0.1: "0.1",
		0.30000000000000004: "0.30000000000000004", 1e21: "1e+21", 1e20: "100000000000000000000",
		123e-20: "1.23e-18", 0.000001: "0.000001", 0.0000001: "1e-7", 1.5e-7: "1.5e-7",
		math.Inf(1): "Infinity", math.Inf(-1): "-Infinity", math.NaN(): "NaN",
		5e-324: "5e-324", math.MaxFloat64: "1.7976931348623157e+308", 123456789012: "123456789012",
	}
	for f, want := range cases {
		if got := NumberToString(f); got != want {
			t.Errorf("NumberToString(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestToFixed(t *testing.T) {
	cases := []struct {
		f    float64
		d    int
		want string
	}{
		{2.5, 0, "3"}, {1.005, 2, "1.00"}, {1.45, 1, "1.4"}, {-1.5, 0, "-2"}, {0, 2, "0.00"},
		{123.456, 1, "123.5"}, {0.000001, 3, "0.000"}, {1e21, 2, "1e+21"}, {-0.0001, 2, "-0.00"},
	}
	for _, c := range cases {
		if got := ToFixed(c.f, c.d); got != c.want {
			t.Errorf("ToFixed(%v, %d) = %q, want %q", c.f, c.d, got, c.want)
		}
	}
}

func TestParseAndConvert(t *testing.T) {
	if got := ParseInt("  42px", 0); got != 42 {
		t.Errorf("ParseInt = %v", got)
	}
	if got := ParseInt("0x1F", 0); got != 31 {
		t.Errorf("ParseInt hex = %v", got)
	}
	if got := ParseInt("z", 0); got == got {
		t.Errorf("ParseInt(z) = %v, want NaN", got)
	}
	if got := ParseFloat("3.14abc"); got != 3.14 {
		t.Errorf("ParseFloat = %v", got)
	}
	if got := ParseFloat(".5e1x"); got != 5 {
		t.Errorf("ParseFloat = %v", got)
	}
	if got := StringToNumber(" 12 "); got != 12 {
		t.Errorf("StringToNumber = %v", got)
	}
	if got := StringToNumber("12px"); got == got {
		t.Errorf("StringToNumber(12px) = %v, want NaN", got)
	}
	if got := StringToNumber("0x10"); got != 16 {
		t.Errorf("StringToNumber(0x10) = %v", got)
	}
	if got := ToInt32(4294967297); got != 1 {
		t.Errorf("ToInt32 = %v", got)
	}
	if got := ToInt32(-1.9); got != -1 {
		t.Errorf("ToInt32(-1.9) = %v", got)
	}
	if got := ToUint32(-1); got != 4294967295 {
		t.Errorf("ToUint32(-1) = %v", got)
	}
	if got := Round(-2.5); got != -2 {
		t.Errorf("Round(-2.5) = %v", got)
	}
}
