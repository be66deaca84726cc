package main

import (
	"errors"
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// metricsConfig is what Configure makes of the config: the metrics it defined.
type metricsConfig struct {
	requests api.Counter
	active   api.Gauge
	sizes    api.Histogram
	env      api.ConfigEnv
}

func configureMetrics(raw any, env api.ConfigEnv) (any, error) {
	switch raw.(string) {
	case "reject":
		return nil, errors.New("no metrics today")
	case "throw":
		panic(errors.New("Error: configure threw"))
	}
	env.Log(api.LogInfo, "configuring metrics")
	return &metricsConfig{
		requests: env.Counter("requests"),
		active:   env.Gauge("active"),
		sizes:    env.Histogram("sizes"),
		env:      env,
	}, nil
}

// decodeMode takes the config's "mode" member (a bare string is enough for these tests).
func decodeMode(text []byte) (any, error) {
	s := string(text)
	switch {
	case s == `{"mode":"reject"}`:
		return "reject", nil
	case s == `{"mode":"throw"}`:
		return "throw", nil
	}
	return "ok", nil
}

type metricsFilter struct {
	ctx api.Context
	cfg *metricsConfig
}

func newMetricsFilter(ctx api.Context, cfg any) any {
	return &metricsFilter{ctx: ctx, cfg: cfg.(*metricsConfig)}
}

func (f *metricsFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.Status {
	action, _ := h.Get("x-action")
	switch action {
	case "define-late":
		f.cfg.env.Counter("late")
	case "negative":
		f.cfg.requests.Increment(-1)
	case "below-zero":
		f.cfg.active.Decrement(5)
	case "fraction":
		f.cfg.requests.Increment(1.5)
	}
	f.cfg.requests.Increment(1)
	f.cfg.active.Increment(2)
	f.cfg.active.Decrement(1)
	f.cfg.sizes.Record(float64(len(h.Path())))
	f.ctx.Log(api.LogInfo, fmt.Sprintf("requests=%d active=%d", int(f.cfg.requests.Value()), int(f.cfg.active.Value())))
	return api.Continue
}

func (f *metricsFilter) OnDestroy(api.DestroyReason) {
	f.cfg.active.Set(0)
}
