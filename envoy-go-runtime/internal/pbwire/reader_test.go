package pbwire

import (
	"errors"
	"testing"
)

func TestReaderWalksEveryWireType(t *testing.T) {
	msg := []byte{
		0x08, 0x96, 0x01, // 1: varint 150
		0x11, 1, 2, 3, 4, 5, 6, 7, 8, // 2: fixed64
		0x1a, 0x03, 'a', 'b', 'c', // 3: bytes "abc"
		0x23, 0x08, 0x01, 0x24, // 4: group containing field 1, skipped
		0x2d, 1, 0, 0, 0, // 5: fixed32 1
	}
	r := NewReader(msg)
	var got []Field
	for {
		f, ok, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, f)
	}
	if len(got) != 4 {
		t.Fatalf("got %d fields: %+v", len(got), got)
	}
	if got[0].Number != 1 || got[0].Type != Varint || got[0].Varint != 150 {
		t.Errorf("field 1: %+v", got[0])
	}
	if got[1].Number != 2 || got[1].Varint != 0x0807060504030201 {
		t.Errorf("field 2: %+v", got[1])
	}
	if got[2].Number != 3 || string(got[2].Data) != "abc" {
		t.Errorf("field 3: %+v", got[2])
	}
	if got[3].Number != 5 || got[3].Type != Fixed32 || got[3].Varint != 1 {
		t.Errorf("field 5: %+v", got[3])
	}
}

func TestReaderErrors(t *testing.T) {
	cases := map[string][]byte{
		"truncated varint":   {0x08, 0x80},
		"truncated bytes":    {0x0a, 0x05, 'a'},
		"truncated fixed64":  {0x09, 1, 2},
		"field zero":         {0x00, 0x01},
		"unclosed group":     {0x0b, 0x08, 0x01},
		"mismatched group":   {0x0b, 0x14},
		"stray end group":    {0x0c},
		"invalid wire type":  {0x0e},
		"overlong varint":    {0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		"huge length prefix": {0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f},
	}
	for name, msg := range cases {
		r := NewReader(msg)
		var err error
		for err == nil {
			var ok bool
			_, ok, err = r.Next()
			if !ok && err == nil {
				t.Errorf("%s: read to the end without error", name)
				break
			}
		}
	}
	_, _, err := NewReader([]byte{0x0a, 0x05}).Next()
	if !errors.Is(err, ErrTruncated) {
		t.Errorf("want ErrTruncated, got %v", err)
	}
}
