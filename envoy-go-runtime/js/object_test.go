package js

import (
	"strings"
	"testing"
)

// Shapes of generated structs: { b: string, a: number } and { b: number, a: number }.
type spreadSource struct {
	B    string  `js:"b"`
	A    float64 `js:"a"`
	keys Keys
}

type spreadResult struct {
	B    float64 `js:"b"`
	A    float64 `js:"a"`
	keys Keys
}

func TestSpreadOverriddenKeepsKeyOrderWithoutCopying(t *testing.T) {
	// { ...src, b: 2 } where src.b is a string: the literal's b replaces it.
	src := &spreadSource{B: "x", A: 1, keys: KeysOf("b", "a")}
	dst := &spreadResult{keys: KeysOf()}
	Spread(dst, src, "b")
	dst.B = 2
	dst.keys.Add("b")
	if got := strings.Join(ObjectKeys(dst).Items(), ","); got != "b,a" {
		t.Fatalf("keys = %s, want b,a (the spread's order)", got)
	}
	if dst.A != 1 || dst.B != 2 {
		t.Fatalf("values = %v, %v", dst.A, dst.B)
	}
}

func TestSpreadOfAMismatchedTypeIsRefused(t *testing.T) {
	// Without the overridden name, a string cannot go into a float64: a TypeError, never a silent 0.
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	Spread(&spreadResult{keys: KeysOf()}, &spreadSource{B: "x", keys: KeysOf("b")})
}

// Shapes of generated structs for { ...defaults, ...partial }: Config { limit: number;
// name: string; on: boolean; note?: string } and Partial<Config>.
type config struct {
	Limit float64 `js:"limit"`
	Name  string  `js:"name"`
	On    bool    `js:"on"`
	Note  *string `js:"note,optional"`
	keys  Keys
}

type partialConfig struct {
	Limit *float64 `js:"limit,optional"`
	Name  *string  `js:"name,optional"`
	On    *bool    `js:"on,optional"`
	Note  *string  `js:"note,optional"`
	keys  Keys
}

func defaults() *config {
	return &config{Limit: 10, Name: "d", On: true, keys: KeysOf("limit", "name", "on")}
}

// typeErrorOf runs f and returns the message of the TypeError it throws, or fails.
func typeErrorOf(t *testing.T, f func()) (message string) {
	t.Helper()
	defer func() {
		e, ok := recover().(*Error)
		if !ok || e.Name != "TypeError" {
			t.Fatalf("want a thrown TypeError, got %v", e)
		}
		message = e.Message
	}()
	f()
	return ""
}

func TestSpreadOfAbsentOptionalKeepsTheDefault(t *testing.T) {
	// { ...defaults, ...{ limit: 5 } }: name and on are absent from the source.
	dst := &config{keys: KeysOf()}
	Spread(dst, defaults())
	Spread(dst, &partialConfig{Limit: Ptr(5.0), keys: KeysOf("limit")})
	if dst.Limit != 5 || dst.Name != "d" || !dst.On || dst.Note != nil {
		t.Fatalf("got %+v", dst)
	}
	if got := strings.Join(ObjectKeys(dst).Items(), ","); got != "limit,name,on" {
		t.Fatalf("keys = %s", got)
	}
}

func TestSpreadOfAbsentOptionalWithoutRecordedKeysKeepsTheDefault(t *testing.T) {
	// A source whose key order was never recorded lists its non-nil optional fields only.
	dst := defaults()
	Spread(dst, &partialConfig{Name: Ptr("n")})
	if dst.Limit != 10 || dst.Name != "n" || !dst.On {
		t.Fatalf("got %+v", dst)
	}
}

func TestSpreadOfPresentUndefinedIntoRequiredPrimitiveThrows(t *testing.T) {
	for _, c := range []struct {
		key, want string
	}{
		{"limit", "cannot spread undefined into 'limit' (number)"},
		{"name", "cannot spread undefined into 'name' (string)"},
		{"on", "cannot spread undefined into 'on' (boolean)"},
	} {
		// { ...defaults, ...{ [key]: undefined } }
		got := typeErrorOf(t, func() { Spread(defaults(), &partialConfig{keys: KeysOf(c.key)}) })
		if got != c.want {
			t.Errorf("%s: message = %q, want %q", c.key, got, c.want)
		}
	}
}

