// Command protofixtures writes ../configs/<name>.pb: serialized google.protobuf.Any
// messages as Envoy hands them to envoyGoFilterNewHttpPluginConfig. The expected JSON of
// each fixture is written by hand in the tests that use it.
//
//	cd envoy-go-runtime/testdata/protofixtures && go run .
package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func main() {
	out := filepath.Join("..", "configs")
	if err := os.MkdirAll(out, 0o755); err != nil {
		fail(err)
	}
	for name, msg := range fixtures() {
		if err := os.WriteFile(filepath.Join(out, name+".pb"), msg, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// sampleFields is {"zeta":"last \"quoted\"\n","alpha":1.5,"list":[true,null,-3,{}],
// "nested":{"x":1e21}}, keys deliberately out of alphabetical order: the wire order must
// survive.
func sampleFields() []kv {
	return []kv{
		field("zeta", structpb.NewStringValue("last \"quoted\"\n")),
		field("alpha", structpb.NewNumberValue(1.5)),
		field("list", structpb.NewListValue(&structpb.ListValue{Values: []*structpb.Value{
			structpb.NewBoolValue(true), structpb.NewNullValue(), structpb.NewNumberValue(-3),
			structpb.NewStructValue(&structpb.Struct{}),
		}})),
		field("nested", structpb.NewStructValue(&structpb.Struct{Fields: map[string]*structpb.Value{
			"x": structpb.NewNumberValue(1e21),
		}})),
	}
}

func fixtures() map[string][]byte {
	return map[string][]byte{
		"typed_struct_v3": anyOf("type.googleapis.com/xds.type.v3.TypedStruct",
			typedStruct("type.googleapis.com/mosn.ts.Config", structOf(sampleFields()...))),
		// What the mock host writes for the same JSON (no inner type_url).
		"mockhost_typed_struct": anyOf("type.googleapis.com/xds.type.v3.TypedStruct",
			typedStruct("", structOf(sampleFields()...))),
		"mockhost_empty_object": anyOf("type.googleapis.com/xds.type.v3.TypedStruct",
			typedStruct("", structOf())),
		"typed_struct_v1": anyOf("type.googleapis.com/udpa.type.v1.TypedStruct",
			typedStruct("", structOf(field("requiredHeader", structpb.NewStringValue("x-api-key"))))),
		"struct": anyOf("type.googleapis.com/google.protobuf.Struct",
			structOf(field("a", structpb.NewStringValue("b")))),
		"string_value": mustAny(wrapperspb.String(`{"requiredHeader": 7}`)),
		"duplicate_key": anyOf("type.googleapis.com/xds.type.v3.TypedStruct",
			typedStruct("", structOf(
				field("a", structpb.NewNumberValue(1)),
				field("b", structpb.NewNumberValue(2)),
				field("a", structpb.NewNumberValue(3)),
			))),
		"nan": anyOf("type.googleapis.com/xds.type.v3.TypedStruct",
			typedStruct("", structOf(field("n", structpb.NewNumberValue(math.NaN()))))),
		"unsupported": mustAny(wrapperspb.Int64(5)),
		"empty":       {},
	}
}

func mustAny(m proto.Message) []byte {
	a, err := anypb.New(m)
	if err != nil {
		fail(err)
	}
	return marshal(a)
}

func marshal(m proto.Message) []byte {
	b, err := proto.MarshalOptions{Deterministic: true}.Marshal(m)
	if err != nil {
		fail(err)
	}
	return b
}

// anyOf builds an Any around already-serialized value bytes.
func anyOf(typeURL string, value []byte) []byte {
	return marshal(&anypb.Any{TypeUrl: typeURL, Value: value})
}

// typedStruct serializes a TypedStruct {1: type_url, 2: value}; its generated type lives
// in a module outside the cache, and the wire form is two fields.
func typedStruct(typeURL string, structBytes []byte) []byte {
	var b []byte
	if typeURL != "" {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendString(b, typeURL)
	}
	b = protowire.AppendTag(b, 2, protowire.BytesType)
	return protowire.AppendBytes(b, structBytes)
}

type kv struct {
	key   string
	value *structpb.Value
}

func field(key string, value *structpb.Value) kv { return kv{key, value} }

// structOf serializes a Struct with its map entries in the given order (proto.Marshal
// would sort or randomise them).
func structOf(fields ...kv) []byte {
	var b []byte
	for _, f := range fields {
		var e []byte
		e = protowire.AppendTag(e, 1, protowire.BytesType)
		e = protowire.AppendString(e, f.key)
		e = protowire.AppendTag(e, 2, protowire.BytesType)
		e = protowire.AppendBytes(e, marshal(f.value))
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, e)
	}
	return b
}
