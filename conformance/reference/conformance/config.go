package main

import (
	"errors"
	"fmt"

	"github.com/envoyproxy/envoy/contrib/golang/common/go/api"
	"google.golang.org/protobuf/types/known/anypb"

	"mosnts.local/conformance-reference/internal/pluginconfig"
)

// config is what the "conformance" plugin's streams share: the greeting and its metrics,
// defined while the config loads (the only time Envoy allows it).
type config struct {
	greeting   string
	requests   api.CounterMetric
	active     api.GaugeMetric
	lastStatus api.GaugeMetric
}

type configParser struct{}

func (p *configParser) Parse(any *anypb.Any, callbacks api.ConfigCallbackHandler) (interface{}, error) {
	fields, err := pluginconfig.Fields(any)
	if err != nil {
		return nil, err
	}
	greeting, err := pluginconfig.String(fields, "greeting")
	if err != nil {
		return nil, err
	}
	if callbacks == nil {
		return nil, errors.New("a per-route config cannot define metrics")
	}
	api.LogInfo(fmt.Sprintf("configure greeting=%s", greeting))
	return &config{
		greeting:   greeting,
		requests:   callbacks.DefineCounterMetric("conformance_requests"),
		active:     callbacks.DefineGaugeMetric("conformance_active"),
		lastStatus: callbacks.DefineGaugeMetric("conformance_last_status"),
	}, nil
}

func (p *configParser) Merge(parent, child interface{}) interface{} { return child }

// asyncConfig is the "conformance-async" plugin's config: how long its hooks sleep.
type asyncConfig struct {
	delayMs int
}

type asyncConfigParser struct{}

func (p *asyncConfigParser) Parse(any *anypb.Any, _ api.ConfigCallbackHandler) (interface{}, error) {
	fields, err := pluginconfig.Fields(any)
	if err != nil {
		return nil, err
	}
	delay, err := pluginconfig.Number(fields, "delayMs")
	if err != nil {
		return nil, err
	}
	return &asyncConfig{delayMs: int(delay)}, nil
}

func (p *asyncConfigParser) Merge(parent, child interface{}) interface{} { return child }
