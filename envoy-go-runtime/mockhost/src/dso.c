#include "dso.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* dlsym returns void*; converting it to a function pointer goes through memcpy to stay
 * within ISO C. */
static int resolve(void* handle, const char* name, void* slot, size_t slot_size, char* err,
                   size_t errlen) {
  void* sym = dlsym(handle, name);
  if (sym == NULL) {
    size_t used = strlen(err);
    snprintf(err + used, errlen - used, "%smissing export %s", used ? "; " : "", name);
    return 0;
  }
  memcpy(slot, &sym, slot_size);
  return 1;
}

int dso_load(filter_dso* dso, const char* path, char* err, size_t errlen) {
  memset(dso, 0, sizeof *dso);
  err[0] = '\0';
  /* Envoy uses RTLD_LAZY; RTLD_GLOBAL is not needed: the library binds the C API to the
   * executable's exported definitions (-rdynamic). */
  dso->handle = dlopen(path, RTLD_LAZY);
  if (dso->handle == NULL) {
    snprintf(err, errlen, "cannot load %s: %s", path, dlerror());
    return 0;
  }
  int ok = 1;
#define RESOLVE(field, name) ok &= resolve(dso->handle, name, &dso->field, sizeof dso->field, err, errlen)
  RESOLVE(new_config, "envoyGoFilterNewHttpPluginConfig");
  RESOLVE(merge_config, "envoyGoFilterMergeHttpPluginConfig");
  RESOLVE(destroy_config, "envoyGoFilterDestroyHttpPluginConfig");
  RESOLVE(on_header, "envoyGoFilterOnHttpHeader");
  RESOLVE(on_data, "envoyGoFilterOnHttpData");
  RESOLVE(on_log, "envoyGoFilterOnHttpLog");
  RESOLVE(on_stream_complete, "envoyGoFilterOnHttpStreamComplete");
  RESOLVE(on_destroy, "envoyGoFilterOnHttpDestroy");
  RESOLVE(sema_dec, "envoyGoRequestSemaDec");
  RESOLVE(cleanup, "envoyGoFilterCleanUp");
#undef RESOLVE
  return ok;
}
