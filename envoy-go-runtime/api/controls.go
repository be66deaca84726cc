package api

// DirectionControls are the body controls of one direction (Envoy's decoder or encoder
// filter callbacks).
type DirectionControls interface {
	AddData(data []byte, streaming bool)
	AddDataString(data string, streaming bool)
	InjectData(data []byte)
	InjectDataString(data string)
}

// DecoderControls adds what only the request direction can do.
type DecoderControls interface {
	DirectionControls
	SetUpstreamOverrideHost(host string, strict bool)
}
