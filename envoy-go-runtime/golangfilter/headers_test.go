package golangfilter

import (
	"reflect"
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

func names(entries []api.Header) []string {
	out := make([]string, len(entries))
	for i, h := range entries {
		out[i] = h.Name + "=" + h.Value
	}
	return out
}

func TestInsertHeaderPutsPseudoHeadersAfterTheLastPseudoHeader(t *testing.T) {
	entries := []api.Header{{Name: ":method", Value: "GET"}, {Name: ":path", Value: "/"}, {Name: "a", Value: "1"}}
	entries = insertHeader(entries, ":authority", "x")
	entries = insertHeader(entries, "b", "2")
	want := []string{":method=GET", ":path=/", ":authority=x", "a=1", "b=2"}
	if got := names(entries); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if got := names(insertHeader(nil, ":status", "200")); !reflect.DeepEqual(got, []string{":status=200"}) {
		t.Fatalf("into empty: %v", got)
	}
}

func TestRemoveHeaderDropsEveryValueAndKeepsOrder(t *testing.T) {
	entries := []api.Header{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}, {Name: "a", Value: "3"}, {Name: "c", Value: "4"}}
	got := names(removeHeader(entries, "a"))
	if want := []string{"b=2", "c=4"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if got := removeHeader(entries, "zz"); len(got) != 4 {
		t.Fatalf("removing an absent name changed the map: %v", names(got))
	}
}

func TestLowerASCII(t *testing.T) {
	cases := map[string]string{"": "", "abc": "abc", "X-Api-KEY": "x-api-key", "ÄB": "Äb", ":Path": ":path"}
	for in, want := range cases {
		if got := lowerASCII(in); got != want {
			t.Errorf("lowerASCII(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = lowerASCII("already-lower") }); n != 0 {
		t.Fatalf("lower-case input allocated %v times", n)
	}
}

func TestValidateHeader(t *testing.T) {
	ok := [][2]string{{"x", ""}, {"x-a", "v with spaces\tand tab"}, {":path", "/a?b"}}
	for _, c := range ok {
		if err := validateHeader(c[0], c[1]); err != nil {
			t.Errorf("validateHeader(%q, %q): %v", c[0], c[1], err)
		}
	}
	bad := [][2]string{{"", "v"}, {"a b", "v"}, {"a\nb", "v"}, {"x", "a\r\nb"}, {"x", "nul\x00"}, {"x\x7f", "v"}}
	for _, c := range bad {
		if err := validateHeader(c[0], c[1]); err == nil {
			t.Errorf("validateHeader(%q, %q) accepted", c[0], c[1])
		}
	}
}

// A loaded map answers reads from its copy, without calling Envoy.
func TestLoadedMapReads(t *testing.T) {
	m := &requestHeaders{headerMap{loaded: true, entries: []api.Header{
		{Name: ":method", Value: "POST"}, {Name: ":path", Value: "/p?q"}, {Name: ":authority", Value: "host"},
		{Name: ":scheme", Value: "https"}, {Name: "x", Value: "1"}, {Name: "y", Value: "2"}, {Name: "x", Value: "3"},
	}}}
	if m.Method() != "POST" || m.Path() != "/p?q" || m.Host() != "host" || m.Scheme() != "https" {
		t.Fatalf("pseudo-headers: %s %s %s %s", m.Method(), m.Path(), m.Host(), m.Scheme())
	}
	if v, ok := m.Get("X"); !ok || v != "1" {
		t.Fatalf("Get(X) = %q, %v", v, ok)
	}
	if _, ok := m.Get("missing"); ok || m.Has("missing") {
		t.Fatal("missing header found")
	}
	if got := m.GetAll("x"); !reflect.DeepEqual(got, []string{"1", "3"}) {
		t.Fatalf("GetAll = %v", got)
	}
	if got := m.Keys(); !reflect.DeepEqual(got, []string{":method", ":path", ":authority", ":scheme", "x", "y"}) {
		t.Fatalf("Keys = %v", got)
	}
	var seen []string
	m.Range(func(name, value string) bool {
		seen = append(seen, name)
		return name != ":scheme"
	})
	if len(seen) != 4 {
		t.Fatalf("Range did not stop when fn returned false: %v", seen)
	}
}

func TestResponseStatus(t *testing.T) {
	for value, want := range map[string]int{"200": 200, "503": 503, "x": 0, "": 0} {
		m := &responseHeaders{headerMap{loaded: true, entries: []api.Header{{Name: ":status", Value: value}}}}
		if got := m.Status(); got != want {
			t.Errorf(":status %q: Status() = %d, want %d", value, got, want)
		}
	}
	empty := &responseHeaders{headerMap{loaded: true}}
	if empty.Status() != 0 {
		t.Error("missing :status must read as 0")
	}
}

func TestReadOnlyMapRejectsWrites(t *testing.T) {
	m := &headerMap{loaded: true, readOnly: true, what: "request headers of a log entry"}
	defer func() {
		e := recover()
		if e == nil || panicMessage(e) != "request headers of a log entry are read-only here" {
			t.Fatalf("recovered %v", e)
		}
	}()
	m.Set("a", "b")
}
