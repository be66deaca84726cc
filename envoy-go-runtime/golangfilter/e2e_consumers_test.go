package golangfilter

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Consumers (docs/architecture.md, "Consumers") through the mock host: the built-in
// mosn-ts-consumers plugin loads them, testdata/plugin's consumer-filter authenticates by
// x-api-key, sets the consumer and reads it back.

const consumersConfig = `{"consumers":[` +
	`{"name":"alice","credentials":{"key-auth":["k-alice-1","k-alice-2"]},"settings":{"tier":"gold"}},` +
	`{"name":"bob","credentials":{"key-auth":["k-bob"]}}]}`

// consumerState is the filter state object setConsumer makes: mutable, life span
// Request (1), not shared (0).
func consumerState(name string) map[string]wireFilterState {
	return map[string]wireFilterState{"mosn-ts.consumer": {Value: name, LifeSpan: 1, StreamSharing: 0}}
}

func consumerMetadata(name string) map[string]map[string]any {
	return map[string]map[string]any{"mosn-ts": {"consumer": name}}
}

// authenticate is a consumer-filter request presenting key.
func authenticate(id, key, opMembers string) string {
	return requestLine(id, "GET", "/", action("authenticate", [2]string{"x-api-key", key}), "", opMembers)
}

func TestSetConsumerRecordsItInFilterStateAndMetadata(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	h.config("consumer-filter", `{}`)

	a := h.roundTrip(authenticate("alice", "k-alice-2", ""))
	want := []string{"set alice; read back alice tier=gold", "encode alice tier=gold"}
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, want) {
		t.Fatalf("logs %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(a.FilterState, consumerState("alice")) || !reflect.DeepEqual(a.Metadata, consumerMetadata("alice")) {
		t.Fatalf("filter state %v, metadata %v", a.FilterState, a.Metadata)
	}

	b := h.roundTrip(authenticate("bob", "k-bob", ""))
	if got := messagesAt(b, "info"); !reflect.DeepEqual(got, []string{"set bob; read back bob tier=-", "encode bob tier=-"}) {
		t.Fatalf("logs %q", got)
	}
	if !reflect.DeepEqual(b.FilterState, consumerState("bob")) || !reflect.DeepEqual(b.Metadata, consumerMetadata("bob")) {
		t.Fatalf("filter state %v, metadata %v", b.FilterState, b.Metadata)
	}

	// An unknown credential finds nobody (the filter answers 401); a credential is per kind.
	for _, key := range []string{"k-nobody", "k-alice"} {
		u := h.roundTrip(authenticate("unknown", key, ""))
		if u.LocalReply == nil || u.LocalReply.Status != 401 || u.FilterState != nil || u.Metadata != nil {
			t.Fatalf("%s: %s", key, u.raw)
		}
	}
}

func TestTheConsumersPluginPassesThroughAndLogsNothing(t *testing.T) {
	h := startHost(t)
	a := h.roundTrip(fmt.Sprintf(`{"op":"config","plugin":"mosn-ts-consumers","config":%s}`, consumersConfig))
	if !a.OK || len(a.Logs) != 0 {
		t.Fatalf("config: %s", a.raw)
	}
	r := h.roundTrip(requestLine("p", "POST", "/", nil, `"body":"b"`, `"upstream":{"echo":true}`))
	want := []string{"decodeHeaders=Continue", "decodeData(end)=Continue", "encodeHeaders=Continue", "encodeData(end)=Continue",
		"onStreamComplete", "onLog", "onDestroy(Normal)"}
	if got := traceOf(r); !reflect.DeepEqual(got, want) || bodyOf(&r.Response.wireMessage) != "b" || len(r.Logs) != 0 {
		t.Fatalf("trace %v\nwant  %v\n%s", got, want, r.raw)
	}
}

func TestWithoutAConsumersConfigThereAreNoConsumers(t *testing.T) {
	h := startHost(t)
	h.config("consumer-filter", `{}`)
	a := h.roundTrip(authenticate("a", "k-alice-1", ""))
	if a.LocalReply == nil || a.LocalReply.Status != 401 {
		t.Fatalf("lookup without a registry: %s", a.raw)
	}
	// A name an earlier filter set resolves to nobody without a registry.
	r := h.roundTrip(get("r", "read", "", `"filterState":{"mosn-ts.consumer":{"value":"alice","lifeSpan":1}}`))
	if got := messagesAt(r, "info"); !reflect.DeepEqual(got, []string{"consumer none"}) {
		t.Fatalf("logs %q", got)
	}
}

