package anyjson

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Fixtures come from the official protobuf-go encoder (testdata/protofixtures).
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "configs", name+".pb"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeAcceptedPayloads(t *testing.T) {
	cases := map[string]string{
		"typed_struct_v3": `{"zeta":"last \"quoted\"\n","alpha":1.5,"list":[true,null,-3,{}],"nested":{"x":1e+21}}`,
		"typed_struct_v1": `{"requiredHeader":"x-api-key"}`,
		"struct":          `{"a":"b"}`,
		"string_value":    `{"requiredHeader": 7}`,
		"duplicate_key":   `{"a":3,"b":2}`,
		"empty":           `{}`,
		// What the mock host sends (its writer is checked against the same bytes).
		"mockhost_typed_struct": `{"zeta":"last \"quoted\"\n","alpha":1.5,"list":[true,null,-3,{}],"nested":{"x":1e+21}}`,
		"mockhost_empty_object": `{}`,
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := Decode(fixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Fatalf("got  %s\nwant %s", got, want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := map[string]string{
		"unsupported": `unsupported plugin_config type "type.googleapis.com/google.protobuf.Int64Value"`,
		"nan":         `$.n: number NaN is not representable in JSON`,
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Decode(fixture(t, name))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("error %v, want it to contain %q", err, want)
			}
		})
	}
}

func TestDecodeTruncatedInputIsAnError(t *testing.T) {
	full := fixture(t, "typed_struct_v3")
	// The Any is {1: type_url, 2: value}; a prefix ending right after field 1 is a valid
	// (empty-valued) message, every other prefix cuts a field.
	boundary := 2 + len("type.googleapis.com/xds.type.v3.TypedStruct")
	for n := 1; n < len(full); n++ {
		if _, err := Decode(full[:n]); err == nil && n != boundary {
			t.Fatalf("prefix of %d bytes decoded without error", n)
		}
	}
}

func TestDecodeRejectsInvalidUTF8Keys(t *testing.T) {
	// Any{type_url: ".../google.protobuf.Struct", value: Struct{fields: {"\xff": null}}}
	entry := []byte{0x0a, 0x01, 0xff, 0x12, 0x02, 0x08, 0x00}
	st := append([]byte{0x0a, byte(len(entry))}, entry...)
	url := "type.googleapis.com/google.protobuf.Struct"
	msg := append([]byte{0x0a, byte(len(url))}, url...)
	msg = append(msg, 0x12, byte(len(st)))
	msg = append(msg, st...)
	if _, err := Decode(msg); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Fatalf("got %v", err)
	}
}

func TestDecodeBoundsNesting(t *testing.T) {
	// Build a list nested 200 deep by hand: Value{list_value: ListValue{values: [inner]}}.
	inner := []byte{0x08, 0x00} // Value{null_value}
	for range 200 {
		list := append([]byte{0x0a}, appendLen(nil, inner)...)
		inner = append([]byte{0x32}, appendLen(nil, list)...)
	}
	entry := append([]byte{0x0a, 0x01, 'k', 0x12}, appendLen(nil, inner)...)
	st := append([]byte{0x0a}, appendLen(nil, entry)...)
	url := "type.googleapis.com/google.protobuf.Struct"
	msg := append([]byte{0x0a, byte(len(url))}, url...)
	msg = append(msg, 0x12)
	msg = append(msg, appendLen(nil, st)...)
	if _, err := Decode(msg); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Fatalf("got %v", err)
	}
}

func appendLen(b, payload []byte) []byte {
	n := len(payload)
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	b = append(b, byte(n))
	return append(b, payload...)
}

func TestChildPath(t *testing.T) {
	cases := map[string]string{"name": "$.name", "a b": `$["a b"]`, "1x": `$["1x"]`, "": `$[""]`, "_$9": "$._$9"}
	for key, want := range cases {
		if got := childPath("$", key); got != want {
			t.Errorf("childPath(%q) = %s, want %s", key, got, want)
		}
	}
}
