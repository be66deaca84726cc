package golangfilter

import (
	"errors"
	"math"
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

func panicText(f func()) (text string) {
	defer func() {
		if e := recover(); e != nil {
			text = panicMessage(e)
		}
	}()
	f()
	return ""
}

// Amounts are checked before Envoy is called, with the TypeScript host's texts.
func TestMetricAmountsAreNonNegativeSafeIntegers(t *testing.T) {
	c := &counter{metric{label: `counter "c"`}}
	g := &gauge{metric{label: `gauge "g"`}}
	h := &histogram{metric{label: `histogram "h"`}}
	cases := map[string]func(){
		`counter "c" increment: -1 is not a non-negative safe integer`:               func() { c.Increment(-1) },
		`counter "c" increment: 1.5 is not a non-negative safe integer`:              func() { c.Increment(1.5) },
		`counter "c" increment: 9007199254740992 is not a non-negative safe integer`: func() { c.Increment(1 << 53) },
		`counter "c" increment: NaN is not a non-negative safe integer`:              func() { c.Increment(math.NaN()) },
		`gauge "g" set: 1e+21 is not a non-negative safe integer`:                    func() { g.Set(1e21) },
		`gauge "g" decrement: -2 is not a non-negative safe integer`:                 func() { g.Decrement(-2) },
		`histogram "h" record: Infinity is not a non-negative safe integer`:          func() { h.Record(math.Inf(1)) },
	}
	for want, f := range cases {
		if got := panicText(f); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestMetricsOfARejectedConfigAreGone(t *testing.T) {
	c := &counter{metric{owner: &configHandle{rejected: true}, label: `counter "c"`}}
	err := func() (err error) {
		defer func() { err = recover().(error) }()
		c.Increment(1)
		return nil
	}()
	if !errors.Is(err, errConfigGone) || err.Error() != `counter "c" increment: the config is gone (CAPIFilterIsGone)` {
		t.Fatalf("error %v", err)
	}
}

func TestMetricsCanOnlyBeDefinedWhileConfigureRuns(t *testing.T) {
	closed := &configEnv{owner: &configHandle{}}
	if got := panicText(func() { closed.Counter("late") }); got != `cannot define counter "late": metrics can only be defined in configure` {
		t.Fatalf("got %q", got)
	}
	route := &configEnv{}
	route.open.Store(true)
	want := `cannot define gauge "g": a per-route config cannot define metrics (Envoy gives it no config callbacks)`
	if got := panicText(func() { route.Gauge("g") }); got != want {
		t.Fatalf("got %q", got)
	}
	var _ api.ConfigEnv = route
}
