package api

// LogLevel is Envoy's log level; the values are Envoy's.
type LogLevel int

const (
	LogTrace    LogLevel = 0
	LogDebug    LogLevel = 1
	LogInfo     LogLevel = 2
	LogWarn     LogLevel = 3
	LogError    LogLevel = 4
	LogCritical LogLevel = 5
)

// Context is what a backend gives one filter instance (one HTTP stream).
type Context interface {
	// Log writes message to Envoy's log at level.
	Log(level LogLevel, message string)
	// LogLevel is Envoy's current level; lines below it are dropped.
	LogLevel() LogLevel
	// SendLocalReply answers the client directly and returns LocalReply.
	SendLocalReply(status int, body string, headers []Header, details string) Status
	// SendGrpcLocalReply is SendLocalReply with an explicit gRPC status.
	SendGrpcLocalReply(status int, body string, headers []Header, details string, grpcStatus int) Status
	StreamInfo() StreamInfo
	Metadata() DynamicMetadata
	FilterState() FilterState
	// Property reads a request attribute by path (request.path, xds.route_name, ...).
	Property(path string) (string, bool)
	// Secret reads a generic secret configured on the filter.
	Secret(name string) (string, bool)
	ClearRouteCache()
	RefreshRouteCache()
	// Decoder and Encoder are the body controls of the request and response directions.
	Decoder() DecoderControls
	Encoder() DirectionControls

	// Consumer is the consumer set on this request, by this filter or an earlier one (in
	// any library): the name in filter state ConsumerFilterStateKey, looked up in the
	// current registry. Nil when unset or unknown. Panics ("consumer: ...") where the filter
	// state cannot be read (OnDestroy).
	Consumer() *Consumer
	// LookupConsumer is the consumer owning credential of kind in the current registry, or
	// nil (also before any consumers config was loaded). It makes no call to the host, so it
	// works in every hook.
	LookupConsumer(kind, credential string) *Consumer
	// SetConsumer records c as the request's consumer: the filter state object
	// ConsumerFilterStateKey = c.Name (mutable, request life span, not shared), then the
	// dynamic metadata ConsumerMetadataNamespace/ConsumerMetadataKey = c.Name for access
	// logs. A nil c panics ("setConsumer: no consumer"), as do failing host calls
	// ("setConsumer: ...").
	SetConsumer(c *Consumer)
}
