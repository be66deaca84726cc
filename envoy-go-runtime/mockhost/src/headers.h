/* A header map with the ordering rules of Envoy's HeaderMapImpl: names are lower-cased,
 * pseudo-headers (":x") sit before all others, entries keep insertion order, and set is
 * remove-then-add. Envoy's coalescing of repeated "inline" headers (e.g. two
 * content-type values joined by a comma) is not emulated. */
#ifndef MOCKHOST_HEADERS_H
#define MOCKHOST_HEADERS_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "util.h"

typedef struct {
  char* name;
  size_t name_len;
  char* value;
  size_t value_len;
} header;

typedef struct {
  header* items;
  size_t len;
  size_t cap;
} header_map;

void hm_init(header_map* m);
void hm_free(header_map* m);
void hm_clear(header_map* m);
void hm_copy(header_map* dst, const header_map* src); /* dst is initialised by the call */

void hm_add(header_map* m, const char* name, size_t name_len, const char* value, size_t value_len);
void hm_set(header_map* m, const char* name, size_t name_len, const char* value, size_t value_len);
/* Replaces the value of the first entry in place (dropping later ones), or appends:
 * what Envoy does for an inline header such as content-length. */
void hm_set_inline(header_map* m, const char* name, const char* value, size_t value_len);
size_t hm_remove(header_map* m, const char* name, size_t name_len);
const header* hm_get(const header_map* m, const char* name, size_t name_len);
const header* hm_get_str(const header_map* m, const char* name);

/* Sum of all name and value lengths, as Envoy's byteSize(). */
size_t hm_byte_size(const header_map* m);

/* [[name, value], ...]; skip_status leaves out ":status". */
void hm_write_json(strbuf* out, const header_map* m, bool skip_status);
/* Reads [[name, value], ...] in order. Returns false and writes err on bad input. */
bool hm_read_json(header_map* m, const json_value* v, char* err, size_t errlen);

/* Writes s as a JSON string, replacing invalid UTF-8 with U+FFFD. */
void json_write_text_lossy(strbuf* out, const char* s, size_t len);

#endif
