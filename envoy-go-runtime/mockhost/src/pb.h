/* Protobuf wire writing, and the google.protobuf.Any payloads Envoy hands a golang
 * filter as plugin_config. */
#ifndef MOCKHOST_PB_H
#define MOCKHOST_PB_H

#include <stdbool.h>
#include <stdint.h>

#include "json.h"
#include "util.h"

#define PB_VARINT 0
#define PB_FIXED64 1
#define PB_BYTES 2

void pb_varint(strbuf* out, uint64_t v);
void pb_tag(strbuf* out, uint32_t field, int wire_type);
void pb_bytes_field(strbuf* out, uint32_t field, const void* data, size_t len);
void pb_varint_field(strbuf* out, uint32_t field, uint64_t v);
void pb_double_field(strbuf* out, uint32_t field, double v);

/* google.protobuf.Value / Struct / ListValue from JSON; object members keep their order. */
void pb_json_value(strbuf* out, const json_value* v);
void pb_json_struct(strbuf* out, const json_value* object);

/* Reads a serialized google.protobuf.Value into JSON (numbers in their JavaScript form);
 * NULL when it does not parse. A Value with no kind set reads as null. */
json_value* pb_value_to_json(const char* data, size_t len);
/* The same for a serialized google.protobuf.Struct (an object). */
json_value* pb_struct_to_json(const char* data, size_t len);

/* Any{xds.type.v3.TypedStruct{value: Struct}}; object must be a JSON object. */
void pb_any_typed_struct(strbuf* out, const json_value* object);
/* Any{google.protobuf.StringValue{value: text}}. */
void pb_any_string_value(strbuf* out, const char* text, size_t len);

#endif
