/* Recording of the C API calls the library makes (protocol option "recordCalls"): one
 * JSON object per call, {"fn","thread","args","status"[,"result"]}, in the order the calls
 * arrive. Strings the library passes (Go memory) are copied into the record. Thread-safe. */
#ifndef MOCKHOST_CALLS_H
#define MOCKHOST_CALLS_H

#include <stdbool.h>
#include <stdint.h>

#include "../../golangfilter/envoy_capi.h"
#include "util.h"

void calls_start(void);            /* clears and starts recording */
size_t calls_stop(strbuf* out);    /* stops; appends the records (comma-separated) */
bool calls_recording(void);
void calls_free(void);

const char* capi_status_name(CAPIStatus st);

/* One record under construction. Build only when calls_recording() is true. */
typedef struct {
  strbuf json;
  bool has_args;
  bool has_result;
} call_record;

void call_begin(call_record* c, const char* fn);
void call_arg_str(call_record* c, const char* name, const void* data, size_t len); /* text, or nameBase64 */
void call_arg_int(call_record* c, const char* name, long long v);
void call_arg_uint(call_record* c, const char* name, unsigned long long v);
void call_arg_bool(call_record* c, const char* name, bool v);
void call_arg_json(call_record* c, const char* name, const char* json); /* raw JSON */
void call_result_str(call_record* c, const char* name, const void* data, size_t len);
void call_result_int(call_record* c, const char* name, long long v);
void call_result_uint(call_record* c, const char* name, unsigned long long v);
void call_result_json(call_record* c, const char* name, const char* json); /* raw JSON */
/* Ends the record and stores it; has_status false for functions returning no status. */
void call_end(call_record* c, bool has_status, CAPIStatus st, bool on_worker);

#endif
