/* A filter library in C that lets every stream through and makes no C API call besides
 * handing objects back: what a stream costs the mock host itself. The benchmark runs it
 * as its baseline, so the libraries' own cost per request can be told apart. */
#include <stdint.h>

#include "envoy_capi.h"

#define EXPORT __attribute__((visibility("default")))

typedef unsigned long long GoUint64;
typedef long long GoInt;

enum { MAX_CONFIGS = 64 };
static httpConfig* configs[MAX_CONFIGS + 1];
static GoUint64 nconfigs;

EXPORT GoUint64 envoyGoFilterNewHttpPluginConfig(httpConfig* c) {
  if (nconfigs == MAX_CONFIGS) {
    envoyGoConfigHttpFinalize(c);
    return 0;
  }
  configs[++nconfigs] = c;
  return nconfigs;
}

EXPORT GoUint64 envoyGoFilterMergeHttpPluginConfig(GoUint64 name_ptr, GoUint64 name_len, GoUint64 parent, GoUint64 child) {
  (void)name_ptr;
  (void)name_len;
  (void)parent;
  return child;
}

EXPORT void envoyGoFilterDestroyHttpPluginConfig(GoUint64 id, GoInt need_delay) {
  (void)need_delay;
  if (id >= 1 && id <= nconfigs && configs[id]) {
    envoyGoConfigHttpFinalize(configs[id]);
    configs[id] = 0;
  }
}

EXPORT GoUint64 envoyGoFilterOnHttpHeader(processState* s, GoUint64 end_stream, GoUint64 num, GoUint64 bytes) {
  (void)s;
  (void)end_stream;
  (void)num;
  (void)bytes;
  return 2; /* Continue */
}

EXPORT GoUint64 envoyGoFilterOnHttpData(processState* s, GoUint64 end_stream, GoUint64 buffer, GoUint64 length) {
  (void)s;
  (void)end_stream;
  (void)buffer;
  (void)length;
  return 2;
}

EXPORT void envoyGoFilterOnHttpLog(httpRequest* r, GoUint64 type, processState* decoding, processState* encoding,
                                   GoUint64 a, GoUint64 b, GoUint64 c, GoUint64 d, GoUint64 e, GoUint64 f, GoUint64 g,
                                   GoUint64 h) {
  (void)r, (void)type, (void)decoding, (void)encoding;
  (void)a, (void)b, (void)c, (void)d, (void)e, (void)f, (void)g, (void)h;
}

EXPORT void envoyGoFilterOnHttpStreamComplete(httpRequest* r) { (void)r; }

/* Go hands a request back from its collector; a C library can do it once the stream is
 * gone. */
EXPORT void envoyGoFilterOnHttpDestroy(httpRequest* r, GoUint64 reason) {
  (void)reason;
  envoyGoFilterHttpFinalize(r, 0);
}

EXPORT void envoyGoRequestSemaDec(httpRequest* r) { (void)r; }

EXPORT void envoyGoFilterCleanUp(void) {}
