#include "pb.h"

#include <string.h>

void pb_varint(strbuf* out, uint64_t v) {
  while (v >= 0x80) {
    sb_append_char(out, (char)(v | 0x80));
    v >>= 7;
  }
  sb_append_char(out, (char)v);
}

void pb_tag(strbuf* out, uint32_t field, int wire_type) {
  pb_varint(out, ((uint64_t)field << 3) | (uint64_t)wire_type);
}

void pb_bytes_field(strbuf* out, uint32_t field, const void* data, size_t len) {
  pb_tag(out, field, PB_BYTES);
  pb_varint(out, len);
  sb_append(out, data, len);
}

void pb_varint_field(strbuf* out, uint32_t field, uint64_t v) {
  pb_tag(out, field, PB_VARINT);
  pb_varint(out, v);
}

void pb_double_field(strbuf* out, uint32_t field, double v) {
  uint64_t bits;
  memcpy(&bits, &v, sizeof bits);
  pb_tag(out, field, PB_FIXED64);
  char b[8];
  for (int i = 0; i < 8; i++) b[i] = (char)(bits >> (8 * i));
  sb_append(out, b, 8);
}

/* A nested message is written to a scratch buffer first: its length prefixes it. */
static void message_field(strbuf* out, uint32_t field, const strbuf* msg) {
  pb_bytes_field(out, field, msg->data, msg->len);
}

/* google.protobuf.Value: 1 null_value, 2 number_value, 3 string_value, 4 bool_value,
 * 5 struct_value, 6 list_value. A oneof member is written even when it holds the
 * default value. */
void pb_json_value(strbuf* out, const json_value* v) {
  strbuf inner;
  sb_init(&inner);
  switch (v->type) {
    case JSON_NULL: pb_varint_field(out, 1, 0); break;
    case JSON_NUMBER: pb_double_field(out, 2, v->number); break;
    case JSON_STRING: pb_bytes_field(out, 3, v->text, v->text_len); break;
    case JSON_BOOL: pb_varint_field(out, 4, v->boolean ? 1 : 0); break;
    case JSON_OBJECT:
      pb_json_struct(&inner, v);
      message_field(out, 5, &inner);
      break;
    case JSON_ARRAY:
      for (size_t i = 0; i < v->count; i++) {
        strbuf item;
        sb_init(&item);
        pb_json_value(&item, v->items[i]);
        message_field(&inner, 1, &item);
        sb_free(&item);
      }
      message_field(out, 6, &inner);
      break;
  }
  sb_free(&inner);
}

/* google.protobuf.Struct: field 1 holds map entries {1: key, 2: Value}. */
void pb_json_struct(strbuf* out, const json_value* object) {
  for (size_t i = 0; i < object->count; i++) {
    strbuf entry, value;
    sb_init(&entry);
    sb_init(&value);
    pb_bytes_field(&entry, 1, object->keys[i], object->key_lens[i]);
    pb_json_value(&value, object->items[i]);
    message_field(&entry, 2, &value);
    message_field(out, 1, &entry);
    sb_free(&entry);
    sb_free(&value);
  }
  if (out->data == NULL) sb_append(out, "", 0);
}

static void any(strbuf* out, const char* type_url, const strbuf* value) {
  pb_bytes_field(out, 1, type_url, strlen(type_url));
  if (value->len > 0) message_field(out, 2, value);
}

void pb_any_typed_struct(strbuf* out, const json_value* object) {
  strbuf st, typed;
  sb_init(&st);
  sb_init(&typed);
  pb_json_struct(&st, object);
  message_field(&typed, 2, &st);
  any(out, "type.googleapis.com/xds.type.v3.TypedStruct", &typed);
  sb_free(&st);
  sb_free(&typed);
}

void pb_any_string_value(strbuf* out, const char* text, size_t len) {
  strbuf sv;
  sb_init(&sv);
  if (len > 0) pb_bytes_field(&sv, 1, text, len); /* proto3 omits an empty string */
  any(out, "type.googleapis.com/google.protobuf.StringValue", &sv);
  sb_free(&sv);
}

/* ---- reading ---- */

typedef struct {
  const unsigned char* p;
  size_t len;
  size_t pos;
} pb_reader;

static bool read_varint(pb_reader* r, uint64_t* out) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (r->pos >= r->len) return false;
    unsigned char b = r->p[r->pos++];
    v |= (uint64_t)(b & 0x7f) << shift;
    if (b < 0x80) {
      *out = v;
      return true;
    }
  }
  return false;
}

