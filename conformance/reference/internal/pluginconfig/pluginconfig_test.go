package pluginconfig

import (
	"testing"

	xds "github.com/cncf/xds/go/xds/type/v3"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func typedStruct(t *testing.T, value map[string]any) *anypb.Any {
	t.Helper()
	s, err := structpb.NewStruct(value)
	if err != nil {
		t.Fatal(err)
	}
	a, err := anypb.New(&xds.TypedStruct{Value: s})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestFieldsReadsTheTypedStructValue(t *testing.T) {
	fields, err := Fields(typedStruct(t, map[string]any{"greeting": "hi", "delayMs": 2}))
	if err != nil {
		t.Fatal(err)
	}
	if g, err := String(fields, "greeting"); err != nil || g != "hi" {
		t.Errorf("greeting = %q, %v", g, err)
	}
	if d, err := Number(fields, "delayMs"); err != nil || d != 2 {
		t.Errorf("delayMs = %v, %v", d, err)
	}
}

func TestFieldsRejectsOtherMessages(t *testing.T) {
	a, err := anypb.New(wrapperspb.String("{}"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Fields(a); err == nil {
		t.Fatal("a StringValue was accepted as a TypedStruct")
	}
}

func TestMembersOfTheWrongTypeAreErrors(t *testing.T) {
	fields := map[string]any{"greeting": 3.0, "delayMs": "x"}
	if _, err := String(fields, "greeting"); err == nil {
		t.Error("a number was read as a string")
	}
	if _, err := Number(fields, "delayMs"); err == nil {
		t.Error("a string was read as a number")
	}
	if _, err := String(fields, "missing"); err == nil {
		t.Error("a missing member was read")
	}
}
