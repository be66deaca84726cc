/* Envoy's side of the C API (cgo.cc of the golang filter, log/cgo.cc), resolved by the
 * library at dlopen time: the host is linked with -rdynamic so these are exported.
 *
 * Every pointer the library passes is checked against the host's registries first: a
 * real Envoy would crash on a stale or foreign pointer; the mock reports it as a host
 * error and answers CAPIFilterIsGone. Each call holds the filter while it runs, as
 * Envoy's wrappers hold a shared_ptr. With recording on (calls.h), each call is
 * recorded with its arguments (Go memory copied) and status. */
#include <stdio.h>
#include <string.h>

#include "calls.h"
#include "configs.h"
#include "host.h"
#include "pb.h"

/* Call records say "worker" for Envoy's own threads (a worker in a synchronous hook, the
 * main thread creating a config), "go" for Go's. */
static bool on_worker(void) { return on_envoy_thread(); }

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
 * filter must still exist. On success *f is held (filter_put). */
static CAPIStatus state_gate(void* s, const char* fn, processor_state** st, golang_filter** f) {
  *f = NULL;
  *st = checked_state(s, fn);
  if (*st == NULL) return CAPIFilterIsGone;
  if (!gf_is_processing_in_go(*st)) return CAPINotInGo;
  *f = filter_get((*st)->owner);
  return *f ? CAPIOK : CAPIFilterIsGone;
}

/* envoyGoFilterHandlerWrapper, for request-level functions. */
static CAPIStatus request_gate(void* r, const char* fn, golang_filter** f) {
  *f = NULL;
  request_internal* req = checked_request(r, fn);
  if (req == NULL) return CAPIFilterIsGone;
  *f = filter_get(req);
  if (*f == NULL) return CAPIFilterIsGone;
  /* Envoy: "it's not a good idea to run Go code after continue back to Envoy C++". */
  if (!gf_filter_processing_in_go(*f)) return CAPINotInGo;
  return CAPIOK;
}

static void release(golang_filter* f) {
  if (f) filter_put(f);
}

static size_t length_of(int len, const char* fn) {
  if (len < 0) {
    host_error("%s: negative length %d", fn, len);
    return 0;
  }
  return (size_t)len;
}

/* ---- recording helpers ---- */

static void arg_state(call_record* c, const processor_state* st) {
  if (st == NULL) call_arg_json(c, "state", "null");
  else call_arg_json(c, "state", st->base.is_encoding ? "\"encoding\"" : "\"decoding\"");
}

static void arg_protobuf_value(call_record* c, const char* name, const void* data, size_t len) {
  json_value* v = pb_value_to_json(data, len);
  if (v == NULL) {
    call_arg_str(c, name, data, len);
    return;
  }
  strbuf json;
  sb_init(&json);
  json_write_value(&json, v);
  call_arg_json(c, name, json.data);
  sb_free(&json);
  json_free(v);
}

static void record_simple_state(const char* fn, const processor_state* st, CAPIStatus rc) {
  if (!calls_recording()) return;
  call_record c;
  call_begin(&c, fn);
  arg_state(&c, st);
  call_end(&c, true, rc, on_worker());
}

/* ---- stream-phase functions ---- */

