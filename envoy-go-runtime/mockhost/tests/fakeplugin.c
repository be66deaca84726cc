/* A filter library written in C with the golang filter's exports, so the host can be run
 * end to end under valgrind (a Go runtime cannot be). The request header x-fake picks the
 * behaviour; config "reject" is rejected. It finalizes requests at destroy and configs at
 * destroy, as a library may. Every entry checks Envoy's threading: a worker id always
 * enters from the same thread, and no two worker ids share one. */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../golangfilter/envoy_capi.h"

typedef unsigned long long GoUint64;
typedef long long GoInt;
typedef struct {
  const char* p;
  ptrdiff_t n;
} gostr;

#define EXPORT __attribute__((visibility("default")))

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void say(uint32_t level, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(uint32_t level, const char* fmt, ...) {
  if (level < envoyGoFilterLogLevel()) return;
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  envoyGoFilterLog(level, buf, n);
}

static void pause_ms(long ms) {
  struct timespec ts = {0, ms * 1000000L};
  nanosleep(&ts, NULL);
}

/* ---- configs ---- */

typedef struct {
  uint64_t id;
  httpConfig* c;
  uint32_t counter, gauge, histogram; /* metric ids, 0 when the config defines none */
} fake_config;

static fake_config configs[64];
static int nconfigs;
static uint64_t next_id = 1;

EXPORT GoUint64 envoyGoFilterNewHttpPluginConfig(httpConfig* c) {
  const char* name = (const char*)(uintptr_t)c->plugin_name_ptr;
  const unsigned char* any = (const unsigned char*)(uintptr_t)c->config_ptr;
  static const char typed[] = "type.googleapis.com/xds.type.v3.TypedStruct";
  if (c->plugin_name_len == 6 && memcmp(name, "reject", 6) == 0) {
    say(4, "fake: rejected");
    envoyGoConfigHttpFinalize(c);
    return 0;
  }
  const char* kind = c->config_len > 2 + sizeof typed - 1 && any[0] == 0x0a &&
                             any[1] == sizeof typed - 1 && memcmp(any + 2, typed, sizeof typed - 1) == 0
                         ? "typed struct"
                         : "other";
  pthread_mutex_lock(&mu);
  uint64_t id = next_id++;
  fake_config* fc = &configs[nconfigs++];
  memset(fc, 0, sizeof *fc);
  fc->id = id;
  fc->c = c;
  pthread_mutex_unlock(&mu);
  say(2, "fake config %llu (%s, concurrency %u)", (unsigned long long)id, kind, c->concurrency);
  if (c->plugin_name_len == 7 && memcmp(name, "metrics", 7) == 0) {
    CAPIStatus a = envoyGoFilterHttpDefineMetric(c, 0, "fake_requests", 13, &fc->counter);
    CAPIStatus b = envoyGoFilterHttpDefineMetric(c, 1, "fake_gauge", 10, &fc->gauge);
    CAPIStatus d = envoyGoFilterHttpDefineMetric(c, 2, "fake_hist", 9, &fc->histogram);
    uint32_t bad = 0;
    CAPIStatus e = envoyGoFilterHttpDefineMetric(c, 3, "nope", 4, &bad);
    say(2, "fake metrics ids %u %u %u (%d %d %d), bad type %d", fc->counter, fc->gauge, fc->histogram, a, b, d, e);
  }
  return id;
}

EXPORT GoUint64 envoyGoFilterMergeHttpPluginConfig(GoUint64 name_ptr, GoUint64 name_len,
                                                   GoUint64 parent_id, GoUint64 child_id) {
  (void)name_ptr, (void)name_len, (void)parent_id;
  return child_id;
}

EXPORT void envoyGoFilterDestroyHttpPluginConfig(GoUint64 id, GoInt need_delay) {
  (void)need_delay;
  for (int i = 0; i < nconfigs; i++) {
    if (configs[i].id == id && configs[i].c) {
      say(2, "fake destroy config %llu", id);
      envoyGoConfigHttpFinalize(configs[i].c);
      configs[i].c = NULL;
    }
  }
}

/* ---- streams ---- */

typedef struct req_state {
  httpRequest* r;
  char action[32];
  processState* s;
  pthread_t thread;
  int has_thread;
  int wakeups; /* envoyGoRequestSemaDec calls, under mu */
  struct req_state* next;
} req_state;

static pthread_cond_t woken = PTHREAD_COND_INITIALIZER;

static req_state* reqs;

/* The thread each worker id entered from first (under mu). */
static pthread_t worker_threads[1024];
static int worker_seen[1024];

static void check_worker_thread(uint32_t worker_id) {
  pthread_t self = pthread_self();
  int clash = -1;
  pthread_mutex_lock(&mu);
  if (worker_id >= 1024) {
    clash = -2;
  } else if (!worker_seen[worker_id]) {
    for (int i = 0; i < 1024; i++) {
      if (worker_seen[i] && pthread_equal(worker_threads[i], self)) clash = i;
    }
    worker_seen[worker_id] = 1;
    worker_threads[worker_id] = self;
  } else if (!pthread_equal(worker_threads[worker_id], self)) {
    clash = (int)worker_id;
  }
  pthread_mutex_unlock(&mu);
  if (clash == -2) say(4, "fake: worker id %u out of range", worker_id);
  else if (clash >= 0) say(4, "fake: worker %u entered from the thread of worker %d", worker_id, clash);
}

static req_state* find(httpRequest* r, int create) {
  pthread_mutex_lock(&mu);
  req_state* it = reqs;
  while (it && it->r != r) it = it->next;
  if (it == NULL && create) {
    it = calloc(1, sizeof *it);
    it->r = r;
    it->next = reqs;
    reqs = it;
  }
  pthread_mutex_unlock(&mu);
  return it;
}

/* Copies the map announced as num entries / bytes; returns the strings (2*num). */
static gostr* copy_map(processState* s, int trailers, GoUint64 num, GoUint64 bytes, char** buf) {
  gostr* strs = calloc(2 * num + 1, sizeof *strs);
  *buf = malloc(bytes + 1);
  CAPIStatus st = trailers ? envoyGoFilterHttpCopyTrailers(s, strs, *buf) : envoyGoFilterHttpCopyHeaders(s, strs, *buf);
  if (st != CAPIOK) say(4, "fake: copy failed %d", st);
  return strs;
}

static void header_value(const gostr* strs, GoUint64 num, const char* name, char* out, size_t cap) {
  out[0] = '\0';
  for (GoUint64 i = 0; i < num; i++) {
    if ((size_t)strs[2 * i].n == strlen(name) && memcmp(strs[2 * i].p, name, strs[2 * i].n) == 0) {
      size_t n = (size_t)strs[2 * i + 1].n < cap - 1 ? (size_t)strs[2 * i + 1].n : cap - 1;
      if (n) memcpy(out, strs[2 * i + 1].p, n);
      out[n] = '\0';
      return;
    }
  }
}

static void* async_continue(void* arg) {
  req_state* rs = arg;
  pause_ms(20);
  CAPIStatus st = envoyGoFilterHttpSetHeaderHelper(rs->s, "x-async", 7, "1", 1, HeaderSet);
  if (st != CAPIOK) say(4, "fake: async set header %d", st);
  st = envoyGoFilterHttpContinue(rs->s, 2);
  if (st != CAPIOK) say(4, "fake: async continue %d", st);
  return NULL;
}

static void* async_reply(void* arg) {
  req_state* rs = arg;
  pause_ms(20);
  CAPIStatus st = envoyGoFilterHttpSendLocalReply(rs->s, 503, "later", 5, NULL, 0, 14, "async", 5);
  if (st != CAPIOK) say(4, "fake: async reply %d", st);
  return NULL;
}

static void* late_continue(void* arg) {
  req_state* rs = arg;
  pause_ms(20);
  say(2, "fake late continue: %d", envoyGoFilterHttpContinue(rs->s, 2));
  return NULL;
}

/* A getter called off the worker: on CAPIYield, waits for the host's wake-up. */
static void wait_for_wakeup(req_state* rs, CAPIStatus st, int* seen) {
  if (st != CAPIYield) return;
  pthread_mutex_lock(&mu);
  while (rs->wakeups == *seen) pthread_cond_wait(&woken, &mu);
  *seen = rs->wakeups;
  pthread_mutex_unlock(&mu);
}

static void* async_getters(void* arg) {
  req_state* rs = arg;
  httpRequest* r = rs->s->req;
  int seen = 0;
  uint64_t md = 0, fs = 0, prop = 0, secret = 0;
  int md_len = 0, fs_len = 0, prop_len = 0, secret_len = 0, rc = -99;
  CAPIStatus st = envoyGoFilterHttpGetDynamicMetadata(r, "f", 1, &md, &md_len);
  wait_for_wakeup(rs, st, &seen);
  CAPIStatus st2 = envoyGoFilterHttpGetStringFilterState(r, "fs", 2, &fs, &fs_len);
  wait_for_wakeup(rs, st2, &seen);
  char fs_value[32];
  snprintf(fs_value, sizeof fs_value, "%.*s", fs_len, (const char*)(uintptr_t)fs);
  CAPIStatus st3 = envoyGoFilterHttpGetStringProperty(r, "p", 1, &prop, &prop_len, &rc);
  wait_for_wakeup(rs, st3, &seen);
  char prop_value[32];
  snprintf(prop_value, sizeof prop_value, "%.*s", prop_len, (const char*)(uintptr_t)prop);
  CAPIStatus st4 = envoyGoFilterHttpGetStringSecret(r, "nope", 4, &secret, &secret_len);
  wait_for_wakeup(rs, st4, &seen);
  uint64_t route = 0;
  int route_len = 0;
  CAPIStatus st5 = envoyGoFilterHttpGetStringValue(r, 1, &route, &route_len);
  say(2, "fake async getters %d/%d/%d/%d/%d metadata=%d bytes fs=%s property=%s rc=%d secret_len=%d route=%.*s", st, st2, st3,
      st4, st5, md_len, fs_value, prop_value, rc, secret_len, route_len, (const char*)(uintptr_t)route);
  CAPIStatus st6 = envoyGoFilterHttpAddData(rs->s, "more", 4, false);
  CAPIStatus st7 = envoyGoFilterHttpSetUpstreamOverrideHost(rs->s, "10.0.0.1:80", 11, true);
  CAPIStatus st8 = envoyGoFilterHttpClearRouteCache(r, false);
  say(2, "fake async writes %d/%d/%d", st6, st7, st8);
  envoyGoFilterHttpContinue(rs->s, 2);
  return NULL;
}

static void* async_inject(void* arg) {
  req_state* rs = arg;
  pause_ms(10);
  CAPIStatus st = envoyGoFilterHttpInjectData(rs->s, "[inj]", 5);
  say(2, "fake async inject %d", st);
  envoyGoFilterHttpContinue(rs->s, 2);
  return NULL;
}

/* The C API calls a filter makes on the worker thread, with fixed arguments. */
static void sync_capi(processState* s) {
  httpRequest* r = s->req;
  uint64_t data = 0, number = 0;
  int len = 0;
  CAPIStatus a = envoyGoFilterHttpGetStringValue(r, 1, &data, &len);
  char route[32];
  snprintf(route, sizeof route, "%.*s", len, (const char*)(uintptr_t)data);
  CAPIStatus b = envoyGoFilterHttpGetIntegerValue(r, 3, &number);
  CAPIStatus c = envoyGoFilterHttpGetIntegerValue(r, 6, &number); /* no attempt before the router */
  /* google.protobuf.Value{string_value: "v"} */
  static const char value[] = {0x1a, 0x01, 'v'};
  CAPIStatus d = envoyGoFilterHttpSetDynamicMetadata(r, "f", 1, "k", 1, (void*)value, sizeof value);
  data = 0, len = 0;
  CAPIStatus e = envoyGoFilterHttpGetDynamicMetadata(r, "f", 1, &data, &len);
  int md_len = len;
  CAPIStatus f = envoyGoFilterHttpSetStringFilterState(r, "fs", 2, "x", 1, 1, 1, 0);
  data = 0, len = 0;
  CAPIStatus g = envoyGoFilterHttpGetStringFilterState(r, "fs", 2, &data, &len);
  int rc = -99;
  CAPIStatus h = envoyGoFilterHttpGetStringProperty(r, "p", 1, &data, &len, &rc);
  CAPIStatus i = envoyGoFilterHttpGetStringSecret(r, "s", 1, &data, &len);
  CAPIStatus j = envoyGoFilterHttpClearRouteCache(r, true);
  CAPIStatus k = envoyGoFilterHttpSetDrainConnectionUponCompletion(r);
  CAPIStatus l = envoyGoFilterHttpSetUpstreamOverrideHost(s, "1.2.3.4", 7, true);
  CAPIStatus m = envoyGoFilterHttpSetUpstreamOverrideHost(s, "host", 4, true);
  CAPIStatus n = envoyGoFilterHttpAddData(s, "added", 5, false);
  CAPIStatus o = envoyGoFilterHttpInjectData(s, "x", 1);
  say(2, "fake capi route=%s protocol=%llu statuses %d %d %d %d %d(%d bytes) %d %d %d %d %d %d %d %d %d %d", route,
      (unsigned long long)number, a, b, c, d, e, md_len, f, g, h, i, j, k, l, m, n, o);
}

static void count_request(httpRequest* r) {
  pthread_mutex_lock(&mu);
  fake_config* fc = NULL;
  for (int i = 0; i < nconfigs; i++) {
    if (configs[i].id == r->configId && configs[i].counter) fc = &configs[i];
  }
  pthread_mutex_unlock(&mu);
  if (fc == NULL) return;
  uint64_t n = 0, g = 0, h = 77;
  envoyGoFilterHttpIncrementMetric(fc->c, fc->counter, 1);
  envoyGoFilterHttpIncrementMetric(fc->c, fc->counter, -5); /* a counter ignores it */
  envoyGoFilterHttpIncrementMetric(fc->c, fc->gauge, 3);
  envoyGoFilterHttpIncrementMetric(fc->c, fc->gauge, -1);
  envoyGoFilterHttpRecordMetric(fc->c, fc->histogram, 7);
  envoyGoFilterHttpGetMetric(fc->c, fc->counter, &n);
  envoyGoFilterHttpGetMetric(fc->c, fc->gauge, &g);
  envoyGoFilterHttpGetMetric(fc->c, fc->histogram, &h); /* no value: untouched */
  say(2, "fake metrics counter=%llu gauge=%llu histogram=%llu", (unsigned long long)n, (unsigned long long)g,
      (unsigned long long)h);
}

static void start(req_state* rs, processState* s, void* (*fn)(void*)) {
  rs->s = s;
  rs->has_thread = 1;
  pthread_create(&rs->thread, NULL, fn, rs);
}

/* Actions whose data hooks (both directions) return one Stop status until the end of the
 * stream, then Continue; 0 for any other action. */
static GoUint64 data_stop_status(const char* action) {
  if (strcmp(action, "data-buffer") == 0) return 3;
  if (strcmp(action, "data-watermark") == 0) return 4;
  if (strcmp(action, "data-nobuffer") == 0) return 5;
  return 0;
}

EXPORT GoUint64 envoyGoFilterOnHttpHeader(processState* s, GoUint64 end_stream, GoUint64 num, GoUint64 bytes) {
  check_worker_thread(s->req->worker_id);
  req_state* rs = find(s->req, 1);
  char* buf;
  gostr* strs;
  if (s->state == ENVOY_FILTER_STATE_PROCESSING_TRAILER) {
    strs = copy_map(s, 1, num, bytes, &buf);
    say(2, "fake %s trailers=%llu", s->is_encoding ? "encodeTrailers" : "decodeTrailers", num);
    free(strs);
    free(buf);
    envoyGoFilterHttpSetTrailer(s, "x-fake-trailer", 14, "1", 1, HeaderAdd);
    return 2;
  }
  if (s->is_encoding) {
    uint64_t data = 0;
    int len = 0;
    envoyGoFilterHttpGetHeader(s, ":status", 7, &data, &len);
    say(2, "fake encodeHeaders status=%.*s end=%llu", len, (const char*)(uintptr_t)data, end_stream);
    envoyGoFilterHttpSetHeaderHelper(s, "x-fake-encode", 13, "1", 1, HeaderSet);
    return 2;
  }
  strs = copy_map(s, 0, num, bytes, &buf);
  header_value(strs, num, "x-fake", rs->action, sizeof rs->action);
  free(strs);
  free(buf);
  say(2, "fake decodeHeaders action=%s headers=%llu end=%llu", rs->action, num, end_stream);
  const char* a = rs->action;
  if (strcmp(a, "reply") == 0) {
    gostr h[4] = {{"X-Fake", 6}, {"1", 1}, {"x-empty", 7}, {"", 0}};
    envoyGoFilterHttpSendLocalReply(s, 418, "tea pot%\n", 9, h, 4, 7, "fake_reply", 10);
    return 1;
  }
  if (strcmp(a, "panic") == 0) {
    envoyGoFilterHttpSendPanicReply(s, "fake panic", 10);
    return 1;
  }
  if (strcmp(a, "buffer") == 0) return end_stream ? 2 : 3;
  if (strcmp(a, "async") == 0) {
    start(rs, s, async_continue);
    return 0;
  }
  if (strcmp(a, "async-reply") == 0) {
    start(rs, s, async_reply);
    return 0;
  }
  if (strcmp(a, "late-continue") == 0) {
    start(rs, s, late_continue);
    return 2;
  }
  if (strcmp(a, "stall") == 0) return 0;
  if (strcmp(a, "capi") == 0) {
    sync_capi(s);
    return 2;
  }
  if (strcmp(a, "async-getters") == 0) {
    start(rs, s, async_getters);
    return 0;
  }
  if (strcmp(a, "inject") == 0) return 2;
  if (data_stop_status(a) != 0) return 2;
  count_request(s->req);
  envoyGoFilterHttpSetHeaderHelper(s, "x-fake-seen", 11, "yes", 3, HeaderSet);
  envoyGoFilterHttpRemoveHeader(s, "x-remove", 8);
  return 2;
}

EXPORT GoUint64 envoyGoFilterOnHttpData(processState* s, GoUint64 end_stream, GoUint64 buffer, GoUint64 length) {
  check_worker_thread(s->req->worker_id);
  req_state* rs = find(s->req, 0);
  if (rs == NULL) return 2;
  if (!s->is_encoding && strcmp(rs->action, "inject") == 0 && !rs->has_thread) {
    start(rs, s, async_inject);
    return 0;
  }
  GoUint64 stop = data_stop_status(rs->action);
  if (stop != 0) {
    /* Log exactly the bytes of the buffer this call was given, in both directions. */
    char* data = malloc(length + 1);
    envoyGoFilterHttpGetBuffer(s, buffer, data);
    say(2, "fake %sData %.*s end=%llu", s->is_encoding ? "encode" : "decode", (int)length, data, end_stream);
    free(data);
    return end_stream ? 2 : stop;
  }
  if (!s->is_encoding && strcmp(rs->action, "buffer") == 0) {
    char* data = malloc(length + 1);
    envoyGoFilterHttpGetBuffer(s, buffer, data);
    for (GoUint64 i = 0; i < length; i++) {
      if (data[i] >= 'a' && data[i] <= 'z') data[i] = (char)(data[i] - 'a' + 'A');
    }
    envoyGoFilterHttpSetBufferHelper(s, buffer, data, (int)length, Set);
    say(2, "fake decodeData %.*s end=%llu", (int)length, data, end_stream);
    free(data);
  } else if (s->is_encoding) {
    envoyGoFilterHttpDrainBuffer(s, buffer, 1);
    envoyGoFilterHttpSetBufferHelper(s, buffer, "<", 1, Prepend);
    envoyGoFilterHttpSetBufferHelper(s, buffer, ">", 1, Append);
  }
  return 2;
}

EXPORT void envoyGoFilterOnHttpLog(httpRequest* r, GoUint64 type, processState* decoding, processState* encoding,
                                   GoUint64 req_header_num, GoUint64 req_header_bytes, GoUint64 req_trailer_num,
                                   GoUint64 req_trailer_bytes, GoUint64 resp_header_num, GoUint64 resp_header_bytes,
                                   GoUint64 resp_trailer_num, GoUint64 resp_trailer_bytes) {
  (void)req_trailer_bytes, (void)resp_header_bytes, (void)resp_trailer_bytes, (void)encoding;
  check_worker_thread(r->worker_id);
  find(r, 1);
  char method[16] = "";
  if (req_header_num) {
    char* buf;
    gostr* strs = copy_map(decoding, 0, req_header_num, req_header_bytes, &buf);
    header_value(strs, req_header_num, ":method", method, sizeof method);
    free(strs);
    free(buf);
  }
  say(2, "fake log type=%llu method=%s trailers=%llu/%llu responseHeaders=%llu", type, method,
      req_trailer_num, resp_trailer_num, resp_header_num);
}

EXPORT void envoyGoFilterOnHttpStreamComplete(httpRequest* r) {
  (void)r;
  say(1, "fake stream complete");
}

EXPORT void envoyGoFilterOnHttpDestroy(httpRequest* r, GoUint64 reason) {
  check_worker_thread(r->worker_id);
  req_state* rs = find(r, 0);
  if (rs && rs->has_thread) pthread_join(rs->thread, NULL);
  say(1, "fake destroy reason=%llu", reason);
  pthread_mutex_lock(&mu);
  req_state** p = &reqs;
  while (*p && *p != rs) p = &(*p)->next;
  if (*p) *p = rs->next;
  pthread_mutex_unlock(&mu);
  free(rs);
  envoyGoFilterHttpFinalize(r, 0);
}

EXPORT void envoyGoRequestSemaDec(httpRequest* r) {
  req_state* rs = find(r, 0);
  pthread_mutex_lock(&mu);
  if (rs) rs->wakeups++;
  pthread_cond_broadcast(&woken);
  pthread_mutex_unlock(&mu);
}

EXPORT void envoyGoFilterCleanUp(void) {}
