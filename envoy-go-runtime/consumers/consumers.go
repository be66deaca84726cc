// Package consumers is the built-in plugin mosn-ts-consumers (docs/architecture.md,
// "Consumers"): its config lists the library's consumers, and loading one replaces the
// library's consumer registry. Its streams pass through. A library gets it by importing
// the package for its side effect: import _ "github.com/mosn-ts/envoy-go-runtime/consumers".
package consumers

import (
	"github.com/mosn-ts/envoy-go-runtime/api"
)

// Plugin is the built-in plugin, registered by this package's init.
var Plugin = &api.Plugin{
	Name:         api.ConsumersPluginName,
	DecodeConfig: decodeConfig,
	Configure:    configure,
	NewFilter:    func(api.Context, any) any { return passThrough{} },
	// Its only shared state is the registry, swapped atomically (api.SetConsumers): its
	// configs and pass-through streams need not wait for the library's plugin code.
	Concurrent: true,
}

func init() { api.Register(Plugin) }

// passThrough implements no hook: every phase continues.
type passThrough struct{}

func decodeConfig(text []byte) (any, error) {
	registry, err := decode(text)
	if err != nil {
		return nil, err
	}
	return registry, nil
}

// configure installs the registry. It runs once per accepted config, after validation,
// so a rejected config leaves the registry as it was; destroying a config does not touch
// it either (Envoy loads the new config before it destroys the old one).
func configure(config any, _ api.ConfigEnv) (any, error) {
	api.SetConsumers(config.(*api.ConsumerRegistry))
	return nil, nil
}
