package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"errors"
	"unsafe"
)

// Config-level C API: metrics, kept by Envoy's FilterConfig behind the httpConfig.

// Envoy's MetricType.
const (
	metricCounter   = 0
	metricGauge     = 1
	metricHistogram = 2
)

// errConfigGone is CAPIFilterIsGone from a config-level function: Envoy has dropped the
// FilterConfig (the listener was removed) while Go still holds its httpConfig.
var errConfigGone = errors.New("the config is gone (CAPIFilterIsGone)")

func configStatusError(st C.CAPIStatus) error {
	if st == C.CAPIFilterIsGone {
		return errConfigGone
	}
	return statusError(st)
}

func capiDefineMetric(c *C.httpConfig, metricType int, name string) (uint32, error) {
	var id C.uint32_t
	st := C.envoyGoFilterHttpDefineMetric(unsafe.Pointer(c), C.uint32_t(metricType),
		unsafe.Pointer(unsafe.StringData(name)), C.int(len(name)), &id)
	return uint32(id), configStatusError(st)
}

func capiIncrementMetric(c *C.httpConfig, id uint32, delta int64) error {
	return configStatusError(C.envoyGoFilterHttpIncrementMetric(unsafe.Pointer(c), C.uint32_t(id), C.int64_t(delta)))
}

func capiGetMetric(c *C.httpConfig, id uint32) (uint64, error) {
	var v C.uint64_t
	st := C.envoyGoFilterHttpGetMetric(unsafe.Pointer(c), C.uint32_t(id), &v)
	return uint64(v), configStatusError(st)
}

func capiRecordMetric(c *C.httpConfig, id uint32, value uint64) error {
	return configStatusError(C.envoyGoFilterHttpRecordMetric(unsafe.Pointer(c), C.uint32_t(id), C.uint64_t(value)))
}
