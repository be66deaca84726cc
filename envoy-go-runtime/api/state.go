package api

// DynamicMetadata is Envoy's per-namespace dynamic metadata. Values are JSON-like scalars.
type DynamicMetadata interface {
	GetString(namespace, key string) (string, bool)
	GetNumber(namespace, key string) (float64, bool)
	GetBool(namespace, key string) (bool, bool)
	SetString(namespace, key, value string)
	SetNumber(namespace, key string, value float64)
	SetBool(namespace, key string, value bool)
}

// LifeSpan is how long a filter state object lives; the values are Envoy's.
type LifeSpan int

const (
	LifeSpanFilterChain LifeSpan = 0
	LifeSpanRequest     LifeSpan = 1
	LifeSpanConnection  LifeSpan = 2
	// LifeSpanTopSpan is Envoy's alias of Connection.
	LifeSpanTopSpan LifeSpan = LifeSpanConnection
)

// StreamSharing says whether a filter state object is shared with the upstream connection.
type StreamSharing int

const (
	StreamSharingNone                             StreamSharing = 0
	StreamSharingSharedWithUpstreamConnection     StreamSharing = 1
	StreamSharingSharedWithUpstreamConnectionOnce StreamSharing = 2
)

// FilterStateOptions are the options of FilterState.Set. The zero value is Envoy's common
// choice except for LifeSpan, so use DefaultFilterStateOptions.
type FilterStateOptions struct {
	ReadOnly      bool
	LifeSpan      LifeSpan
	StreamSharing StreamSharing
}

// DefaultFilterStateOptions: mutable, request life span, not shared.
var DefaultFilterStateOptions = FilterStateOptions{LifeSpan: LifeSpanRequest}

// FilterState is Envoy's filter state holding string objects.
type FilterState interface {
	Get(key string) (string, bool)
	Set(key, value string, options FilterStateOptions)
}
