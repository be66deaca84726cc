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
	absent := []api.Header{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}}
	if got := removeHeader(absent, "zz"); !reflect.DeepEqual(names(got), []string{"a=1", "b=2"}) {
		t.Fatalf("removing an absent name changed the map: %v", names(got))
	}
}

// Writes change a loaded copy in place: with the room a copy keeps, a hook's header work
// allocates nothing.
func TestLocalWritesDoNotAllocate(t *testing.T) {
	base := []api.Header{{Name: ":method", Value: "GET"}, {Name: ":path", Value: "/"}, {Name: "x-old", Value: "1"}, {Name: "x-keep", Value: "2"}}
	m := &headerMap{loaded: true}
	allocs := testing.AllocsPerRun(100, func() {
		m.entries = append(make([]api.Header, 0, len(base)+spareHeaderSlots), base...)
		m.setLocal("x-new-1", "a")
		m.setLocal("x-new-2", "b")
		m.setLocal("x-keep", "3")
		m.addLocal(":authority", "h")
		m.removeLocal("x-old")
	})
	// The one allocation is the fresh copy the loop makes each run.
	if allocs != 1 {
		t.Fatalf("%v allocations per run, want 1 (the copy itself)", allocs)
	}
	want := []string{":method=GET", ":path=/", ":authority=h", "x-new-1=a", "x-new-2=b", "x-keep=3"}
	if got := names(m.entries); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

// A Range keeps seeing the entries it started with when its callback writes: the write
// moves the copy to a new array rather than changing the one being iterated.
func TestWritesDuringRangeLeaveTheIterationAlone(t *testing.T) {
	m := &headerMap{loaded: true, entries: append(make([]api.Header, 0, 8),
		api.Header{Name: ":path", Value: "/"}, api.Header{Name: "a", Value: "1"}, api.Header{Name: "b", Value: "2"}, api.Header{Name: "c", Value: "3"})}
	var seen []string
	m.Range(func(name, value string) bool {
		seen = append(seen, name+"="+value)
		if name == "a" {
			m.removeLocal("b")
			m.setLocal("a", "9")
			m.addLocal(":authority", "h")
			m.Range(func(string, string) bool { return true })
			m.removeLocal("c")
		}
		return true
	})
	if want := []string{":path=/", "a=1", "b=2", "c=3"}; !reflect.DeepEqual(seen, want) {
		t.Fatalf("the Range saw %v, want %v", seen, want)
	}
	if want := []string{":path=/", ":authority=h", "a=9"}; !reflect.DeepEqual(names(m.entries), want) {
		t.Fatalf("after the Range: %v, want %v", names(m.entries), want)
	}
	if m.shared || m.ranging != 0 {
		t.Fatalf("shared=%v ranging=%d after the Range", m.shared, m.ranging)
	}
	// Outside a Range, writes change the copy in place again.
	if n := testing.AllocsPerRun(50, func() { m.setLocal("a", "9") }); n != 0 {
		t.Fatalf("a write after the Range allocated %v times", n)
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

func TestCheckHeaderLowerCasesValidNames(t *testing.T) {
	for in, want := range map[string]string{"x-a": "x-a", "X-Api-KEY": "x-api-key", ":Path": ":path"} {
		got, err := checkHeader(in, "v")
		if err != nil || got != want {
			t.Errorf("checkHeader(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := checkHeader("Bad Name", "v"); err == nil {
		t.Error("a name with a space was accepted")
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = checkHeader("x-lower", "value") }); n != 0 {
		t.Fatalf("a lower-case name allocated %v times", n)
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