func TestSpreadOfNullIntoRequiredPrimitiveThrows(t *testing.T) {
	src := NewRecord[any]()
	src.Set("limit", Null)
	if got := typeErrorOf(t, func() { Spread(defaults(), src) }); got != "cannot spread null into 'limit' (number)" {
		t.Fatalf("message = %q", got)
	}
}

func TestSpreadOfPresentUndefinedIntoOptionalIsCopied(t *testing.T) {
	// { ...{ note: "x" }, ...{ note: undefined } }: note stays an own property holding undefined.
	dst := &config{Note: Ptr("x"), keys: KeysOf("note")}
	Spread(dst, &partialConfig{keys: KeysOf("note")})
	if dst.Note != nil || !HasOwn(dst, "note") {
		t.Fatalf("note = %v, own = %v", dst.Note, HasOwn(dst, "note"))
	}
}

func TestSpreadOfPresentUndefinedOverriddenLaterIsNotCopied(t *testing.T) {
	// { ...defaults, ...{ limit: undefined }, limit: 3 }: the literal sets limit afterwards.
	dst := defaults()
	Spread(dst, &partialConfig{keys: KeysOf("limit")}, "limit")
	if dst.Limit != 10 {
		t.Fatalf("limit = %v", dst.Limit)
	}
}

func TestSpreadOfPresentUndefinedIntoNumberRecordThrows(t *testing.T) {
	dst := NewRecord[float64]()
	got := typeErrorOf(t, func() { Spread(dst, &partialConfig{Limit: Ptr(1.0), Note: nil, keys: KeysOf("limit", "note")}) })
	if got != "cannot spread undefined into 'note' (number)" {
		t.Fatalf("message = %q", got)
	}
}

func TestAssignOfPresentUndefinedIntoRequiredPrimitiveThrows(t *testing.T) {
	d := defaults()
	got := typeErrorOf(t, func() { Assign(d, &partialConfig{On: Ptr(false), keys: KeysOf("on", "limit")}) })
	if got != "Object.assign cannot copy undefined into 'limit' (number)" {
		t.Fatalf("message = %q", got)
	}
}

func TestAssignOfAbsentOptionalKeepsTheTarget(t *testing.T) {
	d := defaults()
	if Assign(d, &partialConfig{On: Ptr(false), keys: KeysOf("on")}) != any(d) {
		t.Fatal("Assign returns its target")
	}
	if d.Limit != 10 || d.Name != "d" || d.On {
		t.Fatalf("got %+v", d)
	}
}

// { s: string | null, k?: number | null }: nullable members are Go `any`.
type nullableMembers struct {
	S    any `js:"s"`
	K    any `js:"k,optional"`
	keys Keys
}

func TestSpreadAssignAndRestKeepNull(t *testing.T) {
	src := &nullableMembers{S: Null, K: Null, keys: KeysOf("s", "k")}
	spread := &nullableMembers{}
	Spread(spread, src)
	assigned := &nullableMembers{S: "q", K: 3.0, keys: KeysOf("s", "k")}
	Assign(assigned, src)
	rest := Rest[*nullableMembers](src)
	for name, o := range map[string]*nullableMembers{"spread": spread, "assign": assigned, "rest": rest} {
		if o.S != any(Null) || o.K != any(Null) {
			t.Errorf("%s: s=%v k=%v, want null and null", name, o.S, o.K)
		}
		if got := JSONStringify(o); got != `{"s":null,"k":null}` {
			t.Errorf("%s: JSON %s", name, got)
		}
	}
}

func TestObjectValuesAndEntriesOfAStruct(t *testing.T) {
	o := &nullableMembers{S: "x", K: Null, keys: KeysOf("s", "k")}
	if got := JSONStringify(ObjectValues[any](o)); got != `["x",null]` {
		t.Errorf("values = %s", got)
	}
	if got := JSONStringify(ObjectEntries[any](o)); got != `[["s","x"],["k",null]]` {
		t.Errorf("entries = %s", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Object.values(null) should throw")
		}
	}()
	ObjectValues[any](nil)
}
