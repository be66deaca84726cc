package golangfilter

/*
#include "envoy_capi.h"
*/
import "C"

import (
	"runtime"
	"time"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

//export envoyGoFilterNewHttpPluginConfig
func envoyGoFilterNewHttpPluginConfig(c *C.httpConfig) (id uint64) {
	defer func() {
		if e := recover(); e != nil {
			logf(api.LogCritical, "mosn-ts runtime: panic in envoyGoFilterNewHttpPluginConfig: %s", panicMessage(e))
			id = 0
		}
	}()
	initTables(uint32(c.concurrency))
	name := goStringAt(uint64(c.plugin_name_ptr), uint64(c.plugin_name_len))
	// Envoy's buffer is valid only during this call; copy it.
	anyBytes := goBytesAt(uint64(c.config_ptr), uint64(c.config_len))
	// Route configs live inside Envoy's route object, which Go must not free.
	var owner *configHandle
	if c.is_route_config == 0 {
		owner = &configHandle{c: c}
	}
	id = newConfig(name, anyBytes, owner)
	if owner != nil {
		if id == 0 {
			owner.rejected = true
			capiFinalizeConfig(c)
		} else {
			owner.track()
		}
	}
	return id
}

//export envoyGoFilterMergeHttpPluginConfig
func envoyGoFilterMergeHttpPluginConfig(namePtr, nameLen, parentID, childID uint64) uint64 {
	defer guard("envoyGoFilterMergeHttpPluginConfig")
	return mergeConfigs(goStringAt(namePtr, nameLen), parentID, childID)
}

//export envoyGoFilterDestroyHttpPluginConfig
func envoyGoFilterDestroyHttpPluginConfig(id uint64, needDelay int) {
	defer guard("envoyGoFilterDestroyHttpPluginConfig")
	destroyConfig(id, needDelay == 1)
}

// envoyGoFilterCleanUp hands back everything Go still holds for Envoy and is done with:
// delayed config destroys run now, and collected requests and configs are finalized
// before it returns. Envoy calls it in its leak-checking tests; the mock host at exit.
//
//export envoyGoFilterCleanUp
func envoyGoFilterCleanUp() {
	flushDelayedDestroys()
	for range 100 {
		runtime.GC()
		if liveRequests.Load() == 0 && liveConfigs.Load() == 0 {
			return
		}
		// Cleanups run on their own goroutine after a collection.
		time.Sleep(5 * time.Millisecond)
	}
}
