package js

import (
	"strings"
	"testing"
)

type testConfig struct {
	RequiredHeader string         `js:"requiredHeader"`
	Strip          *Array[string] `js:"strip"`
	Prefix         *string        `js:"prefix"`
	Mode           string         `js:"mode"`
	Limit          *float64       `js:"limit"`
}

var testConfigSchema = ObjectSchema("TestConfig",
	Required("requiredHeader", StringSchema),
	Required("strip", ArraySchema(StringSchema)),
	Optional("prefix", StringSchema),
	Required("mode", UnionSchema(LiteralSchema("allow"), LiteralSchema("deny"))),
	Optional("limit", NumberSchema),
)

func TestDecodeJSONValid(t *testing.T) {
	c, err := DecodeJSON[*testConfig]([]byte(`{"requiredHeader":"x-key","strip":["a","b"],"mode":"deny","limit":2.5}`), testConfigSchema)
	if err != nil {
		t.Fatal(err)
	}
	if c.RequiredHeader != "x-key" || c.Strip.Join(",") != "a,b" || c.Prefix != nil || c.Mode != "deny" || *c.Limit != 2.5 {
		t.Fatalf("decoded %+v", c)
	}
}

// The messages are a contract with the TypeScript host (docs/architecture.md, "Config decoding").
func TestDecodeJSONErrors(t *testing.T) {
	cases := map[string]string{
		`{"requiredHeader":1,"strip":[],"mode":"allow"}`:                 "$.requiredHeader: expected string, got number",
		`{"strip":[],"mode":"allow"}`:                                    "$.requiredHeader: missing required field",
		`{"requiredHeader":"h","strip":["a",true],"mode":"allow"}`:       "$.strip[1]: expected string, got boolean",
		`{"requiredHeader":"h","strip":[],"mode":"x"}`:                   `$.mode: expected "allow" | "deny", got "x"`,
		`{"requiredHeader":"h","strip":[],"mode":3}`:                     `$.mode: expected "allow" | "deny", got 3`,
		`{"requiredHeader":"h","strip":[],"mode":"allow","extra":1}`:     "$.extra: unknown field",
		`{"requiredHeader":"h","strip":[],"mode":"allow","a-b":1}`:       `$["a-b"]: unknown field`,
		`{"requiredHeader":"h","strip":null,"mode":"allow"}`:             "$.strip: expected array, got null",
		`{"requiredHeader":"h","strip":[],"mode":"allow","prefix":null}`: "$.prefix: expected string, got null",
		`[1]`:               "$: expected object, got array",
		`{"requiredHeader"`: "$: invalid JSON: Expected ':' after property name in JSON at position 17", // V8's JSON.parse message
	}
	for input, want := range cases {
		_, err := DecodeJSON[*testConfig]([]byte(input), testConfigSchema)
		if err == nil || err.Error() != want {
			t.Errorf("DecodeJSON(%s) error = %v, want %q", input, err, want)
		}
	}
}

func TestParseJSONThrows(t *testing.T) {
	defer func() {
		e, ok := recover().(*Error)
		if !ok || e.Name != "SyntaxError" {
			t.Fatalf("recovered %v, want a SyntaxError", e)
		}
	}()
	ParseJSON[float64]("{", NumberSchema)
}

func TestDecodeJSONRecordsInJavaScriptOrder(t *testing.T) {
	schema := RecordSchema(NumberSchema)
	// The TS host checks in Object.entries order: "2" (an array index) before "b".
	_, err := DecodeJSON[*Record[float64]]([]byte(`{"b":"x","2":"y"}`), schema)
	if err == nil || err.Error() != `$["2"]: expected number, got string` {
		t.Fatalf("error = %v", err)
	}
	// A repeated key keeps its first place and its last value; "__proto__" is an own key.
	r, err := DecodeJSON[*Record[float64]]([]byte(`{"b":1,"1":2,"b":3,"__proto__":4}`), schema)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{}
	for k, v := range r.All() {
		keys = append(keys, k+"="+NumberToString(v))
	}
	if got := strings.Join(keys, ","); got != "1=2,b=3,__proto__=4" {
		t.Fatalf("record = %s", got)
	}
}

func TestDecodeJSONUnknownMembersInJavaScriptOrder(t *testing.T) {
	schema := ObjectSchema("TestConfig", Required("strip", ArraySchema(StringSchema)))
	// Object.keys lists "5" (an array index) before "z": the TS host reports it first.
	_, err := DecodeJSON[*struct {
		Strip *Array[string] `js:"strip"`
	}]([]byte(`{"strip":[],"z":1,"5":2}`), schema)
	if err == nil || err.Error() != `$["5"]: unknown field` {
		t.Fatalf("error = %v", err)
	}
}

// definePlugin<{}>: the config type has no members and no Go type of its own (it is an any).
func TestDecodeJSONMemberlessObject(t *testing.T) {
	schema := ObjectSchema("")
	v, err := DecodeJSON[any]([]byte(`{}`), schema)
	if err != nil {
		t.Fatal(err)
	}
	if got := JSONStringify(v); got != "{}" {
		t.Fatalf("decoded %s", got)
	}
	for input, want := range map[string]string{
		`{"b":1,"3":2}`: `$["3"]: unknown field`,
		`[]`:            "$: expected object, got array",
		`"x"`:           "$: expected object, got string",
	} {
		if _, err := DecodeJSON[any]([]byte(input), schema); err == nil || err.Error() != want {
			t.Errorf("DecodeJSON(%s) error = %v, want %q", input, err, want)
		}
	}
	// JSON.parse keeps the members.
	if got := JSONStringify(ParseJSON[any](`{"b":1,"3":2}`, schema)); got != `{"3":2,"b":1}` {
		t.Fatalf("JSON.parse gave %s", got)
	}
}
