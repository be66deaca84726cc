#include "configs.h"

#include <stdlib.h>
#include <string.h>

static host_config* configs;  /* newest first; worker thread only */
static config_internal** internals; /* not yet finalized; registry_lock */
static size_t internals_len, internals_cap;

config_internal* configs_find_internal(const void* c) {
  for (size_t i = 0; i < internals_len; i++) {
    if ((const void*)internals[i] == c) return internals[i];
  }
  return NULL;
}

void configs_forget_internal(config_internal* ci) {
  for (size_t i = 0; i < internals_len; i++) {
    if (internals[i] == ci) {
      internals[i] = internals[--internals_len];
      break;
    }
  }
  if (ci->owner) ci->owner->internal = NULL;
  free(ci);
}

host_config* config_create(const char* plugin, size_t plugin_len, const strbuf* any_bytes,
                           uint32_t concurrency, const string_map* secrets) {
  static uint64_t created;
  host_config* c = xcalloc(1, sizeof *c);
  c->seq = ++created;
  c->plugin_name = xmemdup(plugin, plugin_len);
  c->plugin_name_len = plugin_len;
  string_map_copy(&c->secrets, secrets);
  metric_table_init(&c->metrics);
  config_internal* ci = xcalloc(1, sizeof *ci);
  ci->owner = c;
  c->internal = ci;
  registry_lock();
  if (internals_len == internals_cap) {
    internals_cap = internals_cap ? internals_cap * 2 : 8;
    internals = xrealloc(internals, internals_cap * sizeof *internals);
  }
  internals[internals_len++] = ci;
  registry_unlock();

  /* Envoy serializes the Any into a temporary string: valid only during the call. */
  char* buf = xmemdup(any_bytes->data ? any_bytes->data : "", any_bytes->len);
  ci->base.plugin_name_ptr = (uint64_t)(uintptr_t)c->plugin_name;
  ci->base.plugin_name_len = plugin_len;
  ci->base.config_ptr = (uint64_t)(uintptr_t)buf;
  ci->base.config_len = any_bytes->len;
  ci->base.is_route_config = 0;
  ci->base.concurrency = concurrency;
  c->id = g_host.dso.new_config(&ci->base);
  free(buf);

  c->next = configs;
  configs = c;
  return c;
}

host_config* config_find(uint64_t id) {
  for (host_config* c = configs; c; c = c->next) {
    if (c->id == id && id != 0 && !c->destroyed) return c;
  }
  return NULL;
}

host_config* config_latest(void) {
  for (host_config* c = configs; c; c = c->next) {
    if (c->id != 0 && !c->destroyed) return c;
  }
  return NULL;
}

void config_destroy(host_config* c) {
  if (c->destroyed) return;
  c->destroyed = true;
  if (c->id > 0) g_host.dso.destroy_config(c->id, 0);
  /* The FilterConfig is gone: its internal object answers CAPIFilterIsGone from now on
   * and waits for the library's finalize. */
  registry_lock();
  if (c->internal) c->internal->owner = NULL;
  c->internal = NULL;
  registry_unlock();
}

void configs_destroy_all(void) {
  for (host_config* c = configs; c; c = c->next) config_destroy(c);
}

size_t configs_unfinalized(void) {
  registry_lock();
  size_t n = internals_len;
  registry_unlock();
  return n;
}

void configs_free_all(void) {
  registry_lock();
  while (internals_len) configs_forget_internal(internals[0]);
  free(internals);
  internals = NULL;
  internals_cap = 0;
  registry_unlock();
  while (configs) {
    host_config* next = configs->next;
    free(configs->plugin_name);
    string_map_free(&configs->secrets);
    metric_table_free(&configs->metrics);
    free(configs);
    configs = next;
  }
}
