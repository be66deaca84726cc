package pbwire

import (
	"math"
	"testing"
)

// entry builds one Struct field entry {key, value}.
func entry(key string, value []byte) []byte {
	e := append([]byte{0x0a, byte(len(key))}, key...)
	e = append(e, 0x12, byte(len(value)))
	e = append(e, value...)
	return append([]byte{0x0a, byte(len(e))}, e...)
}

func TestValuesRoundTrip(t *testing.T) {
	cases := []struct {
		encoded []byte
		want    Value
	}{
		{AppendStringValue(nil, "hé"), Value{Kind: KindString, String: "hé"}},
		{AppendStringValue(nil, ""), Value{Kind: KindString}},
		{AppendNumberValue(nil, 2.5), Value{Kind: KindNumber, Number: 2.5}},
		{AppendNumberValue(nil, 0), Value{Kind: KindNumber}},
		{AppendBoolValue(nil, true), Value{Kind: KindBool, Bool: true}},
		{AppendBoolValue(nil, false), Value{Kind: KindBool}},
		{[]byte{0x08, 0x00}, Value{Kind: KindNull}},
		{[]byte{0x2a, 0x00}, Value{Kind: KindStruct}},
		{[]byte{0x32, 0x00}, Value{Kind: KindList}},
		// The last oneof member wins.
		{append(AppendStringValue(nil, "x"), AppendBoolValue(nil, true)...), Value{Kind: KindBool, Bool: true}},
		{nil, Value{}},
	}
	for _, c := range cases {
		got, err := DecodeValue(c.encoded)
		if err != nil || got != c.want {
			t.Errorf("% x: got %+v, %v; want %+v", c.encoded, got, err, c.want)
		}
	}
	// protobuf-go writes a oneof's default too: 0x11 then eight zero bytes for 0.0.
	if got := AppendNumberValue(nil, 0); len(got) != 9 || got[0] != 0x11 {
		t.Fatalf("number 0 encodes as % x", got)
	}
	if got := AppendNumberValue(nil, math.Inf(1)); len(got) != 9 {
		t.Fatalf("% x", got)
	}
}

func TestStructField(t *testing.T) {
	msg := append(entry("a", AppendStringValue(nil, "1")), entry("b", AppendBoolValue(nil, true))...)
	msg = append(msg, entry("a", AppendStringValue(nil, "2"))...)
	v, found, err := StructField(msg, "a")
	if err != nil || !found {
		t.Fatalf("a: %v %v", found, err)
	}
	if got, _ := DecodeValue(v); got.String != "2" {
		t.Fatalf("a repeated key takes its last entry: %+v", got)
	}
	if _, found, _ := StructField(msg, "c"); found {
		t.Fatal("c is not there")
	}
	if _, _, err := StructField([]byte{0x0a, 0x05, 0x0a}, "a"); err == nil {
		t.Fatal("a truncated struct must fail")
	}
}
