/* Unit tests of the host's building blocks. argv[1] is testdata/configs, whose .pb files
 * come from the official protobuf-go encoder (testdata/protofixtures). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/headers.h"
#include "../src/json.h"
#include "../src/pb.h"
#include "../src/util.h"

static int failures;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                     \
    }                                                                 \
  } while (0)

static bool sb_equals(const strbuf* sb, const char* want) {
  size_t n = strlen(want);
  return sb->len == n && (n == 0 || memcmp(sb->data, want, n) == 0);
}

static void test_base64(void) {
  /* RFC 4648 section 10 test vectors */
  const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
  const char* coded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
  for (int i = 0; i < 7; i++) {
    strbuf e, d;
    sb_init(&e);
    sb_init(&d);
    base64_encode(&e, plain[i], strlen(plain[i]));
    CHECK(sb_equals(&e, coded[i]));
    CHECK(base64_decode(&d, coded[i], strlen(coded[i])));
    CHECK(sb_equals(&d, plain[i]));
    sb_free(&e);
    sb_free(&d);
  }
  strbuf d;
  sb_init(&d);
  CHECK(!base64_decode(&d, "Zm9v!", 5));
  CHECK(!base64_decode(&d, "Z", 1));
  sb_free(&d);
}

static void test_utf8(void) {
  CHECK(utf8_valid("", 0));
  CHECK(utf8_valid("plain", 5));
  CHECK(utf8_valid("\xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80", 9)); /* ä € 😀 */
  CHECK(!utf8_valid("\xFF", 1));
  CHECK(!utf8_valid("\xC3", 1));             /* truncated */
  CHECK(!utf8_valid("\xC0\xAF", 2));         /* overlong '/' */
  CHECK(!utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
  CHECK(!utf8_valid("\xF4\x90\x80\x80", 4)); /* past U+10FFFF */
}

static void test_strbuf(void) {
  strbuf sb;
  sb_init(&sb);
  sb_append_str(&sb, "world");
  sb_prepend(&sb, "hello ", 6);
  CHECK(sb_equals(&sb, "hello world"));
  sb_drain(&sb, 6);
  CHECK(sb_equals(&sb, "world"));
  sb_drain(&sb, 99);
  CHECK(sb.len == 0);
  sb_appendf(&sb, "%d-%s", 42, "x");
  CHECK(sb_equals(&sb, "42-x"));
  sb_free(&sb);
}

static json_value* parse(const char* text, char* err) {
  return json_parse(text, strlen(text), err, 128);
}

static void expect_json_error(const char* text, const char* want) {
  char err[128] = "";
  json_value* v = parse(text, err);
  CHECK(v == NULL);
  if (strcmp(err, want) != 0) {
    fprintf(stderr, "json error for %s: got \"%s\", want \"%s\"\n", text, err, want);
    failures++;
  }
  json_free(v);
}

static void test_json(void) {
  char err[128];
  const char* doc = "{\"s\":\"a\\\"b\\\\c\\n\\u00e4\\ud83d\\ude00\\u0001\",\"n\":[1.50,-0,1e21,18446744073709551615],"
                    "\"b\":true,\"z\":null,\"o\":{},\"dup\":1,\"dup\":2}";
  json_value* v = parse(doc, err);
  CHECK(v != NULL);
  if (v == NULL) return;
  const json_value* s = json_get(v, "s");
  CHECK(s && s->type == JSON_STRING && s->text_len == 13);
  CHECK(s && memcmp(s->text, "a\"b\\c\n\xC3\xA4\xF0\x9F\x98\x80\x01", 13) == 0);
  const json_value* n = json_get(v, "n");
  CHECK(n && n->count == 4 && n->items[0]->number == 1.5);
  CHECK(n && strcmp(n->items[3]->text, "18446744073709551615") == 0);
  CHECK(json_get(v, "dup")->number == 2); /* the last duplicate wins */
  CHECK(json_get(v, "missing") == NULL);
  strbuf out;
  sb_init(&out);
  json_write_value(&out, v);
  /* numbers keep their text; strings are re-escaped the way JSON.stringify does */
  CHECK(sb_equals(&out, "{\"s\":\"a\\\"b\\\\c\\n\xC3\xA4\xF0\x9F\x98\x80\\u0001\",\"n\":[1.50,-0,1e21,18446744073709551615],"
                        "\"b\":true,\"z\":null,\"o\":{},\"dup\":1,\"dup\":2}"));
  sb_free(&out);
  json_free(v);

  expect_json_error("", "unexpected end of input at offset 0");
  expect_json_error("{\"a\":}", "unexpected character at offset 5");
  expect_json_error("[1,]", "unexpected character at offset 3");
  expect_json_error("01", "trailing characters at offset 1");
  expect_json_error("1.", "invalid number at offset 2");
  expect_json_error("\"\\ud800\"", "lone surrogate in \\u escape at offset 7");
  expect_json_error("\"a\nb\"", "control character in string at offset 2");
  expect_json_error("\"\xFF\"", "string is not valid UTF-8 at offset 3");
  expect_json_error("{\"a\" 1}", "expected ':' at offset 5");
  expect_json_error("nul", "invalid literal at offset 0");
  char deep[600];
  memset(deep, '[', 300);
  memset(deep + 300, ']', 300);
  deep[599] = '\0';
  char e2[128] = "";
  json_value* d = json_parse(deep, 600 - 1, e2, sizeof e2);
  CHECK(d == NULL && strstr(e2, "nesting too deep") != NULL);
  json_free(d);
}

static bool read_file(const char* dir, const char* name, strbuf* out) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE* f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    return false;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_append(out, buf, n);
  fclose(f);
  return true;
}