func TestTheMostRecentConsumersConfigWins(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	filterID := h.config("consumer-filter", `{}`)
	h.config("mosn-ts-consumers", `{"consumers":[{"name":"carol","credentials":{"key-auth":["k-alice-1"]},"settings":{"tier":"silver"}}]}`)
	// The filter's config was loaded before the new consumers: it sees them all the same.
	on := fmt.Sprintf(`"configId":%d`, filterID)
	a := h.roundTrip(authenticate("carol", "k-alice-1", on))
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, []string{"set carol; read back carol tier=silver", "encode carol tier=silver"}) {
		t.Fatalf("logs %q", got)
	}
	if b := h.roundTrip(authenticate("bob", "k-bob", on)); b.LocalReply == nil || b.LocalReply.Status != 401 {
		t.Fatalf("bob survived the new config: %s", b.raw)
	}

	// A rejected config changes nothing.
	rejected := []struct{ config, want string }{
		{`{"consumers":[{"name":"alice"},{"name":"alice"}]}`, `$.consumers[1].name: duplicate consumer "alice"`},
		{`{"consumers":[{"name":"alice","credentials":{"key-auth":["k"]}},{"name":"bob","credentials":{"key-auth":["k"]}}]}`,
			`$.consumers[1].credentials["key-auth"][0]: credential already belongs to consumer "alice"`},
		{`{"consumers":[{"name":""}]}`, `$.consumers[0].name: must not be empty`},
		{`{"consumers":[{"name":"x","settings":{"tier":3}}]}`, `$.consumers[0].settings.tier: expected string, got number`},
	}
	for _, r := range rejected {
		c := h.roundTrip(fmt.Sprintf(`{"op":"config","plugin":"mosn-ts-consumers","config":%s}`, r.config))
		want := `invalid config for plugin "mosn-ts-consumers": ` + r.want
		if c.OK || c.Error != want || !reflect.DeepEqual(errorLogs(c), []string{want}) {
			t.Errorf("%s:\n got %s\nwant error %q", r.config, c.raw, want)
		}
	}
	again := h.roundTrip(authenticate("again", "k-alice-1", on))
	if got := messagesAt(again, "info"); len(got) == 0 || got[0] != "set carol; read back carol tier=silver" {
		t.Fatalf("after the rejected configs: logs %q", got)
	}
}

func TestAConsumerAnEarlierFilterSetIsSeen(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	h.config("consumer-filter", `{}`)
	cases := []struct{ filterState, want string }{
		{`{"mosn-ts.consumer":{"value":"alice","lifeSpan":1}}`, "consumer alice tier=gold"},
		// Whatever its life span.
		{`{"mosn-ts.consumer":"bob"}`, "consumer bob tier=-"},
		// A name this library's registry does not hold.
		{`{"mosn-ts.consumer":"mallory"}`, "consumer none"},
		{`{}`, "consumer none"},
	}
	for _, c := range cases {
		a := h.roundTrip(get("r", "read", "", `"filterState":`+c.filterState))
		if got := messagesAt(a, "info"); !reflect.DeepEqual(got, []string{c.want}) {
			t.Errorf("%s: logs %q, want %q", c.filterState, got, c.want)
		}
		// Reading sets nothing.
		if a.Metadata != nil {
			t.Errorf("%s: metadata %v", c.filterState, a.Metadata)
		}
	}
}

func TestSetConsumerKeepsAnEarlierObjectsLifeSpanButWritesTheMetadata(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	h.config("consumer-filter", `{}`)
	// Set by an earlier filter at life span FilterChain: Envoy refuses the Request one.
	a := h.roundTrip(authenticate("a", "k-bob", `"filterState":{"mosn-ts.consumer":"alice"}`))
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, []string{"set bob; read back alice tier=gold", "encode alice tier=gold"}) {
		t.Fatalf("logs %q", got)
	}
	wantFS := map[string]wireFilterState{"mosn-ts.consumer": {Value: "alice", LifeSpan: 0, StreamSharing: 0}}
	if !reflect.DeepEqual(a.FilterState, wantFS) || !reflect.DeepEqual(a.Metadata, consumerMetadata("bob")) {
		t.Fatalf("filter state %v, metadata %v", a.FilterState, a.Metadata)
	}
	// At the same life span the object is replaced.
	b := h.roundTrip(authenticate("b", "k-bob", `"filterState":{"mosn-ts.consumer":{"value":"alice","lifeSpan":1}}`))
	if !reflect.DeepEqual(b.FilterState, consumerState("bob")) || !reflect.DeepEqual(b.Metadata, consumerMetadata("bob")) {
		t.Fatalf("filter state %v, metadata %v", b.FilterState, b.Metadata)
	}
}

