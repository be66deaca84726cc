#include "calls.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "json.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool recording;
static strbuf records;
static size_t count;

void calls_start(void) {
  pthread_mutex_lock(&mu);
  sb_clear(&records);
  count = 0;
  atomic_store(&recording, true);
  pthread_mutex_unlock(&mu);
}

size_t calls_stop(strbuf* out) {
  pthread_mutex_lock(&mu);
  atomic_store(&recording, false);
  size_t n = count;
  sb_append(out, records.data ? records.data : "", records.len);
  sb_clear(&records);
  count = 0;
  pthread_mutex_unlock(&mu);
  return n;
}

bool calls_recording(void) { return atomic_load(&recording); }

void calls_free(void) { sb_free(&records); }

const char* capi_status_name(CAPIStatus st) {
  switch (st) {
    case CAPIOK: return "CAPIOK";
    case CAPIFilterIsGone: return "CAPIFilterIsGone";
    case CAPIFilterIsDestroy: return "CAPIFilterIsDestroy";
    case CAPINotInGo: return "CAPINotInGo";
    case CAPIInvalidPhase: return "CAPIInvalidPhase";
    case CAPIValueNotFound: return "CAPIValueNotFound";
    case CAPIYield: return "CAPIYield";
    case CAPIInternalFailure: return "CAPIInternalFailure";
    case CAPISerializationFailure: return "CAPISerializationFailure";
    case CAPIInvalidScene: return "CAPIInvalidScene";
    case CAPIInvalidIPAddress: return "CAPIInvalidIPAddress";
  }
  return "CAPIUnknown";
}

void call_begin(call_record* c, const char* fn) {
  sb_init(&c->json);
  c->has_args = false;
  c->has_result = false;
  sb_append_str(&c->json, "{\"fn\":");
  json_write_string(&c->json, fn, strlen(fn));
  sb_append_str(&c->json, ",\"args\":{");
}

static void key(call_record* c, const char* name, const char* suffix) {
  if (c->has_args) sb_append_char(&c->json, ',');
  c->has_args = true;
  sb_append_char(&c->json, '"');
  sb_append_str(&c->json, name);
  sb_append_str(&c->json, suffix);
  sb_append_str(&c->json, "\":");
}

void call_arg_str(call_record* c, const char* name, const void* data, size_t len) {
  const char* s = data && len ? data : "";
  if (utf8_valid(s, len)) {
    key(c, name, "");
    json_write_string(&c->json, s, len);
  } else {
    key(c, name, "Base64");
    sb_append_char(&c->json, '"');
    base64_encode(&c->json, s, len);
    sb_append_char(&c->json, '"');
  }
}

void call_arg_int(call_record* c, const char* name, long long v) {
  key(c, name, "");
  sb_appendf(&c->json, "%lld", v);
}

void call_arg_uint(call_record* c, const char* name, unsigned long long v) {
  key(c, name, "");
  sb_appendf(&c->json, "%llu", v);
}

void call_arg_bool(call_record* c, const char* name, bool v) {
  key(c, name, "");
  sb_append_str(&c->json, v ? "true" : "false");
}

void call_arg_json(call_record* c, const char* name, const char* json) {
  key(c, name, "");
  sb_append_str(&c->json, json);
}

/* Results come after the arguments: close the args object first. */
static void result_key_suffix(call_record* c, const char* name, const char* suffix) {
  if (!c->has_result) {
    sb_append_str(&c->json, "},\"result\":{");
    c->has_result = true;
  } else {
    sb_append_char(&c->json, ',');
  }
  sb_append_char(&c->json, '"');
  sb_append_str(&c->json, name);
  sb_append_str(&c->json, suffix);
  sb_append_str(&c->json, "\":");
}

static void result_key(call_record* c, const char* name) { result_key_suffix(c, name, ""); }

void call_result_str(call_record* c, const char* name, const void* data, size_t len) {
  const char* s = data && len ? data : "";
  if (utf8_valid(s, len)) {
    result_key(c, name);
    json_write_string(&c->json, s, len);
  } else {
    result_key_suffix(c, name, "Base64");
    sb_append_char(&c->json, '"');
    base64_encode(&c->json, s, len);
    sb_append_char(&c->json, '"');
  }
}

void call_result_int(call_record* c, const char* name, long long v) {
  result_key(c, name);
  sb_appendf(&c->json, "%lld", v);
}

void call_result_uint(call_record* c, const char* name, unsigned long long v) {
  result_key(c, name);
  sb_appendf(&c->json, "%llu", v);
}

void call_end(call_record* c, bool has_status, CAPIStatus st, bool on_worker) {
  sb_append_char(&c->json, '}');
  if (has_status) {
    sb_append_str(&c->json, ",\"status\":\"");
    sb_append_str(&c->json, capi_status_name(st));
    sb_append_char(&c->json, '"');
  }
  sb_append_str(&c->json, on_worker ? ",\"thread\":\"worker\"}" : ",\"thread\":\"go\"}");
  pthread_mutex_lock(&mu);
  if (atomic_load(&recording)) {
    if (count++) sb_append_char(&records, ',');
    sb_append(&records, c->json.data, c->json.len);
  }
  pthread_mutex_unlock(&mu);
  sb_free(&c->json);
}

void call_result_json(call_record* c, const char* name, const char* json) {
  result_key(c, name);
  sb_append_str(&c->json, json);
}
