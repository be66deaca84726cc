#include "load.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "configs.h"
#include "host.h"
#include "stream.h"

/* Distinct results kept per template; streams with other results are only counted. */
#define GROUPS_KEPT 16
#define MAX_REQUESTS_PER_WORKER 10000000ULL
/* Response statuses counted one by one; others (a filter may write any :status) as
 * "other". */
#define STATUS_SLOTS 1000

typedef struct {
  host_config* config;
  const json_value* op; /* the request op members this template gives */
} load_template;

typedef struct {
  char* text; /* the result members, without the leading comma */
  size_t len;
  uint64_t count;
} result_group;

typedef struct {
  result_group items[GROUPS_KEPT];
  size_t len;
  uint64_t more; /* streams whose result is not among items */
} group_list;

typedef struct {
  worker* w;
  const load_template* templates;
  size_t ntemplates;
  uint64_t requests;
  uint32_t concurrency;
  group_list* groups; /* one per template */
  uint64_t statuses[STATUS_SLOTS];
  uint64_t other_statuses;
  uint64_t resets_client, resets_local, local_replies;
} load_worker;

static void group_add(group_list* g, const char* text, size_t len, uint64_t count) {
  for (size_t i = 0; i < g->len; i++) {
    if (g->items[i].len == len && memcmp(g->items[i].text, text, len) == 0) {
      g->items[i].count += count;
      return;
    }
  }
  if (g->len == GROUPS_KEPT) {
    g->more += count;
    return;
  }
  g->items[g->len++] = (result_group){xmemdup(text, len), len, count};
}

static void group_free(group_list* g) {
  for (size_t i = 0; i < g->len; i++) free(g->items[i].text);
  g->len = 0;
}

static void tally(load_worker* lw, stream* s) {
  int status;
  const char* reset;
  bool local_reply;
  stream_outcome(s, &status, &reset, &local_reply);
  if (reset == NULL) {
    if (status >= 0 && status < STATUS_SLOTS) lw->statuses[status]++;
    else lw->other_statuses++;
  } else if (strcmp(reset, "client") == 0) {
    lw->resets_client++;
  } else {
    lw->resets_local++;
  }
  if (local_reply) lw->local_replies++;
}

/* A worker's share: request j uses template j mod n, each stream run to its end before
 * the next starts, as request ops do. */
static void run_worker(void* arg) {
  load_worker* lw = arg;
  strbuf text;
  sb_init(&text);
  for (uint64_t j = 0; j < lw->requests; j++) {
    size_t k = (size_t)(j % lw->ntemplates);
    const load_template* t = &lw->templates[k];
    char err[256];
    stream* s = stream_new(t->config, lw->concurrency, t->op, err, sizeof err);
    if (s == NULL) {
      /* load_run tried every template first. */
      host_error("load: template %zu stopped parsing: %s", k, err);
      continue;
    }
    stream_bind(s, lw->w);
    stream_run(s);
    sb_clear(&text);
    stream_write_result(s, &text);
    tally(lw, s);
    stream_free(s);
    group_add(&lw->groups[k], text.data + 1, text.len - 1, 1);
  }
  sb_free(&text);
}

/* ---- reading the op ---- */

/* Members that make up a stream; with "mix" they belong in its entries. */
static const char* const stream_members[] = {"configId", "request", "upstream", "reset", "idleTimeoutMs",
                                             "streamInfo", "properties", "secrets", "metadata", "filterState"};

static bool read_count(const json_value* v, const char* name, uint64_t min, uint64_t max, uint64_t* out, char* err,
                       size_t errlen) {
  if (v == NULL) return true;
  if (v->type != JSON_NUMBER || v->number != (double)(uint64_t)v->number || v->number < (double)min ||
      v->number > (double)max) {
    snprintf(err, errlen, "%s must be an integer in %" PRIu64 "..%" PRIu64, name, min, max);
    return false;
  }
  *out = (uint64_t)v->number;
  return true;
}

