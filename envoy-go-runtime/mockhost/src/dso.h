/* The filter library: dlopen and the ten entry points Envoy v1.39's loader resolves
 * (contrib/golang/common/dso/dso.cc). All are required. */
#ifndef MOCKHOST_DSO_H
#define MOCKHOST_DSO_H

#include <stddef.h>
#include <stdint.h>

#include "../../golangfilter/envoy_capi.h"

typedef unsigned long long GoUint64;
typedef long long GoInt;

typedef struct {
  void* handle;
  GoUint64 (*new_config)(httpConfig* c);
  GoUint64 (*merge_config)(GoUint64 name_ptr, GoUint64 name_len, GoUint64 parent_id, GoUint64 child_id);
  void (*destroy_config)(GoUint64 id, GoInt need_delay);
  GoUint64 (*on_header)(processState* s, GoUint64 end_stream, GoUint64 header_num, GoUint64 header_bytes);
  GoUint64 (*on_data)(processState* s, GoUint64 end_stream, GoUint64 buffer, GoUint64 length);
  void (*on_log)(httpRequest* r, GoUint64 type, processState* decoding, processState* encoding,
                 GoUint64 req_header_num, GoUint64 req_header_bytes, GoUint64 req_trailer_num,
                 GoUint64 req_trailer_bytes, GoUint64 resp_header_num, GoUint64 resp_header_bytes,
                 GoUint64 resp_trailer_num, GoUint64 resp_trailer_bytes);
  void (*on_stream_complete)(httpRequest* r);
  void (*on_destroy)(httpRequest* r, GoUint64 reason);
  void (*sema_dec)(httpRequest* r);
  void (*cleanup)(void);
} filter_dso;

/* Loads path and resolves every entry point. On failure writes a message naming each
 * missing symbol (or dlopen's error) into err and returns 0. */
int dso_load(filter_dso* dso, const char* path, char* err, size_t errlen);

#endif
