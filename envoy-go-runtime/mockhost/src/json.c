#include "json.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 256

typedef struct {
  const char* s;
  size_t len;
  size_t pos;
  char* err;
  size_t errlen;
  bool failed;
} parser;

static void fail(parser* p, const char* what) {
  if (!p->failed) snprintf(p->err, p->errlen, "%s at offset %zu", what, p->pos);
  p->failed = true;
}

static void skip_ws(parser* p) {
  while (p->pos < p->len) {
    char c = p->s[p->pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    p->pos++;
  }
}

static json_value* new_value(json_type t) {
  json_value* v = xcalloc(1, sizeof *v);
  v->type = t;
  return v;
}

static bool literal(parser* p, const char* word) {
  size_t n = strlen(word);
  if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0) return false;
  p->pos += n;
  return true;
}

static int hex4(parser* p) {
  if (p->len - p->pos < 4) return -1;
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p->s[p->pos + (size_t)i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  p->pos += 4;
  return v;
}

static void put_utf8(strbuf* sb, unsigned cp) {
  char b[4];
  if (cp < 0x80) {
    b[0] = (char)cp;
    sb_append(sb, b, 1);
  } else if (cp < 0x800) {
    b[0] = (char)(0xC0 | (cp >> 6));
    b[1] = (char)(0x80 | (cp & 0x3F));
    sb_append(sb, b, 2);
  } else if (cp < 0x10000) {
    b[0] = (char)(0xE0 | (cp >> 12));
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    sb_append(sb, b, 3);
  } else {
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    sb_append(sb, b, 4);
  }
}

/* Parses a string body after the opening quote into sb. */
static bool parse_string_into(parser* p, strbuf* sb) {
  sb_append(sb, "", 0);
  size_t start = p->pos;
  for (;;) {
    if (p->pos >= p->len) {
      fail(p, "unterminated string");
      return false;
    }
    unsigned char c = (unsigned char)p->s[p->pos];
    if (c == '"') {
      p->pos++;
      break;
    }
    if (c < 0x20) {
      fail(p, "control character in string");
      return false;
    }
    if (c != '\\') {
      p->pos++;
      continue;
    }
    sb_append(sb, p->s + start, p->pos - start);
    p->pos++;
    if (p->pos >= p->len) {
      fail(p, "unterminated escape");
      return false;
    }
    char e = p->s[p->pos++];
    switch (e) {
      case '"': sb_append_char(sb, '"'); break;
      case '\\': sb_append_char(sb, '\\'); break;
      case '/': sb_append_char(sb, '/'); break;
      case 'b': sb_append_char(sb, '\b'); break;
      case 'f': sb_append_char(sb, '\f'); break;
      case 'n': sb_append_char(sb, '\n'); break;
      case 'r': sb_append_char(sb, '\r'); break;
      case 't': sb_append_char(sb, '\t'); break;
      case 'u': {
        int cp = hex4(p);
        if (cp < 0) {
          fail(p, "invalid \\u escape");
          return false;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          int lo = -1;
          if (p->len - p->pos >= 2 && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u') {
            p->pos += 2;
            lo = hex4(p);
          }
          if (lo < 0xDC00 || lo > 0xDFFF) {
            fail(p, "lone surrogate in \\u escape");
            return false;
          }
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          fail(p, "lone surrogate in \\u escape");
          return false;
        }
        put_utf8(sb, (unsigned)cp);
        break;
      }
      default:
        p->pos--;
        fail(p, "invalid escape");
        return false;
    }
    start = p->pos;
  }
  sb_append(sb, p->s + start, p->pos - 1 - start);
  if (!utf8_valid(sb->data, sb->len)) {
    fail(p, "string is not valid UTF-8");
    return false;
  }
  return true;
}

static json_value* parse_value(parser* p, int depth);

static json_value* parse_number(parser* p) {
  size_t start = p->pos;
  if (p->pos < p->len && p->s[p->pos] == '-') p->pos++;
  if (p->pos >= p->len) goto bad;
  if (p->s[p->pos] == '0') {
    p->pos++;
  } else if (p->s[p->pos] >= '1' && p->s[p->pos] <= '9') {
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') p->pos++;
  } else {
    goto bad;
  }
  if (p->pos < p->len && p->s[p->pos] == '.') {
    p->pos++;
    size_t digits = p->pos;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') p->pos++;
    if (p->pos == digits) goto bad;
  }
  if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
    p->pos++;
    if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-')) p->pos++;
    size_t digits = p->pos;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') p->pos++;
    if (p->pos == digits) goto bad;
  }
  {
    json_value* v = new_value(JSON_NUMBER);
    v->text = xmemdup(p->s + start, p->pos - start);
    v->text_len = p->pos - start;
    v->number = strtod(v->text, NULL);
    return v;
  }
bad:
  fail(p, "invalid number");
  return NULL;
}

