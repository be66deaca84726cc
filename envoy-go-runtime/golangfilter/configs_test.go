package golangfilter

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

type unitConfig struct{ json string }

func init() {
	api.Register(&api.Plugin{
		Name: "unit-echo-config",
		DecodeConfig: func(text []byte) (any, error) {
			if string(text) == `{"requiredHeader": 7}` {
				return nil, errors.New("$.requiredHeader: expected string, got number")
			}
			return &unitConfig{json: string(text)}, nil
		},
		NewFilter: func(api.Context, any) any { return struct{}{} },
	})
	api.Register(&api.Plugin{Name: "unit-no-decoder", NewFilter: func(api.Context, any) any { return struct{}{} }})
}

func anyFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "configs", name+".pb"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNewConfigDecodesTheAnyAndStoresTheResult(t *testing.T) {
	rec := captureLog(t, api.LogTrace)
	id := newConfig("unit-echo-config", anyFixture(t, "typed_struct_v1"), nil)
	if id == 0 {
		t.Fatalf("rejected; log: %v", rec.all())
	}
	c := lookupConfig(id)
	if c == nil || c.plugin.Name != "unit-echo-config" {
		t.Fatalf("lookup: %+v", c)
	}
	if got := c.value.(*unitConfig).json; got != `{"requiredHeader":"x-api-key"}` {
		t.Fatalf("decoder saw %s", got)
	}
	if len(rec.all()) != 0 {
		t.Fatalf("unexpected log: %v", rec.all())
	}
	second := newConfig("unit-echo-config", anyFixture(t, "struct"), nil)
	if second <= id {
		t.Fatalf("ids must grow: %d then %d", id, second)
	}
}

func TestNewConfigFailuresLogAtErrorAndReturnZero(t *testing.T) {
	cases := []struct {
		plugin, fixture, want string
	}{
		{"unit-echo-config", "string_value", `4 invalid config for plugin "unit-echo-config": $.requiredHeader: expected string, got number`},
		{"unit-echo-config", "unsupported", `4 invalid config for plugin "unit-echo-config": unsupported plugin_config type "type.googleapis.com/google.protobuf.Int64Value" (use xds.type.v3.TypedStruct or google.protobuf.StringValue)`},
		{"unit-echo-config", "nan", `4 invalid config for plugin "unit-echo-config": malformed plugin_config: $.n: number NaN is not representable in JSON`},
	}
	for _, c := range cases {
		rec := captureLog(t, api.LogTrace)
		if id := newConfig(c.plugin, anyFixture(t, c.fixture), nil); id != 0 {
			t.Errorf("%s: accepted as %d", c.fixture, id)
		}
		if got := rec.all(); !reflect.DeepEqual(got, []string{c.want}) {
			t.Errorf("%s: log %q, want %q", c.fixture, got, c.want)
		}
	}
}

func TestNewConfigUnknownPluginNamesTheRegisteredOnes(t *testing.T) {
	rec := captureLog(t, api.LogTrace)
	if id := newConfig("no-such-plugin", nil, nil); id != 0 {
		t.Fatalf("accepted as %d", id)
	}
	got := rec.all()
	want := `4 unknown plugin "no-such-plugin": this library registers "unit-concurrent", "unit-echo-config", "unit-no-decoder", "unit-shared-state"`
	if len(got) != 1 || got[0] != want {
		t.Fatalf("log %q, want %q", got, want)
	}
}

func TestNewConfigWithoutDecoderStoresNil(t *testing.T) {
	captureLog(t, api.LogTrace)
	id := newConfig("unit-no-decoder", anyFixture(t, "empty"), nil)
	if id == 0 || lookupConfig(id).value != nil {
		t.Fatalf("id %d, config %+v", id, lookupConfig(id))
	}
}

func TestErrorLogRespectsEnvoysLevel(t *testing.T) {
	rec := captureLog(t, api.LogCritical)
	newConfig("no-such-plugin", nil, nil)
	if got := rec.all(); len(got) != 0 {
		t.Fatalf("logged below Envoy's level: %v", got)
	}
}

func TestMergeConfigsChildWinsAndGetsItsOwnID(t *testing.T) {
	rec := captureLog(t, api.LogTrace)
	parent := newConfig("unit-echo-config", anyFixture(t, "typed_struct_v1"), nil)
	child := newConfig("unit-echo-config", anyFixture(t, "struct"), nil)
	merged := mergeConfigs("unit-echo-config", parent, child)
	if merged == 0 || merged == parent || merged == child {
		t.Fatalf("merged id %d (parent %d, child %d)", merged, parent, child)
	}
	if lookupConfig(merged).value != lookupConfig(child).value {
		t.Fatal("merged config is not the child's")
	}
	if m := mergeConfigs("unit-echo-config", parent, 9999); lookupConfig(m).value != lookupConfig(parent).value {
		t.Fatal("a missing child must fall back to the parent")
	}
	if m := mergeConfigs("unit-echo-config", 9998, 9999); m != 0 {
		t.Fatalf("merging two missing ids gave %d", m)
	}
	if got := rec.all(); len(got) != 1 || got[0] != `4 cannot merge configs of plugin "unit-echo-config": neither id 9998 nor id 9999 exists` {
		t.Fatalf("log %q", got)
	}
}

func TestDestroyConfig(t *testing.T) {
	captureLog(t, api.LogTrace)
	now := newConfig("unit-no-decoder", nil, nil)
	destroyConfig(now, false)
	if lookupConfig(now) != nil {
		t.Fatal("immediate destroy left the config")
	}
	later := newConfig("unit-no-decoder", nil, nil)
	destroyConfig(later, true)
	if lookupConfig(later) == nil {
		t.Fatal("a delayed destroy must keep the config usable for a while")
	}
	flushDelayedDestroys()
	if lookupConfig(later) != nil {
		t.Fatal("flushDelayedDestroys left the config")
	}
}

func TestDelayedDestroyHappensAfterTheDelay(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the merge delay")
	}
	captureLog(t, api.LogTrace)
	id := newConfig("unit-no-decoder", nil, nil)
	destroyConfig(id, true)
	deadline := time.Now().Add(mergeDelay + 3*time.Second)
	for lookupConfig(id) != nil {
		if time.Now().After(deadline) {
			t.Fatal("the config outlived the merge delay")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
