package golangfilter

import (
	"fmt"
	"sync/atomic"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/js"
)

// configEnv is what Plugin.Configure gets. Metrics are defined on Envoy's FilterConfig
// through the httpConfig of a listener-level config, and only while Configure runs, as
// Envoy's own Go SDK allows. Per-route configs come without an httpConfig Go may use (Envoy
// gives them no config callbacks), so they cannot define metrics.
type configEnv struct {
	owner *configHandle // nil for per-route configs
	open  atomic.Bool
}

var _ api.ConfigEnv = (*configEnv)(nil)

func (e *configEnv) Log(level api.LogLevel, message string) {
	level = min(max(level, api.LogTrace), api.LogCritical)
	if level >= hostLogLevel() {
		hostLog(level, message)
	}
}

func (e *configEnv) define(kind string, metricType int, name string) metric {
	label := fmt.Sprintf("%s %q", kind, name)
	switch {
	case !e.open.Load():
		panic(fmt.Errorf("cannot define %s: metrics can only be defined in configure", label))
	case e.owner == nil:
		panic(fmt.Errorf("cannot define %s: a per-route config cannot define metrics (Envoy gives it no config callbacks)", label))
	}
	id, err := capiDefineMetric(e.owner.c, metricType, name)
	if err != nil {
		panic(fmt.Errorf("cannot define %s: %w", label, err))
	}
	return metric{owner: e.owner, id: id, label: label}
}

func (e *configEnv) Counter(name string) api.Counter {
	return &counter{e.define("counter", metricCounter, name)}
}

func (e *configEnv) Gauge(name string) api.Gauge {
	return &gauge{e.define("gauge", metricGauge, name)}
}

func (e *configEnv) Histogram(name string) api.Histogram {
	return &histogram{e.define("histogram", metricHistogram, name)}
}

// metric is one defined metric. It keeps its config's httpConfig from being handed back
// to Envoy while it can still be used. Amounts are what a TypeScript number can hold
// exactly and Envoy's unsigned stats can take: integers in 0..2^53-1.
type metric struct {
	owner *configHandle
	id    uint32
	label string // counter "name"
}

func (m metric) fail(method string, err error) {
	panic(fmt.Errorf("%s %s: %w", m.label, method, err))
}

// usable panics when the config was rejected: its httpConfig is already handed back.
func (m metric) usable(method string) {
	if m.owner.rejected {
		m.fail(method, errConfigGone)
	}
}

// amount checks a JavaScript number the way the TypeScript host does, with its text.
func (m metric) amount(method string, v float64) uint64 {
	if !js.IsSafeInteger(v) || v < 0 {
		panic(fmt.Errorf("%s %s: %s is not a non-negative safe integer", m.label, method, js.NumberToString(v)))
	}
	return uint64(v)
}

func (m metric) value(method string) uint64 {
	m.usable(method)
	v, err := capiGetMetric(m.owner.c, m.id)
	if err != nil {
		m.fail(method, err)
	}
	return v
}

func (m metric) increment(method string, delta int64) {
	m.usable(method)
	if err := capiIncrementMetric(m.owner.c, m.id, delta); err != nil {
		m.fail(method, err)
	}
}

func (m metric) record(method string, v float64) {
	n := m.amount(method, v)
	m.usable(method)
	if err := capiRecordMetric(m.owner.c, m.id, n); err != nil {
		m.fail(method, err)
	}
}

type counter struct{ metric }

func (c *counter) Increment(delta float64) {
	c.increment("increment", int64(c.amount("increment", delta)))
}

func (c *counter) Value() float64 { return float64(c.value("value")) }

type gauge struct{ metric }

func (g *gauge) Set(value float64) { g.record("set", value) }

func (g *gauge) Increment(delta float64) {
	g.increment("increment", int64(g.amount("increment", delta)))
}

// Decrement may not take the gauge below 0: Envoy's gauges are unsigned and assert it.
func (g *gauge) Decrement(delta float64) {
	n := g.amount("decrement", delta)
	if current := g.value("decrement"); n > current {
		panic(fmt.Errorf("%s decrement: %d is more than its value %d", g.label, n, current))
	}
	g.increment("decrement", -int64(n))
}

func (g *gauge) Value() float64 { return float64(g.value("value")) }

type histogram struct{ metric }

func (h *histogram) Record(value float64) { h.record("record", value) }
