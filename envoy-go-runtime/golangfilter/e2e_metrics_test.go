package golangfilter

import (
	"reflect"
	"strconv"
	"testing"
)

// Plugin.Configure and metrics (testdata/plugin's metrics-filter).

func TestConfigureDefinesMetricsTheStreamsUse(t *testing.T) {
	h := startHost(t)
	c := h.roundTrip(`{"op":"config","plugin":"metrics-filter","config":{}}`)
	if !c.OK || !reflect.DeepEqual(c.Logs, []wireLog{{"info", "configuring metrics"}}) {
		t.Fatalf("config: %s", c.raw)
	}
	zero := &wireMetrics{Counters: map[string]uint64{"requests": 0}, Gauges: map[string]uint64{"active": 0},
		Histograms: map[string][]uint64{"sizes": {}}}
	if !reflect.DeepEqual(c.Metrics, zero) {
		t.Fatalf("metrics after configure: %+v", c.Metrics)
	}
	a := h.roundTrip(requestLine("m1", "GET", "/abc", nil, "", ""))
	if got := messagesAt(a, "info"); !reflect.DeepEqual(got, []string{"requests=1 active=1"}) {
		t.Fatalf("logs %q", got)
	}
	// onDestroy set the gauge back to 0.
	want := &wireMetrics{Counters: map[string]uint64{"requests": 1}, Gauges: map[string]uint64{"active": 0},
		Histograms: map[string][]uint64{"sizes": {4}}}
	if !reflect.DeepEqual(a.Metrics, want) {
		t.Fatalf("metrics %+v, want %+v", a.Metrics, want)
	}
	// A second config naming the same metrics shares Envoy's stats.
	h.config("metrics-filter", `{}`)
	b := h.roundTrip(requestLine("m2", "GET", "/", nil, "", ""))
	if b.Metrics == nil || b.Metrics.Counters["requests"] != 2 || !reflect.DeepEqual(b.Metrics.Histograms["sizes"], []uint64{4, 1}) {
		t.Fatalf("metrics: %s", b.raw)
	}
}

func TestConfigureRejectsConfigs(t *testing.T) {
	h := startHost(t)
	for config, want := range map[string]string{
		`{"mode":"reject"}`: `invalid config for plugin "metrics-filter": no metrics today`,
		`{"mode":"throw"}`:  `invalid config for plugin "metrics-filter": Error: configure threw`,
	} {
		a := h.roundTrip(`{"op":"config","plugin":"metrics-filter","config":` + config + `}`)
		if a.OK || a.Error != want {
			t.Errorf("%s: %s, want error %q", config, a.raw, want)
		}
	}
	if e := h.exit(); !e.OK {
		t.Fatalf("rejected configs must be handed back: %s", e.raw)
	}
}

func TestMetricMisuse(t *testing.T) {
	h := startHost(t)
	h.config("metrics-filter", `{}`)
	for act, want := range map[string]string{
		"define-late": `cannot define counter "late": metrics can only be defined in configure`,
		"negative":    `counter "requests" increment: -1 is not a non-negative safe integer`,
		"below-zero":  `gauge "active" decrement: 5 is more than its value 0`,
		"fraction":    `counter "requests" increment: 1.5 is not a non-negative safe integer`,
	} {
		a := h.roundTrip(requestLine(act, "GET", "/", action(act), "", ""))
		if got := errorLogs(a); !reflect.DeepEqual(got, []string{`panic in plugin "metrics-filter" decodeHeaders: ` + want}) {
			t.Errorf("%s: logs %q", act, got)
		}
	}
}

func TestRecordedCallsOfAConfigAndItsStreams(t *testing.T) {
	h := startHost(t)
	c := h.roundTrip(`{"op":"config","plugin":"metrics-filter","config":{},"recordCalls":true}`)
	var defined []string
	for _, call := range c.Calls {
		if call.Fn == "envoyGoFilterHttpDefineMetric" {
			if call.Args["config"] != 1.0 || call.Status != "CAPIOK" || call.Thread != "worker" {
				t.Fatalf("call %+v", call)
			}
			defined = append(defined, call.Args["name"].(string)+"="+formatID(call.Result["metric_id"]))
		}
	}
	// Envoy's MetricStore ids: the type in the low two bits, then steps of 4.
	if want := []string{"requests=4", "active=5", "sizes=6"}; !reflect.DeepEqual(defined, want) {
		t.Fatalf("defined %v, want %v (calls %s)", defined, want, c.raw)
	}
	r := h.roundTrip(requestLine("r", "GET", "/", nil, "", `"recordCalls":true`))
	var increments []float64
	for _, call := range r.Calls {
		if call.Fn == "envoyGoFilterHttpIncrementMetric" {
			increments = append(increments, call.Args["offset"].(float64))
		}
	}
	if !reflect.DeepEqual(increments, []float64{1, 2, -1}) {
		t.Fatalf("increments %v (calls %s)", increments, r.raw)
	}
	// Without the option, no calls are recorded.
	if plain := h.roundTrip(requestLine("p", "GET", "/", nil, "", "")); plain.Calls != nil {
		t.Fatalf("calls without recordCalls: %s", plain.raw)
	}
}

func formatID(v any) string {
	f, _ := v.(float64)
	return strconv.Itoa(int(f))
}
