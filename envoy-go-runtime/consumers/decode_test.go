package consumers

import (
	"strings"
	"testing"
)

func TestDecodeBuildsTheRegistry(t *testing.T) {
	r, err := decode([]byte(`{"consumers": [
		{"name": "alice", "credentials": {"key-auth": ["k-alice-1", "k-alice-2"], "jwt": ["k-bob"]}, "settings": {"tier": "gold", "quota": "100"}},
		{"name": "bob", "credentials": {"key-auth": ["k-bob"]}},
		{"name": "carol", "credentials": {}, "settings": {}}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	alice, bob, carol := r.ByName("alice"), r.ByName("bob"), r.ByName("carol")
	if alice == nil || bob == nil || carol == nil || alice.Name != "alice" || bob.Name != "bob" {
		t.Fatalf("consumers %v %v %v", alice, bob, carol)
	}
	for _, c := range []struct {
		kind, credential string
		want             string
	}{
		{"key-auth", "k-alice-1", "alice"},
		{"key-auth", "k-alice-2", "alice"},
		{"jwt", "k-bob", "alice"},
		{"key-auth", "k-bob", "bob"},
		{"key-auth", "nope", ""},
		{"basic", "k-bob", ""},
	} {
		got := ""
		if owner := r.ByCredential(c.kind, c.credential); owner != nil {
			got = owner.Name
		}
		if got != c.want {
			t.Errorf("ByCredential(%q, %q) = %q, want %q", c.kind, c.credential, got, c.want)
		}
	}
	if v, ok := alice.Setting("tier"); !ok || v != "gold" {
		t.Errorf("alice tier %q/%v", v, ok)
	}
	if v, ok := alice.Setting("quota"); !ok || v != "100" {
		t.Errorf("alice quota %q/%v", v, ok)
	}
	for _, key := range []string{"tier", "constructor", "__proto__", "toString"} {
		if v, ok := bob.Setting(key); ok {
			t.Errorf("bob has setting %s = %q", key, v)
		}
	}
}

func TestDecodeAcceptsNoConsumers(t *testing.T) {
	r, err := decode([]byte(`{"consumers":[]}`))
	if err != nil || r == nil || r.ByName("alice") != nil {
		t.Fatalf("registry %v, error %v", r, err)
	}
}

// The texts are a contract with the TypeScript host (docs/architecture.md, "Consumers").
func TestDecodeErrors(t *testing.T) {
	cases := []struct{ config, want string }{
		// Type checks, as for any plugin config.
		{`{}`, `$.consumers: missing required field`},
		{`{"consumers":{}}`, `$.consumers: expected array, got object`},
		{`{"consumers":[],"extra":1}`, `$.extra: unknown field`},
		{`{"consumers":[{}]}`, `$.consumers[0].name: missing required field`},
		{`{"consumers":[{"name":1}]}`, `$.consumers[0].name: expected string, got number`},
		{`{"consumers":[{"name":"a","tags":[]}]}`, `$.consumers[0].tags: unknown field`},
		{`{"consumers":[{"name":"a","credentials":null}]}`, `$.consumers[0].credentials: expected object, got null`},
		{`{"consumers":[{"name":"a","credentials":{"key-auth":"k"}}]}`, `$.consumers[0].credentials["key-auth"]: expected array, got string`},
		{`{"consumers":[{"name":"a","credentials":{"jwt":["t",2]}}]}`, `$.consumers[0].credentials.jwt[1]: expected string, got number`},
		{`{"consumers":[{"name":"a","settings":{"tier":1}}]}`, `$.consumers[0].settings.tier: expected string, got number`},
		{`{"consumers":[{"name":"a","settings":[]}]}`, `$.consumers[0].settings: expected object, got array`},
		{`[]`, `$: expected object, got array`},
		{`{"consumers":["alice"]}`, `$.consumers[0]: expected object, got string`},
		{`{"consumers":[{"name":"a","credentials":["k"]}]}`, `$.consumers[0].credentials: expected object, got array`},
		{`{"consumers":[{"name":"a","settings":{"tier":null}}]}`, `$.consumers[0].settings.tier: expected string, got null`},

		// The rules on top.
		{`{"consumers":[{"name":""}]}`, `$.consumers[0].name: must not be empty`},
		{`{"consumers":[{"name":"alice"},{"name":"bob"},{"name":"alice"}]}`, `$.consumers[2].name: duplicate consumer "alice"`},
		{`{"consumers":[{"name":"a\"b"},{"name":"a\"b"}]}`, `$.consumers[1].name: duplicate consumer "a\"b"`},
		{`{"consumers":[{"name":"tab\there"},{"name":"tab\there"}]}`, `$.consumers[1].name: duplicate consumer "tab\there"`},
		{`{"consumers":[
			{"name":"alice","credentials":{"key-auth":["k-alice"]}},
			{"name":"bob","credentials":{"key-auth":["k-bob","k-alice"]}}]}`,
			`$.consumers[1].credentials["key-auth"][1]: credential already belongs to consumer "alice"`},
		// Twice in one consumer's list: it belongs to that consumer already.
		{`{"consumers":[{"name":"alice","credentials":{"jwt":["t1","t1"]}}]}`,
			`$.consumers[0].credentials.jwt[1]: credential already belongs to consumer "alice"`},

		// Which problem wins: every type check before any rule...
		{`{"consumers":[{"name":""},{"name":5}]}`, `$.consumers[1].name: expected string, got number`},
		// ...then consumers in array order...
		{`{"consumers":[{"name":"a"},{"name":""},{"name":"a"}]}`, `$.consumers[1].name: must not be empty`},
		{`{"consumers":[{"name":"a","credentials":{"k":["x","x"]}},{"name":""}]}`,
			`$.consumers[0].credentials.k[1]: credential already belongs to consumer "a"`},
		// ...within one, its name before its credentials...
		{`{"consumers":[{"name":"a","credentials":{"k":["x"]}},{"name":"a","credentials":{"k":["x"]}}]}`,
			`$.consumers[1].name: duplicate consumer "a"`},
		// ...kinds in document order...
		{`{"consumers":[{"name":"a","credentials":{"zeta":["x","x"],"alpha":["y","y"]}}]}`,
			`$.consumers[0].credentials.zeta[1]: credential already belongs to consumer "a"`},
		// ...except array-index kinds, which JavaScript (the TypeScript host's Object.entries)
		// puts first.
		{`{"consumers":[{"name":"a","credentials":{"jwt":["x","x"],"7":["y","y"]}}]}`,
			`$.consumers[0].credentials["7"][1]: credential already belongs to consumer "a"`},
	}
	for _, c := range cases {
		r, err := decode([]byte(c.config))
		if err == nil {
			t.Errorf("%s: accepted (%v), want %q", c.config, r, c.want)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.config, err.Error(), c.want)
		}
	}
}

func TestDecodeRejectsInvalidJSON(t *testing.T) {
	// The detail is js's JSON parser's (not this package's contract).
	_, err := decode([]byte(`{"consumers": [`))
	if err == nil || !strings.HasPrefix(err.Error(), "$: invalid JSON: ") {
		t.Fatalf("error %v", err)
	}
}

// Neither the message nor anything else in an error holds the credential itself.
func TestErrorsNeverPrintTheCredential(t *testing.T) {
	_, err := decode([]byte(`{"consumers":[{"name":"a","credentials":{"k":["s3cret"]}},{"name":"b","credentials":{"k":["s3cret"]}}]}`))
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("error %v", err)
	}
}