CAPIStatus envoyGoFilterHttpContinue(void* s, int status) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  /* Which entry this final call settles, taken before it can post work (see go_pending). */
  uint64_t entry = st ? gf_pending_entry(st) : 0;
  if (rc == CAPIOK) rc = gf_continue_status(f, st, status);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    const char* name = golang_status_name((uint64_t)status);
    call_arg_str(&c, "status", name, strlen(name));
    call_end(&c, true, rc, on_worker());
  }
  if (st) gf_note_final_call(st, entry);
  release(f);
  return rc;
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
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  /* Which entry this final call settles, taken before it can post work (see go_pending). */
  uint64_t entry = st ? gf_pending_entry(st) : 0;
  /* headers is an array of headers_num Go strings: name, value, name, value... Envoy
   * copies every pair and later adds those whose value is not empty. */
  const go_string_view* strs = headers;
  size_t n = length_of(headers_num, __func__);
  if (n % 2 != 0) host_error("%s: headers_num %zu is odd", __func__, n);
  size_t body_len = length_of(body_text_len, __func__), details_n = length_of(details_len, __func__);
  if (rc == CAPIOK) {
    header_map h;
    hm_init(&h);
    for (size_t i = 0; i + 1 < n; i += 2) {
      if (strs[i + 1].n > 0) hm_add(&h, strs[i].p, (size_t)strs[i].n, strs[i + 1].p, (size_t)strs[i + 1].n);
    }
    rc = gf_send_local_reply(f, st, response_code, body_text_data, body_len, &h, grpc_status, details_data, details_n);
    hm_free(&h);
  }
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_int(&c, "response_code", response_code);
    call_arg_str(&c, "body_text", body_text_data, body_len);
    strbuf list;
    sb_init(&list);
    sb_append_char(&list, '[');
    for (size_t i = 0; i + 1 < n; i += 2) {
      if (i) sb_append_char(&list, ',');
      sb_append_char(&list, '[');
      json_write_text_lossy(&list, strs[i].n ? strs[i].p : "", (size_t)strs[i].n);
      sb_append_char(&list, ',');
      json_write_text_lossy(&list, strs[i + 1].n ? strs[i + 1].p : "", (size_t)strs[i + 1].n);
      sb_append_char(&list, ']');
    }
    sb_append_char(&list, ']');
    call_arg_json(&c, "headers", list.data);
    sb_free(&list);
    call_arg_int(&c, "grpc_status", grpc_status);
    call_arg_str(&c, "details", details_data, details_n);
    call_end(&c, true, rc, on_worker());
  }
  if (st) gf_note_final_call(st, entry);
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpSendPanicReply(void* s, void* details_data, int details_len) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  /* Which entry this final call settles, taken before it can post work (see go_pending). */
  uint64_t entry = st ? gf_pending_entry(st) : 0;
  size_t details_n = length_of(details_len, __func__);
  if (rc == CAPIOK) {
    static const char body[] = "error happened in filter\r\n";
    header_map h;
    hm_init(&h);
    /* Envoy's sendPanicReply: a 500 with gRPC status Ok and no details (it only logs the
     * details it gets). */
    rc = gf_send_local_reply(f, st, 500, body, sizeof body - 1, &h, 0, "", 0);
    hm_free(&h);
  }
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_str(&c, "details", details_data, details_n);
    call_end(&c, true, rc, on_worker());
  }
  if (st) gf_note_final_call(st, entry);
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpAddData(void* s, void* data, int data_len, bool is_streaming) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  size_t n = length_of(data_len, __func__);
  if (rc == CAPIOK) rc = gf_add_data(f, st, data, n, is_streaming);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_str(&c, "data", data, n);
    call_arg_bool(&c, "is_streaming", is_streaming);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpInjectData(void* s, void* data, int data_len) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  size_t n = length_of(data_len, __func__);
  if (rc == CAPIOK) rc = gf_inject_data(f, st, data, n);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_str(&c, "data", data, n);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpGetHeader(void* s, void* key_data, int key_len, uint64_t* value_data,
                                      int* value_len) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  size_t n = length_of(key_len, __func__);
  uint64_t before = *value_data;
  if (rc == CAPIOK) rc = gf_get_header(f, st, key_data, n, value_data, value_len);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_str(&c, "key", key_data, n);
    if (rc == CAPIOK && *value_data != before) {
      call_result_str(&c, "value", (const char*)(uintptr_t)*value_data, (size_t)*value_len);
    }
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

static CAPIStatus copy_map(void* s, bool trailers, void* strs, void* buf, const char* fn) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, fn, &st, &f);
  if (rc == CAPIOK) rc = gf_copy_map(f, st, trailers, strs, buf);
  record_simple_state(fn, st, rc);
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpCopyHeaders(void* s, void* strs, void* buf) {
  return copy_map(s, false, strs, buf, __func__);
}

CAPIStatus envoyGoFilterHttpCopyTrailers(void* s, void* strs, void* buf) {
  return copy_map(s, true, strs, buf, __func__);
}

static CAPIStatus write_map(void* s, bool trailers, int op, void* key, int key_len, void* value, int value_len,
                            const char* fn) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, fn, &st, &f);
  size_t kn = length_of(key_len, fn), vn = length_of(value_len, fn);
  if (rc == CAPIOK) rc = gf_write_map(f, st, trailers, op, key, kn, value, vn);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, fn);
    arg_state(&c, st);
    call_arg_str(&c, "key", key, kn);
    if (op != 2) {
      call_arg_str(&c, "value", value, vn);
      call_arg_json(&c, "action", op == 1 ? "\"HeaderAdd\"" : "\"HeaderSet\"");
    }
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