static json_value* parse_array(parser* p, int depth) {
  json_value* v = new_value(JSON_ARRAY);
  size_t cap = 0;
  skip_ws(p);
  if (p->pos < p->len && p->s[p->pos] == ']') {
    p->pos++;
    return v;
  }
  for (;;) {
    json_value* item = parse_value(p, depth + 1);
    if (item == NULL) break;
    if (v->count == cap) {
      cap = cap ? cap * 2 : 4;
      v->items = xrealloc(v->items, cap * sizeof *v->items);
    }
    v->items[v->count++] = item;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ',') {
      p->pos++;
      continue;
    }
    if (p->pos < p->len && p->s[p->pos] == ']') {
      p->pos++;
      return v;
    }
    fail(p, "expected ',' or ']'");
    break;
  }
  json_free(v);
  return NULL;
}

static json_value* parse_object(parser* p, int depth) {
  json_value* v = new_value(JSON_OBJECT);
  size_t cap = 0;
  skip_ws(p);
  if (p->pos < p->len && p->s[p->pos] == '}') {
    p->pos++;
    return v;
  }
  for (;;) {
    skip_ws(p);
    if (p->pos >= p->len || p->s[p->pos] != '"') {
      fail(p, "expected a string key");
      break;
    }
    p->pos++;
    strbuf key;
    sb_init(&key);
    if (!parse_string_into(p, &key)) {
      sb_free(&key);
      break;
    }
    skip_ws(p);
    if (p->pos >= p->len || p->s[p->pos] != ':') {
      sb_free(&key);
      fail(p, "expected ':'");
      break;
    }
    p->pos++;
    json_value* item = parse_value(p, depth + 1);
    if (item == NULL) {
      sb_free(&key);
      break;
    }
    if (v->count == cap) {
      cap = cap ? cap * 2 : 4;
      v->items = xrealloc(v->items, cap * sizeof *v->items);
      v->keys = xrealloc(v->keys, cap * sizeof *v->keys);
      v->key_lens = xrealloc(v->key_lens, cap * sizeof *v->key_lens);
    }
    v->keys[v->count] = key.data;
    v->key_lens[v->count] = key.len;
    v->items[v->count++] = item;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ',') {
      p->pos++;
      continue;
    }
    if (p->pos < p->len && p->s[p->pos] == '}') {
      p->pos++;
      return v;
    }
    fail(p, "expected ',' or '}'");
    break;
  }
  json_free(v);
  return NULL;
}

static json_value* parse_value(parser* p, int depth) {
  if (depth > JSON_MAX_DEPTH) {
    fail(p, "nesting too deep");
    return NULL;
  }
  skip_ws(p);
  if (p->pos >= p->len) {
    fail(p, "unexpected end of input");
    return NULL;
  }
  char c = p->s[p->pos];
  switch (c) {
    case '{':
      p->pos++;
      return parse_object(p, depth);
    case '[':
      p->pos++;
      return parse_array(p, depth);
    case '"': {
      p->pos++;
      strbuf sb;
      sb_init(&sb);
      if (!parse_string_into(p, &sb)) {
        sb_free(&sb);
        return NULL;
      }
      json_value* v = new_value(JSON_STRING);
      v->text = sb.data;
      v->text_len = sb.len;
      return v;
    }
    case 't':
    case 'f':
    case 'n': {
      if (literal(p, "true") || literal(p, "false")) {
        json_value* v = new_value(JSON_BOOL);
        v->boolean = c == 't';
        return v;
      }
      if (literal(p, "null")) return new_value(JSON_NULL);
      fail(p, "invalid literal");
      return NULL;
    }
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
      fail(p, "unexpected character");
      return NULL;
  }
}