static void expect_bytes(const strbuf* got, const strbuf* want, const char* what) {
  if (got->len != want->len || memcmp(got->data, want->data, got->len) != 0) {
    fprintf(stderr, "%s: %zu bytes differ from the %zu-byte fixture\n", what, got->len, want->len);
    failures++;
  }
}

static void test_pb(const char* fixtures) {
  strbuf v;
  sb_init(&v);
  pb_varint(&v, 300);
  CHECK(v.len == 2 && (unsigned char)v.data[0] == 0xAC && v.data[1] == 0x02);
  sb_clear(&v);
  pb_varint(&v, UINT64_MAX);
  CHECK(v.len == 10);
  sb_free(&v);

  char err[128];
  const char* sample = "{\"zeta\":\"last \\\"quoted\\\"\\n\",\"alpha\":1.5,\"list\":[true,null,-3,{}],\"nested\":{\"x\":1e21}}";
  json_value* j = parse(sample, err);
  strbuf got, want;
  sb_init(&got);
  sb_init(&want);
  pb_any_typed_struct(&got, j);
  if (read_file(fixtures, "mockhost_typed_struct.pb", &want)) expect_bytes(&got, &want, "typed struct");
  json_free(j);

  sb_clear(&got);
  sb_clear(&want);
  json_value empty = {.type = JSON_OBJECT};
  pb_any_typed_struct(&got, &empty);
  if (read_file(fixtures, "mockhost_empty_object.pb", &want)) expect_bytes(&got, &want, "empty object");

  sb_clear(&got);
  sb_clear(&want);
  const char* text = "{\"requiredHeader\": 7}";
  pb_any_string_value(&got, text, strlen(text));
  if (read_file(fixtures, "string_value.pb", &want)) expect_bytes(&got, &want, "string value");
  sb_free(&got);
  sb_free(&want);
}

static void expect_headers(const header_map* m, const char* want) {
  strbuf out;
  sb_init(&out);
  hm_write_json(&out, m, false);
  if (!sb_equals(&out, want)) {
    fprintf(stderr, "headers: got %s\n         want %s\n", out.data, want);
    failures++;
  }
  sb_free(&out);
}

static void test_headers(void) {
  header_map m;
  hm_init(&m);
  hm_add(&m, ":method", 7, "GET", 3);
  hm_add(&m, "X-A", 3, "1", 1);
  hm_add(&m, ":path", 5, "/", 1);
  hm_add(&m, "x-a", 3, "2", 1);
  expect_headers(&m, "[[\":method\",\"GET\"],[\":path\",\"/\"],[\"x-a\",\"1\"],[\"x-a\",\"2\"]]");
  CHECK(hm_byte_size(&m) == 7 + 3 + 5 + 1 + 3 + 1 + 3 + 1);
  CHECK(hm_get(&m, "X-a", 3) != NULL && hm_get(&m, "X-a", 3)->value[0] == '1');
  hm_set(&m, "x-a", 3, "3", 1);
  hm_set(&m, ":method", 7, "POST", 4);
  expect_headers(&m, "[[\":path\",\"/\"],[\":method\",\"POST\"],[\"x-a\",\"3\"]]");
  hm_add(&m, "content-length", 14, "1", 1);
  hm_add(&m, "z", 1, "9", 1);
  hm_add(&m, "content-length", 14, "2", 1);
  hm_set_inline(&m, "content-length", "5", 1);
  expect_headers(&m, "[[\":path\",\"/\"],[\":method\",\"POST\"],[\"x-a\",\"3\"],[\"content-length\",\"5\"],[\"z\",\"9\"]]");
  CHECK(hm_remove(&m, "Z", 1) == 1 && hm_remove(&m, "absent", 6) == 0);
  hm_set_inline(&m, "content-type", "t", 1);
  expect_headers(&m, "[[\":path\",\"/\"],[\":method\",\"POST\"],[\"x-a\",\"3\"],[\"content-length\",\"5\"],[\"content-type\",\"t\"]]");
  strbuf lossy;
  sb_init(&lossy);
  json_write_text_lossy(&lossy, "a\xFF" "b", 3);
  CHECK(sb_equals(&lossy, "\"a\xEF\xBF\xBD" "b\""));
  sb_free(&lossy);
  hm_free(&m);

  char err[128];
  header_map r;
  hm_init(&r);
  json_value* bad = parse("[[\"a\",1]]", err);
  CHECK(!hm_read_json(&r, bad, err, sizeof err) && strcmp(err, "header 0 is not a [name, value] pair of strings") == 0);
  json_free(bad);
  json_value* empty_name = parse("[[\"\",\"v\"]]", err);
  CHECK(!hm_read_json(&r, empty_name, err, sizeof err) && strcmp(err, "header 0 has an empty name") == 0);
  json_free(empty_name);
  hm_free(&r);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: unit-tests <testdata/configs>\n");
    return 2;
  }
  test_base64();
  test_utf8();
  test_strbuf();
  test_json();
  test_pb(argv[1]);
  test_headers();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("unit tests passed\n");
  return 0;
}
