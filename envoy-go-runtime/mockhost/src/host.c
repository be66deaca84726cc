#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"

host g_host;

static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;

static pthread_cond_t registry_cond = PTHREAD_COND_INITIALIZER;

void registry_lock(void) { pthread_mutex_lock(&registry_mu); }
void registry_unlock(void) { pthread_mutex_unlock(&registry_mu); }
void registry_wait(void) { pthread_cond_wait(&registry_cond, &registry_mu); }
void registry_notify(void) { pthread_cond_broadcast(&registry_cond); }

const char* golang_status_name(uint64_t status) {
  static const char* names[] = {"Running", "LocalReply", "Continue", "StopAndBuffer",
                                "StopAndBufferWatermark", "StopNoBuffer"};
  static _Thread_local char unknown[32];
  if (status < sizeof names / sizeof names[0]) return names[status];
  snprintf(unknown, sizeof unknown, "Unknown(%llu)", (unsigned long long)status);
  return unknown;
}

/* ---- host errors and captured logs ---- */

static pthread_mutex_t capture_mu = PTHREAD_MUTEX_INITIALIZER;
static strbuf errors_json;
static size_t errors_count;
static size_t errors_dropped; /* past HOST_ERRORS_KEPT */
static strbuf logs_json;
static size_t logs_count;
static char* last_error;
/* Counting mode (log_count_start). */
static bool counting;
static uint64_t level_counts[6];
static strbuf counted_errors;
static size_t counted_errors_len;

void host_error(const char* fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  fprintf(stderr, "mosn-ts-mockhost: %s\n", msg);
  pthread_mutex_lock(&capture_mu);
  if (errors_count >= HOST_ERRORS_KEPT) {
    errors_dropped++;
  } else {
    if (errors_count++) sb_append_char(&errors_json, ',');
    json_write_string(&errors_json, msg, strlen(msg));
  }
  pthread_mutex_unlock(&capture_mu);
}

size_t host_errors_take(strbuf* out) {
  pthread_mutex_lock(&capture_mu);
  size_t n = errors_count;
  sb_append(out, errors_json.data, errors_json.len);
  if (errors_dropped > 0) {
    char msg[96];
    snprintf(msg, sizeof msg, "... and %zu more host errors", errors_dropped);
    sb_append_char(out, ',');
    json_write_string(out, msg, strlen(msg));
    n++;
  }
  sb_clear(&errors_json);
  errors_count = 0;
  errors_dropped = 0;
  pthread_mutex_unlock(&capture_mu);
  return n;
}

static const char* level_name(uint32_t level) {
  static const char* names[] = {"trace", "debug", "info", "warn", "error", "critical"};
  return level < 6 ? names[level] : "off";
}

void log_capture(uint32_t level, const char* msg, size_t len) {
  pthread_mutex_lock(&capture_mu);
  if (counting) {
    if (level < 6) level_counts[level]++;
    if (level >= LOG_ERROR && counted_errors_len < LOG_ERRORS_KEPT) {
      if (counted_errors_len++) sb_append_char(&counted_errors, ',');
      json_write_text_lossy(&counted_errors, msg, len);
    }
    pthread_mutex_unlock(&capture_mu);
    return;
  }
  if (logs_count++) sb_append_char(&logs_json, ',');
  sb_append_str(&logs_json, "{\"level\":\"");
  sb_append_str(&logs_json, level_name(level));
  sb_append_str(&logs_json, "\",\"message\":");
  json_write_text_lossy(&logs_json, msg, len);
  sb_append_char(&logs_json, '}');
  if (level >= LOG_ERROR) {
    free(last_error);
    last_error = xmemdup(msg, len);
  }
  pthread_mutex_unlock(&capture_mu);
}

size_t log_take(strbuf* out) {
  pthread_mutex_lock(&capture_mu);
  size_t n = logs_count;
  sb_append(out, logs_json.data, logs_json.len);
  sb_clear(&logs_json);
  logs_count = 0;
  pthread_mutex_unlock(&capture_mu);
  return n;
}

char* log_last_error(void) {
  pthread_mutex_lock(&capture_mu);
  char* e = last_error;
  last_error = NULL;
  pthread_mutex_unlock(&capture_mu);
  return e;
}

void log_count_start(void) {
  pthread_mutex_lock(&capture_mu);
  counting = true;
  memset(level_counts, 0, sizeof level_counts);
  sb_clear(&counted_errors);
  counted_errors_len = 0;
  pthread_mutex_unlock(&capture_mu);
}