json_value* json_parse(const char* text, size_t len, char* err, size_t errlen) {
  parser p = {text, len, 0, err, errlen, false};
  json_value* v = parse_value(&p, 0);
  if (v == NULL) return NULL;
  skip_ws(&p);
  if (p.pos != p.len) {
    fail(&p, "trailing characters");
    json_free(v);
    return NULL;
  }
  return v;
}

void json_free(json_value* v) {
  if (v == NULL) return;
  for (size_t i = 0; i < v->count; i++) {
    json_free(v->items[i]);
    if (v->keys) free(v->keys[i]);
  }
  free(v->items);
  free(v->keys);
  free(v->key_lens);
  free(v->text);
  free(v);
}

const json_value* json_get(const json_value* obj, const char* key) {
  if (obj == NULL || obj->type != JSON_OBJECT) return NULL;
  size_t n = strlen(key);
  const json_value* found = NULL;
  for (size_t i = 0; i < obj->count; i++) {
    if (obj->key_lens[i] == n && memcmp(obj->keys[i], key, n) == 0) found = obj->items[i];
  }
  return found; /* the last duplicate wins, as in JSON.parse */
}

void json_write_string(strbuf* out, const char* s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  sb_append_char(out, '"');
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char* esc = NULL;
    char u[6];
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      case '\b': esc = "\\b"; break;
      case '\f': esc = "\\f"; break;
      default:
        if (c < 0x20) {
          u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[c >> 4], u[5] = hex[c & 15];
        } else {
          continue;
        }
    }
    sb_append(out, s + start, i - start);
    if (esc) sb_append_str(out, esc);
    else sb_append(out, u, 6);
    start = i + 1;
  }
  sb_append(out, s + start, len - start);
  sb_append_char(out, '"');
}

void json_write_value(strbuf* out, const json_value* v) {
  switch (v->type) {
    case JSON_NULL: sb_append_str(out, "null"); break;
    case JSON_BOOL: sb_append_str(out, v->boolean ? "true" : "false"); break;
    case JSON_NUMBER: sb_append(out, v->text, v->text_len); break;
    case JSON_STRING: json_write_string(out, v->text, v->text_len); break;
    case JSON_ARRAY:
      sb_append_char(out, '[');
      for (size_t i = 0; i < v->count; i++) {
        if (i) sb_append_char(out, ',');
        json_write_value(out, v->items[i]);
      }
      sb_append_char(out, ']');
      break;
    case JSON_OBJECT:
      sb_append_char(out, '{');
      for (size_t i = 0; i < v->count; i++) {
        if (i) sb_append_char(out, ',');
        json_write_string(out, v->keys[i], v->key_lens[i]);
        sb_append_char(out, ':');
        json_write_value(out, v->items[i]);
      }
      sb_append_char(out, '}');
      break;
  }
}

/* ---- JavaScript number formatting ---- */

