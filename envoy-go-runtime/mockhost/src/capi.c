/* Envoy's side of the C API (cgo.cc of the golang filter, log/cgo.cc), resolved by the
 * library at dlopen time: the host is linked with -rdynamic so these are exported.
 *
 * Every pointer the library passes is checked against the host's registries first: a
 * real Envoy would crash on a stale or foreign pointer; the mock reports it as a host
 * error and answers CAPIFilterIsGone. Functions the mock does not implement yet report a
 * host error and answer CAPIInternalFailure (see README.md). */
#include <string.h>

#include "host.h"

/* The registries are only read here; the states and requests they return stay valid
 * until finalized, which Go does only after it stopped calling. */
static processor_state* checked_state(void* s, const char* fn) {
  registry_lock();
  processor_state* st = states_find(s);
  registry_unlock();
  if (st == NULL) host_error("%s: unknown processState pointer %p", fn, s);
  return st;
}

static request_internal* checked_request(void* r, const char* fn) {
  registry_lock();
  request_internal* req = requests_find(r);
  registry_unlock();
  if (req == NULL) host_error("%s: unknown httpRequest pointer %p", fn, r);
  return req;
}

/* envoyGoFilterProcessStateHandlerWrapper: the state must be processing in Go, and its
 * filter must still exist. */
static CAPIStatus state_gate(void* s, const char* fn, processor_state** out) {
  processor_state* st = checked_state(s, fn);
  if (st == NULL) return CAPIFilterIsGone;
  if (!gf_is_processing_in_go(st)) return CAPINotInGo;
  registry_lock();
  golang_filter* f = st->owner->filter;
  registry_unlock();
  if (f == NULL) return CAPIFilterIsGone;
  *out = st;
  return CAPIOK;
}

static CAPIStatus not_implemented(const char* fn) {
  host_error("%s is not implemented by the mock host", fn);
  return CAPIInternalFailure;
}

/* envoyGoFilterHandlerWrapper, for request-level functions. */
static CAPIStatus request_gate(void* r, const char* fn) {
  request_internal* req = checked_request(r, fn);
  if (req == NULL) return CAPIFilterIsGone;
  registry_lock();
  golang_filter* f = req->filter;
  registry_unlock();
  if (f == NULL) return CAPIFilterIsGone;
  if (!gf_filter_processing_in_go(f)) return CAPINotInGo;
  return CAPIOK;
}

#define STATE_GATE(s, fn)                           \
  processor_state* st = NULL;                       \
  do {                                              \
    CAPIStatus gate_status = state_gate(s, fn, &st); \
    if (gate_status != CAPIOK) return gate_status;  \
  } while (0)

static size_t length_of(int len, const char* fn) {
  if (len < 0) {
    host_error("%s: negative length %d", fn, len);
    return 0;
  }
  return (size_t)len;
}

CAPIStatus envoyGoFilterHttpContinue(void* s, int status) {
  STATE_GATE(s, __func__);
  return gf_continue_status(st, status);
}

/* The string header cgo's _GoString_ is. */
typedef struct {
  const char* p;
  ptrdiff_t n;
} go_string_view;

CAPIStatus envoyGoFilterHttpSendLocalReply(void* s, int response_code, void* body_text_data,
                                           int body_text_len, void* headers, int headers_num,
                                           long long int grpc_status, void* details_data,
                                           int details_len) {
  STATE_GATE(s, __func__);
  /* headers is an array of headers_num Go strings: name, value, name, value... Envoy
   * copies every pair and later adds those whose value is not empty. */
  header_map h;
  hm_init(&h);
  const go_string_view* strs = headers;
  size_t n = length_of(headers_num, __func__);
  if (n % 2 != 0) host_error("%s: headers_num %zu is odd", __func__, n);
  for (size_t i = 0; i + 1 < n; i += 2) {
    if (strs[i + 1].n > 0) hm_add(&h, strs[i].p, (size_t)strs[i].n, strs[i + 1].p, (size_t)strs[i + 1].n);
  }
  CAPIStatus rc = gf_send_local_reply(st, response_code, body_text_data, length_of(body_text_len, __func__),
                                      &h, grpc_status, details_data, length_of(details_len, __func__));
  hm_free(&h);
  return rc;
}

