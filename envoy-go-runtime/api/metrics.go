package api

// Metric amounts are JavaScript numbers: the backend checks them (non-negative safe
// integers, as Envoy's unsigned stats and a TypeScript number can both hold) and panics
// with the same text the TypeScript host throws.

// Counter is an Envoy counter.
type Counter interface {
	Increment(delta float64)
	Value() float64
}

// Gauge is an Envoy gauge.
type Gauge interface {
	Set(value float64)
	Increment(delta float64)
	// Decrement subtracts delta; a gauge may not go below 0.
	Decrement(delta float64)
	Value() float64
}

// Histogram is an Envoy histogram.
type Histogram interface {
	Record(value float64)
}

// ConfigEnv is what Plugin.Configure gets: Envoy allows defining metrics only while a
// config loads.
type ConfigEnv interface {
	Log(level LogLevel, message string)
	Counter(name string) Counter
	Gauge(name string) Gauge
	Histogram(name string) Histogram
}
