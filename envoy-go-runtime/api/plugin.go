package api

import (
	"fmt"
	"sort"
	"sync"
)

// Plugin is one plugin compiled from a TypeScript module's default export.
type Plugin struct {
	// Name is Envoy's plugin_name.
	Name string
	// DecodeConfig validates the plugin config, given as JSON text, and returns the
	// decoded value handed to NewFilter. Errors name the offending JSON path.
	DecodeConfig func(json []byte) (any, error)
	// Configure, when not nil, runs once per decoded config (the TypeScript `configure`): it
	// may define metrics and returns what NewFilter gets. An error rejects the config.
	Configure func(config any, env ConfigEnv) (any, error)
	// NewFilter creates the filter for one HTTP stream.
	NewFilter func(ctx Context, config any) any
	// Concurrent tells the backend that this plugin's code may run on several threads at
	// once. By default (false) a backend runs the code of every non-concurrent plugin of the
	// library — DecodeConfig, Configure, NewFilter, every hook — as JavaScript runs it, on
	// one thread at a time: it holds one lock for the whole library while that code runs,
	// released only where an async hook waits (Sleep, a getter waiting for the host) and
	// taken back before it goes on. Module-level state and config objects, shared by every
	// plugin, config, stream and worker, then need no locking. Generated code leaves it
	// false. A plugin written in Go that guards its own shared state may set it: only the
	// hooks of one stream are then kept from running at the same time.
	Concurrent bool
}

var (
	registryMu sync.RWMutex
	registry   = map[string]*Plugin{}
)

// Register makes p available under p.Name. It panics on a duplicate name, which is a
// build error in the generated main package.
func Register(p *Plugin) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[p.Name]; dup {
		panic(fmt.Sprintf("mosn-ts: plugin %q registered twice", p.Name))
	}
	registry[p.Name] = p
}

// Lookup returns the plugin registered under name, or nil.
func Lookup(name string) *Plugin {
	registryMu.RLock()
	defer registryMu.RUnlock()
	return registry[name]
}

// Names returns the registered plugin names, sorted.
func Names() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