/* Checks one template and finds its config; where names it in errors. */
static bool read_template(load_template* t, const json_value* op, const char* where, uint32_t concurrency, char* err,
                          size_t errlen) {
  if (op->type != JSON_OBJECT) {
    snprintf(err, errlen, "%s must be an object", where);
    return false;
  }
  if (json_get(op, "recordCalls")) {
    snprintf(err, errlen, "%s: recordCalls is not available in a load", where);
    return false;
  }
  const json_value* info = json_get(op, "streamInfo");
  if (info && info->type == JSON_OBJECT && json_get(info, "workerId")) {
    snprintf(err, errlen, "%s: streamInfo.workerId cannot be given: each worker runs its streams with its own id", where);
    return false;
  }
  const json_value* config_id = json_get(op, "configId");
  if (config_id) {
    t->config = NULL;
    if (config_id->type == JSON_NUMBER && config_id->number >= 1 && config_id->number == (double)(uint64_t)config_id->number) {
      t->config = config_find((uint64_t)config_id->number);
    }
    if (t->config == NULL) {
      snprintf(err, errlen, "%s: configId does not name an accepted config", where);
      return false;
    }
  } else if ((t->config = config_latest()) == NULL) {
    snprintf(err, errlen, "no accepted config yet; send a config op first");
    return false;
  }
  t->op = op;
  char inner[256];
  stream* s = stream_new(t->config, concurrency, op, inner, sizeof inner);
  if (s == NULL) {
    snprintf(err, errlen, "%s: %s", where, inner);
    return false;
  }
  stream_free(s);
  return true;
}

static bool read_templates(const json_value* op, uint32_t concurrency, load_template** out, size_t* n, char* err,
                           size_t errlen) {
  const json_value* mix = json_get(op, "mix");
  if (json_get(op, "recordCalls")) {
    snprintf(err, errlen, "recordCalls is not available in a load");
    return false;
  }
  if (mix == NULL) {
    *out = xcalloc(1, sizeof **out);
    *n = 1;
    return read_template(&(*out)[0], op, "the stream", concurrency, err, errlen);
  }
  for (size_t i = 0; i < sizeof stream_members / sizeof stream_members[0]; i++) {
    if (json_get(op, stream_members[i])) {
      snprintf(err, errlen, "%s belongs in the entries of mix, not beside it", stream_members[i]);
      return false;
    }
  }
  if (mix->type != JSON_ARRAY || mix->count == 0 || mix->count > 1000) {
    snprintf(err, errlen, "mix must be an array of 1..1000 request op objects");
    return false;
  }
  *out = xcalloc(mix->count, sizeof **out);
  *n = mix->count;
  for (size_t i = 0; i < mix->count; i++) {
    char where[32];
    snprintf(where, sizeof where, "mix[%zu]", i);
    if (mix->items[i]->type == JSON_OBJECT && json_get(mix->items[i], "logLevel")) {
      snprintf(err, errlen, "%s: logLevel applies to the whole load: give it beside mix", where);
      return false;
    }
    if (!read_template(&(*out)[i], mix->items[i], where, concurrency, err, errlen)) return false;
  }
  return true;
}

/* ---- the answer ---- */

static int compare_groups(const void* a, const void* b) {
  const result_group* x = a;
  const result_group* y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  size_t n = x->len < y->len ? x->len : y->len;
  int c = memcmp(x->text, y->text, n);
  if (c != 0) return c;
  return x->len < y->len ? -1 : x->len > y->len;
}