static int header_op(headerAction action) { return action == HeaderAdd ? 1 : 0; }

CAPIStatus envoyGoFilterHttpSetHeaderHelper(void* s, void* key_data, int key_len, void* value_data,
                                            int value_len, headerAction action) {
  return write_map(s, false, header_op(action), key_data, key_len, value_data, value_len, __func__);
}

CAPIStatus envoyGoFilterHttpRemoveHeader(void* s, void* key_data, int key_len) {
  return write_map(s, false, 2, key_data, key_len, NULL, 0, __func__);
}

CAPIStatus envoyGoFilterHttpSetTrailer(void* s, void* key_data, int key_len, void* value, int value_len,
                                       headerAction action) {
  return write_map(s, true, header_op(action), key_data, key_len, value, value_len, __func__);
}

CAPIStatus envoyGoFilterHttpRemoveTrailer(void* s, void* key_data, int key_len) {
  return write_map(s, true, 2, key_data, key_len, NULL, 0, __func__);
}

CAPIStatus envoyGoFilterHttpGetBuffer(void* s, uint64_t buffer, void* value) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  int index = st ? gf_buffer_index(st, buffer) : -1;
  if (rc == CAPIOK) rc = gf_copy_buffer(f, st, buffer, value);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_int(&c, "buffer", index);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpDrainBuffer(void* s, uint64_t buffer, uint64_t length) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  int index = st ? gf_buffer_index(st, buffer) : -1;
  if (rc == CAPIOK) rc = gf_drain_buffer(f, st, buffer, length);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_int(&c, "buffer", index);
    call_arg_uint(&c, "length", length);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpSetBufferHelper(void* s, uint64_t buffer, void* data, int length,
                                            bufferAction action) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  size_t n = length_of(length, __func__);
  int index = st ? gf_buffer_index(st, buffer) : -1;
  if (rc == CAPIOK) rc = gf_set_buffer(f, st, buffer, data, n, (int)action);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_int(&c, "buffer", index);
    call_arg_str(&c, "data", data, n);
    call_arg_json(&c, "action", action == Set ? "\"Set\"" : action == Prepend ? "\"Prepend\"" : "\"Append\"");
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpSetUpstreamOverrideHost(void* s, void* host_data, int host_len, bool strict) {
  processor_state* st;
  golang_filter* f;
  CAPIStatus rc = state_gate(s, __func__, &st, &f);
  size_t n = length_of(host_len, __func__);
  if (rc == CAPIOK) rc = gf_set_override_host(f, st, host_data, n, strict);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    arg_state(&c, st);
    call_arg_str(&c, "host", host_data, n);
    call_arg_bool(&c, "strict", strict);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

/* ---- request-level functions ---- */

CAPIStatus envoyGoFilterHttpClearRouteCache(void* r, bool refresh) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  if (rc == CAPIOK) rc = gf_clear_route_cache(f, refresh);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_bool(&c, "refresh", refresh);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

/* Envoy crashes (RELEASE_ASSERT) on an id it does not know; the mock reports it. */
static void unknown_value_id(const char* fn, int id, CAPIStatus rc) {
  if (rc == CAPIInternalFailure) host_error("%s: unknown value id %d (Envoy aborts)", fn, id);
}

CAPIStatus envoyGoFilterHttpGetStringValue(void* r, int id, uint64_t* value_data, int* value_len) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  if (rc == CAPIOK) rc = gf_get_string_value(f, id, value_data, value_len);
  unknown_value_id(__func__, id, rc);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_int(&c, "id", id);
    if (rc == CAPIOK) call_result_str(&c, "value", (const char*)(uintptr_t)*value_data, (size_t)*value_len);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpGetIntegerValue(void* r, int id, uint64_t* value) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  if (rc == CAPIOK) rc = gf_get_integer_value(f, id, value);
  unknown_value_id(__func__, id, rc);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_int(&c, "id", id);
    if (rc == CAPIOK) call_result_uint(&c, "value", *value);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpGetDynamicMetadata(void* r, void* name_data, int name_len,
                                               uint64_t* value_data, int* value_len) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  size_t n = length_of(name_len, __func__);
  uint64_t before = *value_data;
  if (rc == CAPIOK) rc = gf_get_metadata(f, name_data, n, value_data, value_len);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_str(&c, "name", name_data, n);
    if (rc == CAPIOK && *value_data != before) {
      json_value* fields = pb_struct_to_json((const char*)(uintptr_t)*value_data, (size_t)*value_len);
      strbuf json;
      sb_init(&json);
      if (fields) json_write_value(&json, fields);
      else sb_append_str(&json, "null");
      call_result_json(&c, "value", json.data);
      sb_free(&json);
      json_free(fields);
    }
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpSetDynamicMetadata(void* r, void* name_data, int name_len,
                                               void* key_data, int key_len, void* buf_data,
                                               int buf_len) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  size_t nn = length_of(name_len, __func__), kn = length_of(key_len, __func__), bn = length_of(buf_len, __func__);
  if (rc == CAPIOK) rc = gf_set_metadata(f, name_data, nn, key_data, kn, buf_data, bn);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_str(&c, "name", name_data, nn);
    call_arg_str(&c, "key", key_data, kn);
    arg_protobuf_value(&c, "value", buf_data, bn);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

void envoyGoFilterHttpFinalize(void* r, int reason) {
  (void)reason; /* Envoy ignores it */
  /* Not recorded: finalizers run whenever Go's collector gets to them. */
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
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  size_t kn = length_of(key_len, __func__), vn = length_of(value_len, __func__);
  if (rc == CAPIOK && (life_span < 0 || life_span > 2 || stream_sharing < 0 || stream_sharing > 2)) {
    host_error("%s: life span %d / stream sharing %d is not one of Envoy's", __func__, life_span, stream_sharing);
    rc = CAPIInternalFailure;
  }
  /* Envoy ignores the state type: filter state objects are always replaceable. */
  if (rc == CAPIOK) rc = gf_set_filter_state(f, key_data, kn, value_data, vn, life_span, stream_sharing);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_str(&c, "key", key_data, kn);
    call_arg_str(&c, "value", value_data, vn);
    call_arg_int(&c, "state_type", state_type);
    call_arg_int(&c, "life_span", life_span);
    call_arg_int(&c, "stream_sharing", stream_sharing);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

/* Getters that answer through value_data/value_len; the value is recorded when it was
 * written during the call (not for CAPIYield, whose answer comes later). */
static void record_getter(const char* fn, const char* arg, const void* key, size_t n, CAPIStatus rc, uint64_t before,
                          const uint64_t* value_data, const int* value_len) {
  if (!calls_recording()) return;
  call_record c;
  call_begin(&c, fn);
  call_arg_str(&c, arg, key, n);
  if (rc == CAPIOK && *value_data != before && *value_len >= 0) {
    call_result_str(&c, "value", (const char*)(uintptr_t)*value_data, (size_t)*value_len);
  }
  call_end(&c, true, rc, on_worker());
}

CAPIStatus envoyGoFilterHttpGetStringFilterState(void* r, void* key_data, int key_len,
                                                 uint64_t* value_data, int* value_len) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  size_t n = length_of(key_len, __func__);
  uint64_t before = *value_data;
  if (rc == CAPIOK) rc = gf_get_filter_state(f, key_data, n, value_data, value_len);
  record_getter(__func__, "key", key_data, n, rc, before, value_data, value_len);
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpGetStringProperty(void* r, void* key_data, int key_len,
                                              uint64_t* value_data, int* value_len, int* rc_out) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  size_t n = length_of(key_len, __func__);
  uint64_t before = *value_data;
  if (rc == CAPIOK) rc = gf_get_property(f, key_data, n, value_data, value_len, rc_out);
  record_getter(__func__, "key", key_data, n, rc, before, value_data, value_len);
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpGetStringSecret(void* r, void* key_data, int key_len,
                                            uint64_t* value_data, int* value_len) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  size_t n = length_of(key_len, __func__);
  uint64_t before = *value_data;
  if (rc == CAPIOK) rc = gf_get_secret(f, key_data, n, value_data, value_len);
  record_getter(__func__, "key", key_data, n, rc, before, value_data, value_len);
  release(f);
  return rc;
}

CAPIStatus envoyGoFilterHttpSetDrainConnectionUponCompletion(void* r) {
  golang_filter* f;
  CAPIStatus rc = request_gate(r, __func__, &f);
  if (rc == CAPIOK) rc = gf_set_drain(f);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_end(&c, true, rc, on_worker());
  }
  release(f);
  return rc;
}

