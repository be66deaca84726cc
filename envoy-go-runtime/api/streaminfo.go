package api

// StreamInfo exposes Envoy's StreamInfo values. Values Envoy may not have yet come with an
// ok flag.
type StreamInfo interface {
	RouteName() string
	FilterChainName() string
	Protocol() (string, bool)
	ResponseCode() (int, bool)
	ResponseCodeDetails() (string, bool)
	AttemptCount() int
	DownstreamLocalAddress() string
	DownstreamRemoteAddress() string
	UpstreamLocalAddress() (string, bool)
	UpstreamRemoteAddress() (string, bool)
	UpstreamClusterName() (string, bool)
	VirtualClusterName() (string, bool)
	WorkerID() int
	// DrainConnectionUponCompletion closes the downstream connection once the stream ends.
	DrainConnectionUponCompletion()
}
