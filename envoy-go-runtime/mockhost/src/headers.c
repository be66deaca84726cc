#include "headers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hm_init(header_map* m) {
  m->items = NULL;
  m->len = 0;
  m->cap = 0;
}

void hm_clear(header_map* m) {
  for (size_t i = 0; i < m->len; i++) {
    free(m->items[i].name);
    free(m->items[i].value);
  }
  m->len = 0;
}

void hm_free(header_map* m) {
  hm_clear(m);
  free(m->items);
  hm_init(m);
}

static bool is_pseudo(const char* name, size_t len) { return len > 0 && name[0] == ':'; }

static char* lower_copy(const char* s, size_t len) {
  char* p = xmemdup(s, len);
  for (size_t i = 0; i < len; i++) {
    if (p[i] >= 'A' && p[i] <= 'Z') p[i] = (char)(p[i] - 'A' + 'a');
  }
  return p;
}

static bool name_equals(const header* h, const char* name, size_t len) {
  if (h->name_len != len) return false;
  for (size_t i = 0; i < len; i++) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (h->name[i] != c) return false;
  }
  return true;
}

void hm_add(header_map* m, const char* name, size_t name_len, const char* value, size_t value_len) {
  if (m->len == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 8;
    m->items = xrealloc(m->items, m->cap * sizeof *m->items);
  }
  size_t at = m->len;
  if (is_pseudo(name, name_len)) {
    at = 0;
    while (at < m->len && is_pseudo(m->items[at].name, m->items[at].name_len)) at++;
    memmove(m->items + at + 1, m->items + at, (m->len - at) * sizeof *m->items);
  }
  m->items[at].name = lower_copy(name, name_len);
  m->items[at].name_len = name_len;
  m->items[at].value = xmemdup(value, value_len);
  m->items[at].value_len = value_len;
  m->len++;
}

size_t hm_remove(header_map* m, const char* name, size_t name_len) {
  size_t kept = 0, removed = 0;
  for (size_t i = 0; i < m->len; i++) {
    if (name_equals(&m->items[i], name, name_len)) {
      free(m->items[i].name);
      free(m->items[i].value);
      removed++;
    } else {
      m->items[kept++] = m->items[i];
    }
  }
  m->len = kept;
  return removed;
}

void hm_set(header_map* m, const char* name, size_t name_len, const char* value, size_t value_len) {
  hm_remove(m, name, name_len);
  hm_add(m, name, name_len, value, value_len);
}

void hm_set_inline(header_map* m, const char* name, const char* value, size_t value_len) {
  size_t name_len = strlen(name);
  for (size_t i = 0; i < m->len; i++) {
    if (name_equals(&m->items[i], name, name_len)) {
      free(m->items[i].value);
      m->items[i].value = xmemdup(value, value_len);
      m->items[i].value_len = value_len;
      /* drop later duplicates */
      size_t kept = i + 1;
      for (size_t j = i + 1; j < m->len; j++) {
        if (name_equals(&m->items[j], name, name_len)) {
          free(m->items[j].name);
          free(m->items[j].value);
        } else {
          m->items[kept++] = m->items[j];
        }
      }
      m->len = kept;
      return;
    }
  }
  hm_add(m, name, name_len, value, value_len);
}

const header* hm_get(const header_map* m, const char* name, size_t name_len) {
  for (size_t i = 0; i < m->len; i++) {
    if (name_equals(&m->items[i], name, name_len)) return &m->items[i];
  }
  return NULL;
}

const header* hm_get_str(const header_map* m, const char* name) { return hm_get(m, name, strlen(name)); }

size_t hm_byte_size(const header_map* m) {
  size_t n = 0;
  for (size_t i = 0; i < m->len; i++) n += m->items[i].name_len + m->items[i].value_len;
  return n;
}

void hm_copy(header_map* dst, const header_map* src) {
  hm_init(dst);
  for (size_t i = 0; i < src->len; i++) {
    const header* h = &src->items[i];
    hm_add(dst, h->name, h->name_len, h->value, h->value_len);
  }
}

void json_write_text_lossy(strbuf* out, const char* s, size_t len) {
  if (utf8_valid(s, len)) {
    json_write_string(out, s, len);
    return;
  }
  strbuf fixed;
  sb_init(&fixed);
  size_t i = 0;
  while (i < len) {
    /* take the longest valid prefix of 1..4 bytes, else emit U+FFFD for one byte */
    size_t n = 0;
    for (size_t k = 1; k <= 4 && i + k <= len; k++) {
      if (utf8_valid(s + i, k)) {
        n = k;
        break;
      }
    }
    if (n) {
      sb_append(&fixed, s + i, n);
      i += n;
    } else {
      sb_append_str(&fixed, "\xEF\xBF\xBD");
      i++;
    }
  }
  json_write_string(out, fixed.data, fixed.len);
  sb_free(&fixed);
}

void hm_write_json(strbuf* out, const header_map* m, bool skip_status) {
  sb_append_char(out, '[');
  bool first = true;
  for (size_t i = 0; i < m->len; i++) {
    const header* h = &m->items[i];
    if (skip_status && name_equals(h, ":status", 7)) continue;
    if (!first) sb_append_char(out, ',');
    first = false;
    sb_append_char(out, '[');
    json_write_text_lossy(out, h->name, h->name_len);
    sb_append_char(out, ',');
    json_write_text_lossy(out, h->value, h->value_len);
    sb_append_char(out, ']');
  }
  sb_append_char(out, ']');
}

bool hm_read_json(header_map* m, const json_value* v, char* err, size_t errlen) {
  if (v->type != JSON_ARRAY) {
    snprintf(err, errlen, "headers must be an array of [name, value] pairs");
    return false;
  }
  for (size_t i = 0; i < v->count; i++) {
    const json_value* pair = v->items[i];
    if (pair->type != JSON_ARRAY || pair->count != 2 || pair->items[0]->type != JSON_STRING ||
        pair->items[1]->type != JSON_STRING) {
      snprintf(err, errlen, "header %zu is not a [name, value] pair of strings", i);
      return false;
    }
    if (pair->items[0]->text_len == 0) {
      snprintf(err, errlen, "header %zu has an empty name", i);
      return false;
    }
    hm_add(m, pair->items[0]->text, pair->items[0]->text_len, pair->items[1]->text,
           pair->items[1]->text_len);
  }
  return true;
}
