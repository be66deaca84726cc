package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/internal/anyjson"
)

// pluginConfig is one decoded plugin config, found by the id Envoy got for it. Streams
// keep a pointer to it, so destroying the id does not disturb streams still running.
type pluginConfig struct {
	plugin *api.Plugin
	value  any
	// owner holds Envoy's httpConfig for listener-level configs (nil for route configs
	// and merges, which Envoy does not let Go finalize).
	owner *configHandle
	// noHeaderHooks is set when the last filter the plugin created for this config had
	// no header or trailer hook: its streams then need no header store (requests.go).
	noHeaderHooks atomic.Bool
	// storeSizes sizes the header stores of its streams (headerstore.go).
	storeSizes storeSizes
	// lastHooks is the hook set of the last filter type the plugin created for this
	// config: a plugin creates one type, so most streams find it here rather than in the
	// library-wide cache (hooksOf), which hashes the type.
	lastHooks atomic.Pointer[filterHooks]
}

// mergeDelay is how long an id replaced during a route-config merge stays usable: other
// workers may still be about to enter Go with it (Envoy passes need_delay=1 then).
const mergeDelay = 2 * time.Second

var (
	lastConfigID atomic.Uint64
	configsByID  sync.Map // uint64 -> *pluginConfig

	delayedMu      sync.Mutex
	delayedDestroy = map[uint64]*time.Timer{}

	// liveConfigs counts Envoy config objects not yet handed back with
	// envoyGoConfigHttpFinalize.
	liveConfigs atomic.Int64
)

// newConfig decodes a plugin config, runs the plugin's Configure on it, and returns its
// id, or 0 (Envoy rejects the config) after logging why at error level.
func newConfig(name string, anyBytes []byte, owner *configHandle) uint64 {
	plugin := api.Lookup(name)
	if plugin == nil {
		logf(api.LogError, "unknown plugin %q: this library registers %s", name, registeredNames())
		return 0
	}
	text, err := anyjson.Decode(anyBytes)
	if err != nil {
		logf(api.LogError, "invalid config for plugin %q: %v", name, err)
		return 0
	}
	value, err := runConfigCode(plugin, text, owner)
	if err != nil {
		logf(api.LogError, "invalid config for plugin %q: %s", name, err)
		return 0
	}
	id := lastConfigID.Add(1)
	configsByID.Store(id, &pluginConfig{plugin: plugin, value: value, owner: owner})
	return id
}

// runConfigCode decodes a config and runs Configure on it, under the filter lock: they are
// the plugin's code too (module state, the objects they build), and Envoy calls them on its
// main thread (or on a worker, for a route config) while workers run hooks.
func runConfigCode(plugin *api.Plugin, text []byte, owner *configHandle) (any, error) {
	defer lockPluginCode(plugin)()
	value, err := decodeConfig(plugin, text)
	if err != nil || plugin.Configure == nil {
		return value, err
	}
	return configure(plugin, value, owner)
}

// decodeConfig runs the plugin's decoder, turning a panic into an error.
func decodeConfig(plugin *api.Plugin, text []byte) (value any, err error) {
	if plugin.DecodeConfig == nil {
		return nil, nil
	}
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("panic in decodeConfig: %s", panicMessage(e))
		}
	}()
	return plugin.DecodeConfig(text)
}

// configure runs the plugin's Configure. A thrown error (a panic) rejects the config
// like a returned one; both are reported by their text alone.
func configure(plugin *api.Plugin, value any, owner *configHandle) (result any, err error) {
	env := &configEnv{owner: owner}
	env.open.Store(true)
	defer func() {
		env.open.Store(false)
		if e := recover(); e != nil {
			err = errors.New(panicMessage(e))
		}
	}()
	return plugin.Configure(value, env)
}

func registeredNames() string {
	names := api.Names()
	if len(names) == 0 {
		return "no plugins"
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	sort.Strings(quoted)
	return strings.Join(quoted, ", ")
}

func lookupConfig(id uint64) *pluginConfig {
	c, _ := configsByID.Load(id)
	p, _ := c.(*pluginConfig)
	return p
}

// mergeConfigs combines a route's config (child) with the one above it (parent). For
// now the child wins; the result gets an id of its own because Envoy destroys merged ids
// separately from their inputs.
func mergeConfigs(name string, parentID, childID uint64) uint64 {
	parent, child := lookupConfig(parentID), lookupConfig(childID)
	merged := child
	if merged == nil {
		merged = parent
	}
	if merged == nil {
		logf(api.LogError, "cannot merge configs of plugin %q: neither id %d nor id %d exists", name, parentID, childID)
		return 0
	}
	id := lastConfigID.Add(1)
	configsByID.Store(id, &pluginConfig{plugin: merged.plugin, value: merged.value})
	return id
}

func destroyConfig(id uint64, delayed bool) {
	if !delayed {
		configsByID.Delete(id)
		return
	}
	delayedMu.Lock()
	defer delayedMu.Unlock()
	if _, pending := delayedDestroy[id]; pending {
		return
	}
	delayedDestroy[id] = time.AfterFunc(mergeDelay, func() {
		delayedMu.Lock()
		delete(delayedDestroy, id)
		delayedMu.Unlock()
		configsByID.Delete(id)
	})
}

// flushDelayedDestroys destroys every id whose delay is still running.
func flushDelayedDestroys() {
	delayedMu.Lock()
	defer delayedMu.Unlock()
	for id, timer := range delayedDestroy {
		if timer.Stop() {
			configsByID.Delete(id)
		}
		delete(delayedDestroy, id)
	}
}

// configHandle owns Envoy's httpConfig of a listener-level config. Envoy frees it when
// Go calls envoyGoConfigHttpFinalize, which happens once the handle is unreachable (no
// stream or config can use it any more).
type configHandle struct {
	c *C.httpConfig
	// rejected is set when the config was rejected: the httpConfig went back to Envoy at
	// once, and metrics Configure defined on it must not use it.
	rejected bool
}

// track arranges for the finalize call once h is unreachable.
func (h *configHandle) track() {
	liveConfigs.Add(1)
	runtime.AddCleanup(h, finalizeConfig, h.c)
}

func finalizeConfig(c *C.httpConfig) {
	capiFinalizeConfig(c)
	liveConfigs.Add(-1)
}