static void write_answer(strbuf* out, load_worker* lws, uint32_t nworkers, size_t ntemplates, uint64_t per_worker,
                         bool timing, long long elapsed_ns) {
  uint64_t total = per_worker * nworkers;
  sb_appendf(out, ",\"workers\":%u,\"requests\":%" PRIu64 ",\"responses\":{", nworkers, total);
  bool first = true;
  for (int st = 0; st < STATUS_SLOTS; st++) {
    uint64_t n = 0;
    for (uint32_t i = 0; i < nworkers; i++) n += lws[i].statuses[st];
    if (n == 0) continue;
    sb_appendf(out, "%s\"%d\":%" PRIu64, first ? "" : ",", st, n);
    first = false;
  }
  uint64_t other = 0, client = 0, local = 0, replies = 0;
  for (uint32_t i = 0; i < nworkers; i++) {
    other += lws[i].other_statuses;
    client += lws[i].resets_client;
    local += lws[i].resets_local;
    replies += lws[i].local_replies;
  }
  if (other) sb_appendf(out, "%s\"other\":%" PRIu64, first ? "" : ",", other);
  sb_appendf(out, "},\"resets\":{\"client\":%" PRIu64 ",\"local\":%" PRIu64 "},\"localReplies\":%" PRIu64, client, local,
             replies);

  sb_append_str(out, ",\"results\":[");
  uint64_t more = 0;
  first = true;
  for (size_t k = 0; k < ntemplates; k++) {
    group_list merged = {0};
    for (uint32_t i = 0; i < nworkers; i++) {
      group_list* g = &lws[i].groups[k];
      for (size_t j = 0; j < g->len; j++) group_add(&merged, g->items[j].text, g->items[j].len, g->items[j].count);
      merged.more += g->more;
    }
    qsort(merged.items, merged.len, sizeof merged.items[0], compare_groups);
    for (size_t j = 0; j < merged.len; j++) {
      sb_appendf(out, "%s{\"template\":%zu,\"count\":%" PRIu64 ",\"result\":{", first ? "" : ",", k, merged.items[j].count);
      sb_append(out, merged.items[j].text, merged.items[j].len);
      sb_append_str(out, "}}");
      first = false;
    }
    more += merged.more;
    group_free(&merged);
  }
  sb_append_char(out, ']');
  if (more) sb_appendf(out, ",\"moreResults\":%" PRIu64, more);

  uint64_t counts[6];
  strbuf errors;
  sb_init(&errors);
  size_t nerrors = log_count_stop(counts, &errors);
  static const char* levels[] = {"trace", "debug", "info", "warn", "error", "critical"};
  sb_append_str(out, ",\"logCounts\":{");
  for (int l = 0; l < 6; l++) sb_appendf(out, "%s\"%s\":%" PRIu64, l ? "," : "", levels[l], counts[l]);
  sb_append_char(out, '}');
  if (nerrors) {
    sb_append_str(out, ",\"errorLogs\":[");
    sb_append(out, errors.data, errors.len);
    sb_append_char(out, ']');
  }
  sb_free(&errors);
  if (timing) {
    sb_appendf(out, ",\"elapsedMs\":%lld,\"nsPerRequest\":%lld", elapsed_ns / 1000000,
               total ? elapsed_ns / (long long)total : 0);
  }
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

bool load_run(const json_value* op, uint32_t concurrency, strbuf* out, char* err, size_t errlen) {
  uint64_t nworkers = concurrency, per_worker = 1;
  if (!read_count(json_get(op, "workers"), "workers", 1, concurrency, &nworkers, err, errlen)) {
    size_t used = strlen(err);
    snprintf(err + used, errlen - used, " (the host's concurrency: --concurrency, or the first config's)");
    return false;
  }
  if (!read_count(json_get(op, "requestsPerWorker"), "requestsPerWorker", 1, MAX_REQUESTS_PER_WORKER, &per_worker, err,
                  errlen)) {
    return false;
  }
  const json_value* timing = json_get(op, "timing");
  if (timing && timing->type != JSON_BOOL) {
    snprintf(err, errlen, "timing must be a boolean");
    return false;
  }
  load_template* templates = NULL;
  size_t ntemplates = 0;
  if (!read_templates(op, concurrency, &templates, &ntemplates, err, errlen)) {
    free(templates);
    return false;
  }

  load_worker* lws = xcalloc(nworkers, sizeof *lws);
  for (uint32_t i = 0; i < nworkers; i++) {
    lws[i].w = worker_get(i);
    lws[i].templates = templates;
    lws[i].ntemplates = ntemplates;
    lws[i].requests = per_worker;
    lws[i].concurrency = concurrency;
    lws[i].groups = xcalloc(ntemplates, sizeof *lws[i].groups);
  }
  log_count_start();
  long long start = now_ns();
  for (uint32_t i = 0; i < nworkers; i++) worker_start(lws[i].w, run_worker, &lws[i]);
  for (uint32_t i = 0; i < nworkers; i++) worker_wait(lws[i].w);
  long long elapsed = now_ns() - start;
  write_answer(out, lws, (uint32_t)nworkers, ntemplates, per_worker, timing && timing->boolean, elapsed);

  for (uint32_t i = 0; i < nworkers; i++) {
    for (size_t k = 0; k < ntemplates; k++) group_free(&lws[i].groups[k]);
    free(lws[i].groups);
  }
  free(lws);
  free(templates);
  return true;
}
