#include "metrics.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

struct stat_entry {
  int kind;
  char* name;
  size_t name_len;
  uint64_t value;      /* counters and gauges */
  uint64_t* samples;   /* histograms */
  size_t nsamples, cap;
  stat_entry* next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static stat_entry* stats_head;
static stat_entry** stats_tail = &stats_head;

void metric_table_init(metric_table* t) {
  memset(t, 0, sizeof *t);
  for (int k = 0; k < 3; k++) t->next_id[k] = (uint32_t)k;
}

void metric_table_free(metric_table* t) {
  free(t->refs);
  metric_table_init(t);
}

/* counterFromStatName and friends: the existing stat of that kind and name, or a new one. */
static stat_entry* stat_of(int kind, const char* name, size_t len) {
  for (stat_entry* s = stats_head; s; s = s->next) {
    if (s->kind == kind && s->name_len == len && memcmp(s->name, name, len) == 0) return s;
  }
  stat_entry* s = xcalloc(1, sizeof *s);
  s->kind = kind;
  s->name = xmemdup(name, len);
  s->name_len = len;
  *stats_tail = s;
  stats_tail = &s->next;
  return s;
}

CAPIStatus metric_define(metric_table* t, uint32_t metric_type, const char* name, size_t len, uint32_t* id) {
  if (metric_type > METRIC_HISTOGRAM) return CAPIValueNotFound;
  pthread_mutex_lock(&mu);
  if (t->len == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 4;
    t->refs = xrealloc(t->refs, t->cap * sizeof *t->refs);
  }
  t->next_id[metric_type] += 4;
  t->refs[t->len].id = t->next_id[metric_type];
  t->refs[t->len].stat = stat_of((int)metric_type, name, len);
  *id = t->refs[t->len].id;
  t->len++;
  pthread_mutex_unlock(&mu);
  return CAPIOK;
}

/* caller holds mu */
static stat_entry* lookup(metric_table* t, uint32_t id) {
  for (size_t i = 0; i < t->len; i++) {
    if (t->refs[i].id == id) return t->refs[i].stat;
  }
  return NULL;
}

void metric_increment(metric_table* t, uint32_t id, int64_t offset) {
  pthread_mutex_lock(&mu);
  stat_entry* s = lookup(t, id);
  if (s && s->kind == METRIC_COUNTER && offset > 0) s->value += (uint64_t)offset;
  /* Gauges are unsigned: a release build of Envoy wraps below 0. */
  if (s && s->kind == METRIC_GAUGE) s->value += (uint64_t)offset;
  pthread_mutex_unlock(&mu);
}

void metric_get(metric_table* t, uint32_t id, uint64_t* value) {
  pthread_mutex_lock(&mu);
  stat_entry* s = lookup(t, id);
  if (s && s->kind != METRIC_HISTOGRAM) *value = s->value;
  pthread_mutex_unlock(&mu);
}

void metric_record(metric_table* t, uint32_t id, uint64_t value) {
  pthread_mutex_lock(&mu);
  stat_entry* s = lookup(t, id);
  if (s && s->kind == METRIC_COUNTER) s->value += value;
  if (s && s->kind == METRIC_GAUGE) s->value = value;
  if (s && s->kind == METRIC_HISTOGRAM) {
    if (s->nsamples == s->cap) {
      s->cap = s->cap ? s->cap * 2 : 8;
      s->samples = xrealloc(s->samples, s->cap * sizeof *s->samples);
    }
    s->samples[s->nsamples++] = value;
  }
  pthread_mutex_unlock(&mu);
}

static void write_kind(strbuf* out, int kind) {
  sb_append_char(out, '{');
  bool first = true;
  for (stat_entry* s = stats_head; s; s = s->next) {
    if (s->kind != kind) continue;
    if (!first) sb_append_char(out, ',');
    first = false;
    json_write_string(out, s->name, s->name_len);
    sb_append_char(out, ':');
    if (kind != METRIC_HISTOGRAM) {
      sb_appendf(out, "%llu", (unsigned long long)s->value);
      continue;
    }
    sb_append_char(out, '[');
    for (size_t i = 0; i < s->nsamples; i++) sb_appendf(out, i ? ",%llu" : "%llu", (unsigned long long)s->samples[i]);
    sb_append_char(out, ']');
  }
  sb_append_char(out, '}');
}

bool metrics_write_json(strbuf* out) {
  pthread_mutex_lock(&mu);
  bool any = stats_head != NULL;
  if (any) {
    sb_append_str(out, "{\"counters\":");
    write_kind(out, METRIC_COUNTER);
    sb_append_str(out, ",\"gauges\":");
    write_kind(out, METRIC_GAUGE);
    sb_append_str(out, ",\"histograms\":");
    write_kind(out, METRIC_HISTOGRAM);
    sb_append_char(out, '}');
  }
  pthread_mutex_unlock(&mu);
  return any;
}

void metrics_free_all(void) {
  pthread_mutex_lock(&mu);
  while (stats_head) {
    stat_entry* next = stats_head->next;
    free(stats_head->name);
    free(stats_head->samples);
    free(stats_head);
    stats_head = next;
  }
  stats_tail = &stats_head;
  pthread_mutex_unlock(&mu);
}
