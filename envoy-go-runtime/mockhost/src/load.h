/* The load op: many streams on several worker threads at once (docs/host-protocol.md,
 * "load"), answered with a summary instead of one answer per stream. */
#ifndef MOCKHOST_LOAD_H
#define MOCKHOST_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "util.h"

/* Validates the op, runs it and appends the answer's members after "op" and "id"
 * (",\"workers\":..." and so on, without metrics and host errors) to out. On bad input
 * returns false with err set, before any stream ran. The op's logLevel is the caller's. */
bool load_run(const json_value* op, uint32_t concurrency, strbuf* out, char* err, size_t errlen);

#endif