/* ---- process-wide functions ---- */

void envoyGoFilterLog(uint32_t level, void* message_data, int message_len) {
  size_t n = length_of(message_len, __func__);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_arg_uint(&c, "level", level);
    call_arg_str(&c, "message", message_data, n);
    call_end(&c, false, CAPIOK, on_worker());
  }
  /* Envoy's logger drops lines below its level. */
  if (level < atomic_load(&g_host.log_level) || level > LOG_CRITICAL) return;
  log_capture(level, message_data, n);
}

uint32_t envoyGoFilterLogLevel(void) {
  uint32_t level = atomic_load(&g_host.log_level);
  if (calls_recording()) {
    call_record c;
    call_begin(&c, __func__);
    call_result_uint(&c, "level", level);
    call_end(&c, false, CAPIOK, on_worker());
  }
  return level;
}

/* ---- config-level functions ---- */

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

/* envoyGoConfigHandlerWrapper: the FilterConfig must still exist. Its metric table stays
 * valid while the config is not freed (configs_free_all, at exit). */
static CAPIStatus config_gate(void* c, const char* fn, host_config** owner) {
  registry_lock();
  config_internal* ci = configs_find_internal(c);
  *owner = ci ? ci->owner : NULL;
  registry_unlock();
  if (ci == NULL) host_error("%s: unknown httpConfig pointer %p", fn, c);
  return *owner ? CAPIOK : CAPIFilterIsGone;
}

