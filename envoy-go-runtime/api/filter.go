package api

// A filter is any value; the backend asks it, once per plugin, which of these hook
// interfaces it implements. A missing hook passes its phase through unchanged.

type DecodeHeadersHook interface {
	DecodeHeaders(headers RequestHeaderMap, endStream bool) Status
}

type DecodeDataHook interface {
	DecodeData(buffer BodyBuffer, endStream bool) Status
}

type DecodeTrailersHook interface {
	DecodeTrailers(trailers HeaderMap) Status
}

type EncodeHeadersHook interface {
	EncodeHeaders(headers ResponseHeaderMap, endStream bool) Status
}

type EncodeDataHook interface {
	EncodeData(buffer BodyBuffer, endStream bool) Status
}

type EncodeTrailersHook interface {
	EncodeTrailers(trailers HeaderMap) Status
}

// LogEntry holds read-only snapshots of a finished stream's maps; absent maps are nil.
type LogEntry struct {
	RequestHeaders   HeaderMap
	RequestTrailers  HeaderMap
	ResponseHeaders  HeaderMap
	ResponseTrailers HeaderMap
}

type LogHook interface {
	OnLog(entry *LogEntry)
}

type StreamCompleteHook interface {
	OnStreamComplete()
}

type DestroyHook interface {
	OnDestroy(reason DestroyReason)
}