void json_write_double(strbuf* out, double d) {
  if (d == 0 || !isfinite(d)) {
    sb_append_char(out, '0'); /* -0 prints as 0; JSON has no NaN or Infinity */
    return;
  }
  if (d < 0) {
    sb_append_char(out, '-');
    d = -d;
  }
  /* The shortest digit string that reads back as d: k digits, decimal exponent n with
   * d = 0.digits * 10^n (ECMA-262 Number::toString). */
  char buf[40];
  for (int precision = 1; precision <= 17; precision++) {
    snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (strtod(buf, NULL) == d) break;
  }
  char digits[20];
  int nd = 0;
  const char* p = buf;
  for (; *p && *p != 'e'; p++) {
    if (*p >= '0' && *p <= '9') digits[nd++] = *p;
  }
  while (nd > 1 && digits[nd - 1] == '0') nd--;
  int n = atoi(p + 1) + 1;
  if (nd <= n && n <= 21) {
    sb_append(out, digits, (size_t)nd);
    for (int i = nd; i < n; i++) sb_append_char(out, '0');
  } else if (0 < n && n <= 21) {
    sb_append(out, digits, (size_t)n);
    sb_append_char(out, '.');
    sb_append(out, digits + n, (size_t)(nd - n));
  } else if (-6 < n && n <= 0) {
    sb_append_str(out, "0.");
    for (int i = 0; i < -n; i++) sb_append_char(out, '0');
    sb_append(out, digits, (size_t)nd);
  } else {
    sb_append_char(out, digits[0]);
    if (nd > 1) {
      sb_append_char(out, '.');
      sb_append(out, digits + 1, (size_t)(nd - 1));
    }
    sb_appendf(out, "e%c%d", n - 1 >= 0 ? '+' : '-', abs(n - 1));
  }
}

/* ---- building values ---- */

json_value* json_new_null(void) { return new_value(JSON_NULL); }

json_value* json_new_bool(bool b) {
  json_value* v = new_value(JSON_BOOL);
  v->boolean = b;
  return v;
}

json_value* json_new_number(double d) {
  json_value* v = new_value(JSON_NUMBER);
  v->number = d == 0 ? 0 : d;
  strbuf text;
  sb_init(&text);
  json_write_double(&text, v->number);
  v->text = text.data;
  v->text_len = text.len;
  return v;
}

json_value* json_new_string(const char* s, size_t len) {
  json_value* v = new_value(JSON_STRING);
  v->text = xmemdup(s, len);
  v->text_len = len;
  return v;
}

json_value* json_new_array(void) { return new_value(JSON_ARRAY); }

json_value* json_new_object(void) { return new_value(JSON_OBJECT); }

static void push_item(json_value* v, json_value* item, char* key, size_t key_len) {
  v->items = xrealloc(v->items, (v->count + 1) * sizeof *v->items);
  if (v->type == JSON_OBJECT) {
    v->keys = xrealloc(v->keys, (v->count + 1) * sizeof *v->keys);
    v->key_lens = xrealloc(v->key_lens, (v->count + 1) * sizeof *v->key_lens);
    v->keys[v->count] = key;
    v->key_lens[v->count] = key_len;
  }
  v->items[v->count++] = item;
}

void json_array_push(json_value* array, json_value* item) { push_item(array, item, NULL, 0); }

void json_object_set(json_value* object, const char* key, size_t key_len, json_value* value) {
  for (size_t i = 0; i < object->count; i++) {
    if (object->key_lens[i] == key_len && memcmp(object->keys[i], key, key_len) == 0) {
      json_free(object->items[i]);
      object->items[i] = value;
      return;
    }
  }
  push_item(object, value, xmemdup(key, key_len), key_len);
}

json_value* json_clone(const json_value* v) {
  switch (v->type) {
    case JSON_NULL: return json_new_null();
    case JSON_BOOL: return json_new_bool(v->boolean);
    case JSON_NUMBER: return json_new_number(v->number);
    case JSON_STRING: return json_new_string(v->text, v->text_len);
    case JSON_ARRAY: {
      json_value* a = json_new_array();
      for (size_t i = 0; i < v->count; i++) json_array_push(a, json_clone(v->items[i]));
      return a;
    }
    case JSON_OBJECT: {
      json_value* o = json_new_object();
      for (size_t i = 0; i < v->count; i++) json_object_set(o, v->keys[i], v->key_lens[i], json_clone(v->items[i]));
      return o;
    }
  }
  return json_new_null();
}
