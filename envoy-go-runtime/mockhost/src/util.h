/* Small building blocks: checked allocation, growable byte strings, base64, UTF-8. */
#ifndef MOCKHOST_UTIL_H
#define MOCKHOST_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocation failure ends the process: the host is a test tool with small inputs. */
void* xmalloc(size_t n);
void* xcalloc(size_t count, size_t size);
void* xrealloc(void* p, size_t n);
char* xmemdup(const void* data, size_t len); /* NUL-terminated copy */

/* A growable byte string. data is NUL-terminated when non-NULL, but may hold NULs. */
typedef struct {
  char* data;
  size_t len;
  size_t cap;
} strbuf;

void sb_init(strbuf* sb);
void sb_free(strbuf* sb);
void sb_reserve(strbuf* sb, size_t extra);
void sb_append(strbuf* sb, const void* data, size_t len);
void sb_append_str(strbuf* sb, const char* s);
void sb_append_char(strbuf* sb, char c);
void sb_appendf(strbuf* sb, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_prepend(strbuf* sb, const void* data, size_t len);
void sb_drain(strbuf* sb, size_t n); /* removes the first n bytes (all if n > len) */
void sb_clear(strbuf* sb);
void sb_move(strbuf* dst, strbuf* src); /* appends src to dst and empties src */

bool utf8_valid(const char* s, size_t len);

void base64_encode(strbuf* out, const void* data, size_t len);
/* Returns false on malformed input (padding optional, whitespace rejected). */
bool base64_decode(strbuf* out, const char* text, size_t len);

#endif