size_t log_count_stop(uint64_t counts[6], strbuf* errors) {
  pthread_mutex_lock(&capture_mu);
  counting = false;
  memcpy(counts, level_counts, sizeof level_counts);
  size_t n = counted_errors_len;
  sb_append(errors, counted_errors.data, counted_errors.len);
  sb_clear(&counted_errors);
  counted_errors_len = 0;
  pthread_mutex_unlock(&capture_mu);
  return n;
}

void capture_free(void) {
  sb_free(&errors_json);
  sb_free(&logs_json);
  sb_free(&counted_errors);
  free(last_error);
  last_error = NULL;
}

/* ---- buffer list ---- */

strbuf* bl_push(buffer_list* l, strbuf* data) {
  if (l->len == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 4;
    l->items = xrealloc(l->items, l->cap * sizeof *l->items);
  }
  strbuf* b = xmalloc(sizeof *b);
  sb_init(b);
  sb_move(b, data);
  l->bytes += b->len;
  l->items[l->len++] = b;
  return b;
}

void bl_move_out(buffer_list* l, strbuf* out) {
  for (size_t i = 0; i < l->len; i++) {
    sb_move(out, l->items[i]);
    sb_free(l->items[i]);
    free(l->items[i]);
  }
  l->len = 0;
  l->bytes = 0;
}

void bl_clear_latest(buffer_list* l) {
  if (l->len == 0) return;
  strbuf* b = l->items[--l->len];
  l->bytes -= b->len;
  sb_free(b);
  free(b);
}

void bl_clear_all(buffer_list* l) {
  for (size_t i = 0; i < l->len; i++) {
    sb_free(l->items[i]);
    free(l->items[i]);
  }
  l->len = 0;
  l->bytes = 0;
}

bool bl_contains(const buffer_list* l, uint64_t handle) {
  for (size_t i = 0; i < l->len; i++) {
    if ((uint64_t)(uintptr_t)l->items[i] == handle) return true;
  }
  return false;
}

bool bl_empty(const buffer_list* l) { return l->bytes == 0; }

void bl_free(buffer_list* l) {
  bl_clear_all(l);
  free(l->items);
  l->items = NULL;
  l->cap = 0;
}

/* ---- dispatcher ---- */

void dispatcher_init(dispatcher* d) {
  pthread_mutex_init(&d->mu, NULL);
  pthread_cond_init(&d->cond, NULL);
  d->head = d->tail = NULL;
  d->go_head = d->go_tail = NULL;
  d->wakeups = 0;
}

void dispatcher_destroy(dispatcher* d) {
  task* t;
  while ((t = dispatcher_pop_worker(d)) != NULL) task_free(t);
  while ((t = dispatcher_pop_go(d, 0)) != NULL) task_free(t);
  pthread_mutex_destroy(&d->mu);
  pthread_cond_destroy(&d->cond);
}

void dispatcher_post(dispatcher* d, task* t) {
  pthread_mutex_lock(&d->mu);
  t->next = NULL;
  task** head = t->from_go ? &d->go_head : &d->head;
  task** tail = t->from_go ? &d->go_tail : &d->tail;
  if (*tail) (*tail)->next = t;
  else *head = t;
  *tail = t;
  pthread_cond_broadcast(&d->cond);
  pthread_mutex_unlock(&d->mu);
}

static task* pop(task** head, task** tail) {
  task* t = *head;
  if (t) {
    *head = t->next;
    if (*head == NULL) *tail = NULL;
  }
  return t;
}

task* dispatcher_pop_worker(dispatcher* d) {
  pthread_mutex_lock(&d->mu);
  task* t = pop(&d->head, &d->tail);
  pthread_mutex_unlock(&d->mu);
  return t;
}

task* dispatcher_pop_go(dispatcher* d, int timeout_ms) {
  pthread_mutex_lock(&d->mu);
  unsigned wakeups = d->wakeups;
  if (d->go_head == NULL && timeout_ms > 0) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
      deadline.tv_sec++;
      deadline.tv_nsec -= 1000000000L;
    }
    while (d->go_head == NULL && d->wakeups == wakeups) {
      if (pthread_cond_timedwait(&d->cond, &d->mu, &deadline) == ETIMEDOUT) break;
    }
  }
  task* t = pop(&d->go_head, &d->go_tail);
  pthread_mutex_unlock(&d->mu);
  return t;
}

