/* Plugin configs: Envoy's FilterConfig (host_config) and the httpConfigInternal it hands
 * the library (config_internal), which the library finalizes. */
#ifndef MOCKHOST_CONFIGS_H
#define MOCKHOST_CONFIGS_H

#include "host.h"

/* Serializes nothing itself: any_bytes is the plugin_config Any. Calls
 * envoyGoFilterNewHttpPluginConfig; the returned config has id 0 when rejected. */
host_config* config_create(const char* plugin, size_t plugin_len, const strbuf* any_bytes,
                           uint32_t concurrency, const string_map* secrets);
host_config* config_find(uint64_t id);
host_config* config_latest(void); /* the most recent accepted config, or NULL */
/* Envoy's ~FilterConfig: envoyGoFilterDestroyHttpPluginConfig(id, 0). */
void config_destroy(host_config* c);
void configs_destroy_all(void);
size_t configs_unfinalized(void);
void configs_free_all(void);

#endif
