// Command conformance is the reference library of the conformance suite: the plugins
// "conformance" and "conformance-async" written on Envoy's official Go SDK. Their
// TypeScript twins are in conformance/twin/src; both libraries are driven through the mock
// host with the same scenarios and must leave the same host-visible results.
package main

import (
	"github.com/envoyproxy/envoy/contrib/golang/filters/http/source/go/pkg/http"
)

func init() {
	http.RegisterHttpFilterFactoryAndConfigParser("conformance", newFilter, &configParser{})
	http.RegisterHttpFilterFactoryAndConfigParser("conformance-async", newAsyncFilter, &asyncConfigParser{})
}

// main is required by -buildmode=c-shared and never runs.
func main() {}
