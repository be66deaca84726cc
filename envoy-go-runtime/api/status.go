package api

// Status is what a hook returns. The values are the Envoy golang filter's status codes,
// so a backend for that ABI passes them through unchanged.
type Status int

const (
	// Running means the hook continues asynchronously; the backend waits for it.
	Running Status = 0
	// LocalReply means a local reply was sent.
	LocalReply Status = 1
	// Continue proceeds to the next filter.
	Continue Status = 2
	// StopAndBuffer buffers the body, then calls the data hook once at its end: with the
	// whole body after a headers hook; after a data hook, with the rest only (Envoy holds
	// that hook's chunk out of sight and passes it on with the rest).
	StopAndBuffer Status = 3
	// StopAndBufferWatermark buffers with flow control, calling the data hook per chunk.
	StopAndBufferWatermark Status = 4
	// StopNoBuffer drops the latest chunk (Envoy does not pass it on) and waits for more
	// (data hooks only).
	StopNoBuffer Status = 5
)

// String returns the status name used in traces.
func (s Status) String() string {
	switch s {
	case Running:
		return "Running"
	case LocalReply:
		return "LocalReply"
	case Continue:
		return "Continue"
	case StopAndBuffer:
		return "StopAndBuffer"
	case StopAndBufferWatermark:
		return "StopAndBufferWatermark"
	case StopNoBuffer:
		return "StopNoBuffer"
	}
	return "Unknown"
}

// DestroyReason says why a stream ended.
type DestroyReason int

const (
	// Normal is an orderly end.
	Normal DestroyReason = 0
	// Terminate means the stream was reset while the filter was still processing.
	Terminate DestroyReason = 1
)
