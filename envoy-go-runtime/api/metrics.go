package api

// Counter is an Envoy counter.
type Counter interface {
	Increment(delta int64)
	Value() uint64
}

// Gauge is an Envoy gauge.
type Gauge interface {
	Set(value uint64)
	Increment(delta int64)
	Value() uint64
}

// Histogram is an Envoy histogram.
type Histogram interface {
	Record(value uint64)
}

// ConfigEnv is what Plugin.Configure gets: Envoy allows defining metrics only while a
// config loads.
type ConfigEnv interface {
	Log(level LogLevel, message string)
	Counter(name string) Counter
	Gauge(name string) Gauge
	Histogram(name string) Histogram
}