/* One field: its number, wire type, and varint / fixed64 bits or a byte range. */
typedef struct {
  uint32_t number;
  int wire_type;
  uint64_t bits;
  const char* data;
  size_t len;
} pb_field;

static bool read_field(pb_reader* r, pb_field* f) {
  uint64_t key;
  if (!read_varint(r, &key) || (key >> 3) == 0 || (key >> 3) > 0x1fffffff) return false;
  f->number = (uint32_t)(key >> 3);
  f->wire_type = (int)(key & 7);
  switch (f->wire_type) {
    case PB_VARINT: return read_varint(r, &f->bits);
    case PB_FIXED64:
      if (r->len - r->pos < 8) return false;
      f->bits = 0;
      for (int i = 7; i >= 0; i--) f->bits = f->bits << 8 | r->p[r->pos + (size_t)i];
      r->pos += 8;
      return true;
    case PB_BYTES: {
      uint64_t n;
      if (!read_varint(r, &n) || n > r->len - r->pos) return false;
      f->data = (const char*)r->p + r->pos;
      f->len = (size_t)n;
      r->pos += (size_t)n;
      return true;
    }
    case 5: /* fixed32 */
      if (r->len - r->pos < 4) return false;
      r->pos += 4;
      return true;
    default: return false; /* groups do not occur in these messages */
  }
}

static json_value* struct_to_json(const char* data, size_t len, int depth);

static json_value* value_to_json(const char* data, size_t len, int depth) {
  if (depth > 64) return NULL;
  pb_reader r = {(const unsigned char*)data, len, 0};
  json_value* v = json_new_null();
  pb_field f;
  while (r.pos < r.len) {
    if (!read_field(&r, &f)) {
      json_free(v);
      return NULL;
    }
    json_value* next = NULL;
    if (f.number == 1 && f.wire_type == PB_VARINT) {
      next = json_new_null();
    } else if (f.number == 2 && f.wire_type == PB_FIXED64) {
      double d;
      memcpy(&d, &f.bits, sizeof d);
      next = json_new_number(d);
    } else if (f.number == 3 && f.wire_type == PB_BYTES) {
      next = json_new_string(f.data, f.len);
    } else if (f.number == 4 && f.wire_type == PB_VARINT) {
      next = json_new_bool(f.bits != 0);
    } else if (f.number == 5 && f.wire_type == PB_BYTES) {
      next = struct_to_json(f.data, f.len, depth + 1);
    } else if (f.number == 6 && f.wire_type == PB_BYTES) {
      next = json_new_array();
      pb_reader lr = {(const unsigned char*)f.data, f.len, 0};
      pb_field item;
      while (next && lr.pos < lr.len) {
        json_value* element = NULL;
        if (!read_field(&lr, &item) || (item.number == 1 && item.wire_type == PB_BYTES &&
                                        (element = value_to_json(item.data, item.len, depth + 1)) == NULL)) {
          json_free(next);
          next = NULL;
          break;
        }
        if (element) json_array_push(next, element);
      }
    } else {
      continue; /* unknown fields are skipped */
    }
    if (next == NULL) {
      json_free(v);
      return NULL;
    }
    json_free(v); /* the last member of the oneof wins */
    v = next;
  }
  return v;
}

static json_value* struct_to_json(const char* data, size_t len, int depth) {
  json_value* o = json_new_object();
  pb_reader r = {(const unsigned char*)data, len, 0};
  pb_field f;
  while (r.pos < r.len) {
    if (!read_field(&r, &f)) goto bad;
    if (f.number != 1 || f.wire_type != PB_BYTES) continue;
    pb_reader er = {(const unsigned char*)f.data, f.len, 0};
    pb_field e;
    const char* key = "";
    size_t key_len = 0;
    json_value* value = NULL;
    while (er.pos < er.len) {
      if (!read_field(&er, &e)) {
        json_free(value);
        goto bad;
      }
      if (e.number == 1 && e.wire_type == PB_BYTES) {
        key = e.data;
        key_len = e.len;
      } else if (e.number == 2 && e.wire_type == PB_BYTES) {
        json_free(value);
        value = value_to_json(e.data, e.len, depth + 1);
        if (value == NULL) goto bad;
      }
    }
    json_object_set(o, key, key_len, value ? value : json_new_null());
  }
  return o;
bad:
  json_free(o);
  return NULL;
}

json_value* pb_value_to_json(const char* data, size_t len) { return value_to_json(data, len, 0); }

json_value* pb_struct_to_json(const char* data, size_t len) { return struct_to_json(data, len, 0); }
