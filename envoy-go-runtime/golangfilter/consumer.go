package golangfilter

import (
	"errors"
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/internal/pbwire"
)

// Consumers (docs/architecture.md, "Consumers") travel in Envoy's filter state, not in
// the runtime, so filters of other golang filter entries, even of other libraries, see
// the consumer an earlier one set; each library resolves the name in its own registry.

var errNoConsumer = errors.New("setConsumer: no consumer")

// Consumer reads the consumer's name from the filter state (a yielding getter off the
// worker) and resolves it in the current registry.
func (req *request) Consumer() *api.Consumer {
	name, ok := filterState{req}.get("consumer", api.ConsumerFilterStateKey)
	if !ok {
		return nil
	}
	return api.Consumers().ByName(name)
}

// LookupConsumer asks only the registry: no Envoy call, so it works in every hook.
func (req *request) LookupConsumer(kind, credential string) *api.Consumer {
	return api.Consumers().ByCredential(kind, credential)
}

// SetConsumer writes the filter state first, then the metadata. Envoy keeps a filter
// state key at the life span it was first set with and ignores a set at another one
// without an error, so the metadata is written even then.
func (req *request) SetConsumer(c *api.Consumer) {
	if c == nil {
		panic(errNoConsumer)
	}
	if err := capiSetStringFilterState(req.c, api.ConsumerFilterStateKey, c.Name, stateMutable,
		int(api.LifeSpanRequest), int(api.StreamSharingNone)); err != nil {
		panic(fmt.Errorf("setConsumer: %w", err))
	}
	value := pbwire.AppendStringValue(nil, c.Name)
	if err := capiSetDynamicMetadata(req.c, api.ConsumerMetadataNamespace, api.ConsumerMetadataKey, value); err != nil {
		panic(fmt.Errorf("setConsumer: %w", err))
	}
}