CAPIStatus envoyGoFilterHttpSendPanicReply(void* s, void* details_data, int details_len) {
  STATE_GATE(s, __func__);
  (void)details_data;
  (void)details_len; /* Envoy only logs the details */
  static const char body[] = "error happened in filter\r\n";
  header_map h;
  hm_init(&h);
  /* Envoy's sendPanicReply: a 500 with gRPC status Ok and no details. */
  CAPIStatus rc = gf_send_local_reply(st, 500, body, sizeof body - 1, &h, 0, "", 0);
  hm_free(&h);
  return rc;
}

CAPIStatus envoyGoFilterHttpAddData(void* s, void* data, int data_len, bool is_streaming) {
  (void)s, (void)data, (void)data_len, (void)is_streaming;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpInjectData(void* s, void* data, int data_len) {
  (void)s, (void)data, (void)data_len;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetHeader(void* s, void* key_data, int key_len, uint64_t* value_data,
                                      int* value_len) {
  STATE_GATE(s, __func__);
  return gf_get_header(st, key_data, length_of(key_len, __func__), value_data, value_len);
}

CAPIStatus envoyGoFilterHttpCopyHeaders(void* s, void* strs, void* buf) {
  STATE_GATE(s, __func__);
  return gf_copy_map(st, false, strs, buf);
}

static int header_op(headerAction action) { return action == HeaderAdd ? 1 : 0; }

CAPIStatus envoyGoFilterHttpSetHeaderHelper(void* s, void* key_data, int key_len, void* value_data,
                                            int value_len, headerAction action) {
  STATE_GATE(s, __func__);
  return gf_write_map(st, false, header_op(action), key_data, length_of(key_len, __func__),
                      value_data, length_of(value_len, __func__));
}

CAPIStatus envoyGoFilterHttpRemoveHeader(void* s, void* key_data, int key_len) {
  STATE_GATE(s, __func__);
  return gf_write_map(st, false, 2, key_data, length_of(key_len, __func__), NULL, 0);
}

CAPIStatus envoyGoFilterHttpGetBuffer(void* s, uint64_t buffer, void* value) {
  STATE_GATE(s, __func__);
  return gf_copy_buffer(st, buffer, value);
}

CAPIStatus envoyGoFilterHttpDrainBuffer(void* s, uint64_t buffer, uint64_t length) {
  STATE_GATE(s, __func__);
  return gf_drain_buffer(st, buffer, length);
}

CAPIStatus envoyGoFilterHttpSetBufferHelper(void* s, uint64_t buffer, void* data, int length,
                                            bufferAction action) {
  STATE_GATE(s, __func__);
  return gf_set_buffer(st, buffer, data, length_of(length, __func__), (int)action);
}

CAPIStatus envoyGoFilterHttpCopyTrailers(void* s, void* strs, void* buf) {
  STATE_GATE(s, __func__);
  return gf_copy_map(st, true, strs, buf);
}

CAPIStatus envoyGoFilterHttpSetTrailer(void* s, void* key_data, int key_len, void* value,
                                       int value_len, headerAction action) {
  STATE_GATE(s, __func__);
  return gf_write_map(st, true, header_op(action), key_data, length_of(key_len, __func__), value,
                      length_of(value_len, __func__));
}

CAPIStatus envoyGoFilterHttpRemoveTrailer(void* s, void* key_data, int key_len) {
  STATE_GATE(s, __func__);
  return gf_write_map(st, true, 2, key_data, length_of(key_len, __func__), NULL, 0);
}

CAPIStatus envoyGoFilterHttpSetUpstreamOverrideHost(void* s, void* host_data, int host_len, bool strict) {
  (void)s, (void)host_data, (void)host_len, (void)strict;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpClearRouteCache(void* r, bool refresh) {
  (void)refresh;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetStringValue(void* r, int id, uint64_t* value_data, int* value_len) {
  (void)id, (void)value_data, (void)value_len;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetIntegerValue(void* r, int id, uint64_t* value) {
  (void)id, (void)value;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetDynamicMetadata(void* r, void* name_data, int name_len,
                                               uint64_t* value_data, int* value_len) {
  (void)name_data, (void)name_len, (void)value_data, (void)value_len;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpSetDynamicMetadata(void* r, void* name_data, int name_len,
                                               void* key_data, int key_len, void* buf_data,
                                               int buf_len) {
  (void)name_data, (void)name_len, (void)key_data, (void)key_len, (void)buf_data, (void)buf_len;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

void envoyGoFilterHttpFinalize(void* r, int reason) {
  (void)reason; /* Envoy ignores it */
  registry_lock();
  request_internal* req = requests_find(r);
  if (req == NULL) {
    registry_unlock();
    host_error("envoyGoFilterHttpFinalize: unknown httpRequest pointer %p (finalized twice?)", r);
    return;
  }
  if (req->finalized) {
    registry_unlock();
    host_error("envoyGoFilterHttpFinalize: request %p finalized twice", r);
    return;
  }
  req->finalized = true;
  /* Envoy deletes it now when the filter is gone, else after the worker's current event
   * (gf_release frees it then). */
  request_maybe_free(req);
  registry_unlock();
}

CAPIStatus envoyGoFilterHttpSetStringFilterState(void* r, void* key_data, int key_len,
                                                 void* value_data, int value_len, int state_type,
                                                 int life_span, int stream_sharing) {
  (void)key_data, (void)key_len, (void)value_data, (void)value_len, (void)state_type,
      (void)life_span, (void)stream_sharing;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetStringFilterState(void* r, void* key_data, int key_len,
                                                 uint64_t* value_data, int* value_len) {
  (void)key_data, (void)key_len, (void)value_data, (void)value_len;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetStringProperty(void* r, void* key_data, int key_len,
                                              uint64_t* value_data, int* value_len, int* rc) {
  (void)key_data, (void)key_len, (void)value_data, (void)value_len, (void)rc;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetStringSecret(void* r, void* key_data, int key_len,
                                            uint64_t* value_data, int* value_len) {
  (void)key_data, (void)key_len, (void)value_data, (void)value_len;
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpSetDrainConnectionUponCompletion(void* r) {
  CAPIStatus gate = request_gate(r, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

void envoyGoFilterLog(uint32_t level, void* message_data, int message_len) {
  /* Envoy's logger drops lines below its level. */
  if (level < atomic_load(&g_host.log_level) || level > LOG_CRITICAL) return;
  log_capture(level, message_data, length_of(message_len, __func__));
}

uint32_t envoyGoFilterLogLevel(void) { return atomic_load(&g_host.log_level); }

void envoyGoConfigHttpFinalize(void* c) {
  registry_lock();
  config_internal* ci = configs_find_internal(c);
  if (ci == NULL) {
    registry_unlock();
    host_error("envoyGoConfigHttpFinalize: unknown httpConfig pointer %p (finalized twice?)", c);
    return;
  }
  configs_forget_internal(ci);
  registry_unlock();
}

static CAPIStatus config_gate(void* c, const char* fn) {
  registry_lock();
  config_internal* ci = configs_find_internal(c);
  bool alive = ci != NULL && ci->owner != NULL;
  registry_unlock();
  if (ci == NULL) host_error("%s: unknown httpConfig pointer %p", fn, c);
  return alive ? CAPIOK : CAPIFilterIsGone;
}

CAPIStatus envoyGoFilterHttpDefineMetric(void* c, uint32_t metric_type, void* name_data,
                                         int name_len, uint32_t* metric_id) {
  (void)metric_type, (void)name_data, (void)name_len, (void)metric_id;
  CAPIStatus gate = config_gate(c, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpIncrementMetric(void* c, uint32_t metric_id, int64_t offset) {
  (void)metric_id, (void)offset;
  CAPIStatus gate = config_gate(c, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpGetMetric(void* c, uint32_t metric_id, uint64_t* value) {
  (void)metric_id, (void)value;
  CAPIStatus gate = config_gate(c, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}

CAPIStatus envoyGoFilterHttpRecordMetric(void* c, uint32_t metric_id, uint64_t value) {
  (void)metric_id, (void)value;
  CAPIStatus gate = config_gate(c, __func__);
  if (gate != CAPIOK) return gate;
  return not_implemented(__func__);
}
