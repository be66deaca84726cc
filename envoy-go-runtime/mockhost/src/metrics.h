/* Envoy's stats as the golang filter reaches them (FilterConfig::defineMetric and friends):
 * one stat per kind and name for the whole host, shared by every config that defines it,
 * and per config the ids Envoy hands out (kind in the low two bits, then steps of 4). */
#ifndef MOCKHOST_METRICS_H
#define MOCKHOST_METRICS_H

#include <stdbool.h>
#include <stdint.h>

#include "../../golangfilter/envoy_capi.h"
#include "util.h"

enum { METRIC_COUNTER = 0, METRIC_GAUGE = 1, METRIC_HISTOGRAM = 2 };

typedef struct stat_entry stat_entry;

/* The ids one config defined; lives in the config (host_config). */
typedef struct {
  struct {
    uint32_t id;
    stat_entry* stat;
  }* refs;
  size_t len, cap;
  uint32_t next_id[3];
} metric_table;

void metric_table_init(metric_table* t);
void metric_table_free(metric_table* t);

/* MetricStore operations; thread-safe. Unknown ids are ignored, as Envoy does. */
CAPIStatus metric_define(metric_table* t, uint32_t metric_type, const char* name, size_t len, uint32_t* id);
void metric_increment(metric_table* t, uint32_t id, int64_t offset);
void metric_get(metric_table* t, uint32_t id, uint64_t* value);
void metric_record(metric_table* t, uint32_t id, uint64_t value);

/* Appends {"counters":{...},"gauges":{...},"histograms":{...}} and returns true, or
 * returns false (writing nothing) while no stat exists. */
bool metrics_write_json(strbuf* out);
void metrics_free_all(void);

#endif