func TestSetConsumerOfAnUnknownOrMissingConsumer(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	h.config("consumer-filter", `{}`)
	// Recorded as given, but this library's registry does not resolve it.
	u := h.roundTrip(get("u", "set-unknown", "", ""))
	if got := messagesAt(u, "info"); !reflect.DeepEqual(got, []string{"read back none"}) {
		t.Fatalf("logs %q", got)
	}
	if !reflect.DeepEqual(u.FilterState, consumerState("mallory")) || !reflect.DeepEqual(u.Metadata, consumerMetadata("mallory")) {
		t.Fatalf("filter state %v, metadata %v", u.FilterState, u.Metadata)
	}

	n := h.roundTrip(get("n", "set-nil", "", ""))
	if got := errorLogs(n); !reflect.DeepEqual(got, []string{`panic in plugin "consumer-filter" decodeHeaders: setConsumer: no consumer`}) {
		t.Fatalf("logs %q", got)
	}
	if n.Response == nil || n.Response.Status != 500 || n.FilterState != nil || n.Metadata != nil {
		t.Fatalf("answer %s", n.raw)
	}
}

func TestConsumersInOnDestroy(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	h.config("consumer-filter", `{}`)
	notInGo := "the stream is not being processed by this filter now (CAPINotInGo)"
	for action, want := range map[string]string{
		"read-in-destroy": `panic in plugin "consumer-filter" onDestroy: consumer: ` + notInGo,
		"set-in-destroy":  `panic in plugin "consumer-filter" onDestroy: setConsumer: ` + notInGo,
	} {
		a := h.roundTrip(get(action, action, "", ""))
		if got := errorLogs(a); !reflect.DeepEqual(got, []string{want}) {
			t.Errorf("%s: logs %q\nwant %q", action, got, want)
		}
	}
	// The lookup asks no one but the registry.
	l := h.roundTrip(get("l", "lookup-in-destroy", "", ""))
	if got := messagesAt(l, "info"); !reflect.DeepEqual(got, []string{"destroy lookup bob tier=-"}) || len(errorLogs(l)) != 0 {
		t.Fatalf("logs %q", l.Logs)
	}
}

func TestConsumersFromAnAsyncHook(t *testing.T) {
	h := startHost(t)
	h.config("mosn-ts-consumers", consumersConfig)
	h.config("consumer-filter-async", `{}`)
	a := h.roundTrip(authenticate("async", "k-alice-1", `"recordCalls":true`))
	want := []string{"set alice; read back alice tier=gold", "encode alice tier=gold"}
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, want) {
		t.Fatalf("logs %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(a.FilterState, consumerState("alice")) || !reflect.DeepEqual(a.Metadata, consumerMetadata("alice")) {
		t.Fatalf("filter state %v, metadata %v", a.FilterState, a.Metadata)
	}
	// Off the worker: the filter state then the metadata are written, then the getter
	// yields and gets its value with the wake-up.
	var calls []string
	for _, c := range a.Calls {
		if c.Thread == "go" && (strings.Contains(c.Fn, "FilterState") || strings.Contains(c.Fn, "DynamicMetadata")) {
			calls = append(calls, c.Fn+"="+c.Status)
		}
	}
	wantCalls := []string{
		"envoyGoFilterHttpSetStringFilterState=CAPIOK",
		"envoyGoFilterHttpSetDynamicMetadata=CAPIOK",
		"envoyGoFilterHttpGetStringFilterState=CAPIYield",
	}
	if !reflect.DeepEqual(calls, wantCalls) {
		t.Fatalf("calls from the hook's goroutine %v\nwant %v", calls, wantCalls)
	}
}
