/* One HTTP stream driven through the filter: the scripted client, Envoy's filter manager
 * for a chain of [golang filter, router], and the scripted upstream. */
#ifndef MOCKHOST_STREAM_H
#define MOCKHOST_STREAM_H

#include "host.h"
#include "json.h"

/* Parses the request op; on bad input returns NULL and writes err. */
stream* stream_new(worker* w, host_config* config, uint32_t concurrency, const json_value* op, char* err, size_t errlen);
/* Drives the stream until it ends; appends the protocol answer's members (without the
 * surrounding braces, starting with a comma) to out. */
void stream_run(stream* s);
void stream_write_result(stream* s, strbuf* out);
void stream_free(stream* s);

#endif
