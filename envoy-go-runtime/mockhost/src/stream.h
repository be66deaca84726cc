/* One HTTP stream driven through the filter: the scripted client, Envoy's filter manager
 * for a chain of [golang filter, router], and the scripted upstream. */
#ifndef MOCKHOST_STREAM_H
#define MOCKHOST_STREAM_H

#include "host.h"
#include "json.h"

/* Parses the request op; on bad input returns NULL and writes err. Nothing runs yet. */
stream* stream_new(host_config* config, uint32_t concurrency, const json_value* op, char* err, size_t errlen);
/* The worker the op asks for (streamInfo.workerId, default 0). */
uint32_t stream_worker_id(const stream* s);
/* Gives the stream to worker w (its worker_id from now on) and creates its golang filter.
 * Then stream_run, stream_write_result and stream_free run on w's thread. */
void stream_bind(stream* s, worker* w);
/* Drives the stream until it ends. */
void stream_run(stream* s);
/* Appends the protocol answer's members (without the surrounding braces, starting with a
 * comma) to out. */
void stream_write_result(stream* s, strbuf* out);
/* The ended stream's response status (0 when the client got none), its reset (NULL,
 * "client" or "local") and whether the filter asked for a local reply. */
void stream_outcome(const stream* s, int* status, const char** reset, bool* local_reply);
void stream_free(stream* s);

#endif