static void record_metric(const char* fn, const host_config* owner, uint32_t id, const char* what, const char* v,
                          CAPIStatus rc) {
  if (!calls_recording()) return;
  call_record c;
  call_begin(&c, fn);
  call_arg_uint(&c, "config", owner ? owner->seq : 0);
  call_arg_uint(&c, "metric_id", id);
  call_arg_json(&c, what, v);
  call_end(&c, true, rc, on_worker());
}

CAPIStatus envoyGoFilterHttpDefineMetric(void* c, uint32_t metric_type, void* name_data,
                                         int name_len, uint32_t* metric_id) {
  host_config* owner;
  CAPIStatus rc = config_gate(c, __func__, &owner);
  size_t n = length_of(name_len, __func__);
  if (rc == CAPIOK) rc = metric_define(&owner->metrics, metric_type, name_data, n, metric_id);
  if (calls_recording()) {
    call_record rec;
    call_begin(&rec, __func__);
    call_arg_uint(&rec, "config", owner ? owner->seq : 0);
    call_arg_uint(&rec, "metric_type", metric_type);
    call_arg_str(&rec, "name", name_data, n);
    if (rc == CAPIOK) call_result_uint(&rec, "metric_id", *metric_id);
    call_end(&rec, true, rc, on_worker());
  }
  return rc;
}

CAPIStatus envoyGoFilterHttpIncrementMetric(void* c, uint32_t metric_id, int64_t offset) {
  host_config* owner;
  CAPIStatus rc = config_gate(c, __func__, &owner);
  if (rc == CAPIOK) metric_increment(&owner->metrics, metric_id, offset);
  char v[32];
  snprintf(v, sizeof v, "%lld", (long long)offset);
  record_metric(__func__, owner, metric_id, "offset", v, rc);
  return rc;
}

CAPIStatus envoyGoFilterHttpGetMetric(void* c, uint32_t metric_id, uint64_t* value) {
  host_config* owner;
  CAPIStatus rc = config_gate(c, __func__, &owner);
  if (rc == CAPIOK) metric_get(&owner->metrics, metric_id, value);
  if (calls_recording()) {
    call_record rec;
    call_begin(&rec, __func__);
    call_arg_uint(&rec, "config", owner ? owner->seq : 0);
    call_arg_uint(&rec, "metric_id", metric_id);
    if (rc == CAPIOK) call_result_uint(&rec, "value", *value);
    call_end(&rec, true, rc, on_worker());
  }
  return rc;
}

CAPIStatus envoyGoFilterHttpRecordMetric(void* c, uint32_t metric_id, uint64_t value) {
  host_config* owner;
  CAPIStatus rc = config_gate(c, __func__, &owner);
  if (rc == CAPIOK) metric_record(&owner->metrics, metric_id, value);
  char v[32];
  snprintf(v, sizeof v, "%llu", (unsigned long long)value);
  record_metric(__func__, owner, metric_id, "value", v, rc);
  return rc;
}
