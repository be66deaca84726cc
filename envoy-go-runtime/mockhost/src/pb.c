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
