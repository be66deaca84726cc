#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
  fputs("mosn-ts-mockhost: out of memory\n", stderr);
  abort();
}

void* xmalloc(size_t n) {
  void* p = malloc(n ? n : 1);
  if (p == NULL) out_of_memory();
  return p;
}

void* xcalloc(size_t count, size_t size) {
  void* p = calloc(count ? count : 1, size ? size : 1);
  if (p == NULL) out_of_memory();
  return p;
}

void* xrealloc(void* p, size_t n) {
  void* q = realloc(p, n ? n : 1);
  if (q == NULL) out_of_memory();
  return q;
}

char* xmemdup(const void* data, size_t len) {
  char* p = xmalloc(len + 1);
  if (len) memcpy(p, data, len);
  p[len] = '\0';
  return p;
}

void sb_init(strbuf* sb) {
  sb->data = NULL;
  sb->len = 0;
  sb->cap = 0;
}

void sb_free(strbuf* sb) {
  free(sb->data);
  sb_init(sb);
}

void sb_reserve(strbuf* sb, size_t extra) {
  size_t need = sb->len + extra + 1;
  if (need <= sb->cap) return;
  size_t cap = sb->cap ? sb->cap : 32;
  while (cap < need) cap *= 2;
  sb->data = xrealloc(sb->data, cap);
  sb->cap = cap;
}

void sb_append(strbuf* sb, const void* data, size_t len) {
  sb_reserve(sb, len);
  if (len) memcpy(sb->data + sb->len, data, len);
  sb->len += len;
  sb->data[sb->len] = '\0';
}

void sb_append_str(strbuf* sb, const char* s) { sb_append(sb, s, strlen(s)); }

void sb_append_char(strbuf* sb, char c) { sb_append(sb, &c, 1); }

void sb_appendf(strbuf* sb, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n > 0) {
    sb_reserve(sb, (size_t)n);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
  }
  va_end(ap);
}

void sb_prepend(strbuf* sb, const void* data, size_t len) {
  if (len == 0) return;
  sb_reserve(sb, len);
  memmove(sb->data + len, sb->data, sb->len + 1);
  memcpy(sb->data, data, len);
  sb->len += len;
}

void sb_drain(strbuf* sb, size_t n) {
  if (n >= sb->len) {
    sb_clear(sb);
    return;
  }
  memmove(sb->data, sb->data + n, sb->len - n + 1);
  sb->len -= n;
}

void sb_clear(strbuf* sb) {
  sb->len = 0;
  if (sb->data) sb->data[0] = '\0';
}

void sb_move(strbuf* dst, strbuf* src) {
  sb_append(dst, src->data, src->len);
  sb_clear(src);
}

bool utf8_valid(const char* s, size_t len) {
  const unsigned char* p = (const unsigned char*)s;
  size_t i = 0;
  while (i < len) {
    unsigned c = p[i];
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; k++) {
      if (i + k >= len || (p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    /* Reject overlong forms, surrogates and values past U+10FFFF. */
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp > 0x10FFFF) return false;
    i += n + 1;
  }
  return true;
}

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode(strbuf* out, const void* data, size_t len) {
  const unsigned char* p = data;
  size_t i = 0;
  for (; i + 3 <= len; i += 3) {
    uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
    char q[4] = {b64_alphabet[v >> 18], b64_alphabet[(v >> 12) & 63], b64_alphabet[(v >> 6) & 63],
                 b64_alphabet[v & 63]};
    sb_append(out, q, 4);
  }
  if (len - i == 1) {
    uint32_t v = (uint32_t)p[i] << 16;
    char q[4] = {b64_alphabet[v >> 18], b64_alphabet[(v >> 12) & 63], '=', '='};
    sb_append(out, q, 4);
  } else if (len - i == 2) {
    uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8;
    char q[4] = {b64_alphabet[v >> 18], b64_alphabet[(v >> 12) & 63], b64_alphabet[(v >> 6) & 63],
                 '='};
    sb_append(out, q, 4);
  }
  if (out->data == NULL) sb_append(out, "", 0);
}

static int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool base64_decode(strbuf* out, const char* text, size_t len) {
  while (len > 0 && text[len - 1] == '=') len--;
  if (len % 4 == 1) return false;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < len; i++) {
    int v = b64_value(text[i]);
    if (v < 0) return false;
    acc = (acc << 6) | (uint32_t)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      sb_append_char(out, (char)((acc >> bits) & 0xFF));
    }
  }
  if (out->data == NULL) sb_append(out, "", 0);
  return true;
}
