/* A small JSON reader (into a tree) and writer for the host protocol. Object members
 * keep their order; numbers keep their literal text so integers of any size survive. */
#ifndef MOCKHOST_JSON_H
#define MOCKHOST_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value json_value;
struct json_value {
  json_type type;
  bool boolean;
  double number;
  char* text; /* JSON_STRING: the string (NUL-terminated, may hold NULs); JSON_NUMBER: literal */
  size_t text_len;
  size_t count; /* JSON_ARRAY / JSON_OBJECT */
  json_value** items;
  char** keys; /* JSON_OBJECT */
  size_t* key_lens;
};

/* Parses exactly one value (surrounding whitespace allowed). On error returns NULL and
 * writes a message with the byte offset into err. */
json_value* json_parse(const char* text, size_t len, char* err, size_t errlen);
void json_free(json_value* v);

/* The member named key, or NULL. */
const json_value* json_get(const json_value* obj, const char* key);

void json_write_string(strbuf* out, const char* s, size_t len);
void json_write_value(strbuf* out, const json_value* v);

/* Writes a finite number the way JavaScript's Number.prototype.toString does (shortest
 * round-trip digits, exponent from 1e21 and below 1e-6, "0" for -0), so numbers the host
 * writes compare equal to what the TypeScript host's JSON.stringify writes. */
void json_write_double(strbuf* out, double d);

/* Building values (for data the host keeps, such as dynamic metadata). */
json_value* json_new_null(void);
json_value* json_new_bool(bool b);
json_value* json_new_number(double d); /* text is the JavaScript form */
json_value* json_new_string(const char* s, size_t len);
json_value* json_new_array(void);
json_value* json_new_object(void);
void json_array_push(json_value* array, json_value* item); /* takes item */
/* Sets key: replaces the value in place when the key exists, else appends. Takes value. */
void json_object_set(json_value* object, const char* key, size_t key_len, json_value* value);
/* A deep copy; numbers are normalised to their JavaScript form. */
json_value* json_clone(const json_value* v);

#endif
