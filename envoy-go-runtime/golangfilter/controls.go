package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// The body controls of each direction. Envoy's rules: addData works while the direction
// is processing headers or trailers in Go (a data hook changes its buffer instead),
// injectData only from an async data hook (off the worker thread), and the upstream
// override host only in the request direction. A direction Go has not entered yet is not
// processing in Go. On the worker Envoy's filter manager may hand added data to the next
// filters at once, so a synchronous hook lets go of the filter lock for addData
// (hooklock.go, rule 3).

type decoderControls struct{ req *request }

type encoderControls struct{ req *request }

var (
	_ api.DecoderControls   = decoderControls{}
	_ api.DirectionControls = encoderControls{}
)

// direction returns the state of a direction, panicking like Envoy answers when Go has
// not entered it yet.
func direction(s *C.processState, what string) *C.processState {
	if s == nil {
		panic(fmt.Errorf("%s: %w", what, capiError(C.CAPINotInGo)))
	}
	return s
}

func check(what string, err error) {
	if err != nil {
		panic(fmt.Errorf("%s: %w", what, err))
	}
}

func (c decoderControls) AddData(data []byte, streaming bool) {
	s := direction(c.req.decoding, "decoder.addData")
	held := c.req.releaseForInlineCall()
	err := capiAddData(s, data, streaming)
	c.req.retakeAfterInlineCall(held)
	check("decoder.addData", err)
}

func (c decoderControls) AddDataString(data string, streaming bool) {
	s := direction(c.req.decoding, "decoder.addData")
	held := c.req.releaseForInlineCall()
	err := capiAddDataString(s, data, streaming)
	c.req.retakeAfterInlineCall(held)
	check("decoder.addData", err)
}

func (c decoderControls) InjectData(data []byte) {
	check("decoder.injectData", capiInjectData(direction(c.req.decoding, "decoder.injectData"), data))
}

func (c decoderControls) InjectDataString(data string) {
	check("decoder.injectData", capiInjectDataString(direction(c.req.decoding, "decoder.injectData"), data))
}

// SetUpstreamOverrideHost routes the request to host ("ip" or "ip:port"); Envoy refuses
// a host that is not an IP address.
func (c decoderControls) SetUpstreamOverrideHost(host string, strict bool) {
	s := direction(c.req.decoding, "decoder.setUpstreamOverrideHost")
	check("decoder.setUpstreamOverrideHost", capiSetUpstreamOverrideHost(s, host, strict))
}

func (c encoderControls) AddData(data []byte, streaming bool) {
	s := direction(c.req.encoding, "encoder.addData")
	held := c.req.releaseForInlineCall()
	err := capiAddData(s, data, streaming)
	c.req.retakeAfterInlineCall(held)
	check("encoder.addData", err)
}

func (c encoderControls) AddDataString(data string, streaming bool) {
	s := direction(c.req.encoding, "encoder.addData")
	held := c.req.releaseForInlineCall()
	err := capiAddDataString(s, data, streaming)
	c.req.retakeAfterInlineCall(held)
	check("encoder.addData", err)
}

func (c encoderControls) InjectData(data []byte) {
	check("encoder.injectData", capiInjectData(direction(c.req.encoding, "encoder.injectData"), data))
}

func (c encoderControls) InjectDataString(data string) {
	check("encoder.injectData", capiInjectDataString(direction(c.req.encoding, "encoder.injectData"), data))
}