void dispatcher_wake(dispatcher* d) {
  pthread_mutex_lock(&d->mu);
  d->wakeups++;
  pthread_cond_broadcast(&d->cond);
  pthread_mutex_unlock(&d->mu);
}

task* task_new(task_kind kind, request_internal* req, int is_encoding) {
  task* t = xcalloc(1, sizeof *t);
  t->kind = kind;
  t->req = req;
  t->is_encoding = is_encoding;
  sb_init(&t->body);
  sb_init(&t->details);
  sb_init(&t->key);
  sb_init(&t->value);
  hm_init(&t->headers);
  registry_lock();
  req->refs++;
  registry_unlock();
  return t;
}

void task_free(task* t) {
  registry_lock();
  t->req->refs--;
  request_maybe_free(t->req);
  registry_unlock();
  sb_free(&t->body);
  sb_free(&t->details);
  sb_free(&t->key);
  sb_free(&t->value);
  hm_free(&t->headers);
  free(t);
}

/* ---- request registry: a hash set of the request objects Go may still reference ---- */

static request_internal** buckets; /* chains through next_live */
static size_t nbuckets;             /* a power of two, or 0 */
static size_t nrequests;

static size_t bucket_of(const void* p, size_t n) {
  uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ULL;
  return (size_t)(h >> 40) & (n - 1);
}

static void registry_grow(void) {
  size_t n = nbuckets ? nbuckets * 2 : 256;
  request_internal** grown = xcalloc(n, sizeof *grown);
  for (size_t i = 0; i < nbuckets; i++) {
    request_internal* it = buckets[i];
    while (it) {
      request_internal* next = it->next_live;
      size_t b = bucket_of(it, n);
      it->next_live = grown[b];
      grown[b] = it;
      it = next;
    }
  }
  free(buckets);
  buckets = grown;
  nbuckets = n;
}

void requests_register(request_internal* r) {
  registry_lock();
  if (nrequests >= nbuckets) registry_grow();
  size_t b = bucket_of(r, nbuckets);
  r->next_live = buckets[b];
  buckets[b] = r;
  nrequests++;
  registry_unlock();
}

request_internal* requests_find(const void* r) {
  if (nbuckets == 0) return NULL;
  for (request_internal* it = buckets[bucket_of(r, nbuckets)]; it; it = it->next_live) {
    if ((const void*)it == r) return it;
  }
  return NULL;
}

/* A state pointer is &r->decoding or &r->encoding of a registered r: compute both
 * candidates (as integers: the pointer may be foreign) and look them up. */
processor_state* states_find(const void* s) {
  uintptr_t p = (uintptr_t)s;
  request_internal* r = requests_find((const void*)(p - offsetof(request_internal, decoding)));
  if (r && (const void*)&r->decoding == s) return &r->decoding;
  r = requests_find((const void*)(p - offsetof(request_internal, encoding)));
  if (r && (const void*)&r->encoding == s) return &r->encoding;
  return NULL;
}

static void request_free(request_internal* r) {
  request_internal** p = &buckets[bucket_of(r, nbuckets)];
  while (*p && *p != r) p = &(*p)->next_live;
  if (*p) {
    *p = r->next_live;
    nrequests--;
  }
  bl_free(&r->decoding.do_data);
  bl_free(&r->encoding.do_data);
  sb_free(&r->decoding.data_buffer);
  sb_free(&r->encoding.data_buffer);
  sb_free(&r->str_value);
  sb_free(&r->str_value_go);
  free(r);
}

/* Envoy deletes its request object once Go finalized it and the filter is gone (or at
 * once, when Go was never entered). Queued tasks keep it until they ran. */
void request_maybe_free(request_internal* r) {
  if (r->filter != NULL || r->refs > 0) return;
  if (r->finalized || r->base.configId == 0) request_free(r);
}

size_t requests_unfinalized(void) {
  size_t n = 0;
  registry_lock();
  for (size_t i = 0; i < nbuckets; i++) {
    for (request_internal* it = buckets[i]; it; it = it->next_live) {
      if (!it->finalized) n++;
    }
  }
  registry_unlock();
  return n;
}

void requests_free_all(void) {
  registry_lock();
  for (size_t i = 0; i < nbuckets; i++) {
    while (buckets[i]) request_free(buckets[i]);
  }
  free(buckets);
  buckets = NULL;
  nbuckets = 0;
  registry_unlock();
}
