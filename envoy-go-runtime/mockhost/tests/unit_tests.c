/* Unit tests of the host's building blocks. argv[1] is testdata/configs, whose .pb files
 * come from the official protobuf-go encoder (testdata/protofixtures). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/headers.h"
#include "../src/host.h"
#include "../src/json.h"
#include "../src/metrics.h"
#include "../src/pb.h"
#include "../src/stream_data.h"
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

static void expect_number(double d, const char* want) {
  strbuf out;
  sb_init(&out);
  json_write_double(&out, d);
  if (!sb_equals(&out, want)) {
    fprintf(stderr, "number %.17g: got %s, want %s\n", d, out.data, want);
    failures++;
  }
  sb_free(&out);
}

/* JavaScript's Number.prototype.toString, which the TypeScript host's JSON uses. */
static void test_js_numbers(void) {
  expect_number(0, "0");
  expect_number(-0.0, "0");
  expect_number(1.5, "1.5");
  expect_number(-2.5, "-2.5");
  expect_number(100, "100");
  expect_number(0.1, "0.1");
  expect_number(0.1 + 0.2, "0.30000000000000004");
  expect_number(1e20, "100000000000000000000");
  expect_number(1e21, "1e+21");
  expect_number(123456789012345680000.0, "123456789012345680000");
  expect_number(0.000001, "0.000001");
  expect_number(1e-7, "1e-7");
  expect_number(1.5e-7, "1.5e-7");
  expect_number(5e-324, "5e-324");
  expect_number(1.7976931348623157e308, "1.7976931348623157e+308");
  expect_number(9007199254740993.0, "9007199254740992");
}

static void expect_value_round_trip(const char* json, const char* want) {
  char err[128];
  json_value* v = parse(json, err);
  strbuf pb, out;
  sb_init(&pb);
  sb_init(&out);
  pb_json_value(&pb, v);
  json_value* back = pb_value_to_json(pb.data, pb.len);
  CHECK(back != NULL);
  if (back) json_write_value(&out, back);
  if (!sb_equals(&out, want)) {
    fprintf(stderr, "value %s: read back %s, want %s\n", json, out.data ? out.data : "(null)", want);
    failures++;
  }
  json_free(v);
  json_free(back);
  sb_free(&pb);
  sb_free(&out);
}

static void test_pb_values(void) {
  expect_value_round_trip("\"s\"", "\"s\"");
  expect_value_round_trip("1.50", "1.5");
  expect_value_round_trip("true", "true");
  expect_value_round_trip("null", "null");
  expect_value_round_trip("{\"a\":[1,\"x\",{\"b\":null}],\"c\":{}}", "{\"a\":[1,\"x\",{\"b\":null}],\"c\":{}}");
  /* the last member of the oneof wins; unknown fields are skipped */
  static const char two[] = {0x1a, 0x01, 'a', 0x20, 0x01, 0x38, 0x05};
  json_value* v = pb_value_to_json(two, sizeof two);
  CHECK(v && v->type == JSON_BOOL && v->boolean);
  json_free(v);
  static const char truncated[] = {0x1a, 0x05, 'a'};
  CHECK(pb_value_to_json(truncated, sizeof truncated) == NULL);
  static const char group[] = {0x0b};
  CHECK(pb_value_to_json(group, sizeof group) == NULL);
}

static void test_metrics(void) {
  metric_table a, b;
  metric_table_init(&a);
  metric_table_init(&b);
  uint32_t c1 = 0, c2 = 0, g = 0, h = 0, bad = 0;
  CHECK(metric_define(&a, METRIC_COUNTER, "hits", 4, &c1) == CAPIOK && c1 == 4);
  CHECK(metric_define(&a, METRIC_GAUGE, "level", 5, &g) == CAPIOK && g == 5);
  CHECK(metric_define(&a, METRIC_HISTOGRAM, "sizes", 5, &h) == CAPIOK && h == 6);
  CHECK(metric_define(&a, 3, "x", 1, &bad) == CAPIValueNotFound && bad == 0);
  /* another config naming the same stat shares it, with ids of its own */
  CHECK(metric_define(&b, METRIC_COUNTER, "hits", 4, &c2) == CAPIOK && c2 == 4);
  metric_increment(&a, c1, 2);
  metric_increment(&a, c1, -7); /* a counter ignores what is not positive */
  metric_record(&b, c2, 3);     /* recording into a counter adds */
  metric_increment(&a, g, 5);
  metric_increment(&a, g, -2);
  metric_record(&a, h, 9);
  metric_record(&a, h, 1);
  metric_increment(&a, 99, 1); /* unknown ids are ignored */
  uint64_t v = 42;
  metric_get(&a, c1, &v);
  CHECK(v == 5);
  metric_get(&a, g, &v);
  CHECK(v == 3);
  v = 42;
  metric_get(&a, h, &v);
  CHECK(v == 42); /* a histogram has no value to give */
  strbuf out;
  sb_init(&out);
  CHECK(metrics_write_json(&out));
  CHECK(sb_equals(&out, "{\"counters\":{\"hits\":5},\"gauges\":{\"level\":3},\"histograms\":{\"sizes\":[9,1]}}"));
  sb_free(&out);
  metrics_free_all();
  sb_init(&out);
  CHECK(!metrics_write_json(&out) && out.len == 0);
  sb_free(&out);
  metric_table_free(&a);
  metric_table_free(&b);
}

static void test_ip_authority(void) {
  /* Text after the last colon that reads as a port is split off first: "fe80::1" is the
   * host "fe80:" with port 1, not an address. */
  const char* yes[] = {"1.2.3.4", "1.2.3.4:80", "1.2.3.4: +80 ", "[::1]", "[::1]:8443", "::ab", "[fe80::1]:0"};
  const char* no[] = {"", "host", "host:80", "::1", "fe80::1", "1.2.3.4:65536", "01.2.3.4", "1.2.3", "[::1]:x", "[fe80::1%eth0]", "[1.2.3.4]:80:1"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
    if (!is_ip_authority(yes[i], strlen(yes[i]))) {
      fprintf(stderr, "%s should be an IP authority\n", yes[i]);
      failures++;
    }
  }
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
    if (is_ip_authority(no[i], strlen(no[i]))) {
      fprintf(stderr, "%s should not be an IP authority\n", no[i]);
      failures++;
    }
  }
}

static void expect_sd_error(const char* op, const char* want) {
  char err[256] = "";
  json_value* v = parse(op, err);
  string_map none = {0};
  stream_data d;
  bool ok = sd_init(&d, v, &none, 2, err, sizeof err);
  sd_free(&d);
  json_free(v);
  if (ok || strcmp(err, want) != 0) {
    fprintf(stderr, "%s: got \"%s\", want \"%s\"\n", op, ok ? "(ok)" : err, want);
    failures++;
  }
}

static void test_stream_data(void) {
  char err[256];
  string_map secrets = {0};
  json_value* cfg = parse("{\"token\":\"t\"}", err);
  CHECK(string_map_read(&secrets, cfg, "secrets", err, sizeof err));
  json_free(cfg);
  json_value* op = parse("{\"streamInfo\":{\"routeName\":\"r\",\"virtualClusterName\":\"vc\",\"workerId\":1},"
                         "\"properties\":{\"p\":\"v\"},\"metadata\":{\"ns\":{\"n\":1.0}}}", err);
  stream_data d;
  CHECK(sd_init(&d, op, &secrets, 2, err, sizeof err));
  json_free(op);
  strbuf scratch;
  sb_init(&scratch);
  uint64_t data = 0, n = 0;
  int len = 0;
  CHECK(sd_get_string_value(&d, 1, &scratch, &data, &len) == CAPIOK && len == 1 && memcmp((char*)(uintptr_t)data, "r", 1) == 0);
  /* upstream values wait for the router; an unknown id is Envoy's crash */
  CHECK(sd_get_string_value(&d, 12, &scratch, &data, &len) == CAPIValueNotFound);
  CHECK(sd_get_integer_value(&d, 6, &n) == CAPIValueNotFound);
  sd_upstream_reached(&d);
  CHECK(sd_get_string_value(&d, 12, &scratch, &data, &len) == CAPIOK && len == 2);
  CHECK(sd_get_integer_value(&d, 6, &n) == CAPIOK && n == 1);
  CHECK(sd_get_integer_value(&d, 3, &n) == CAPIOK && n == 1);
  CHECK(sd_get_string_value(&d, 42, &scratch, &data, &len) == CAPIInternalFailure);
  CHECK(sd_get_integer_value(&d, 100, &n) == CAPIOK && n == 0);
  CHECK(d.worker_id == 1);
  len = 0;
  sd_get_secret(&d, "token", 5, &scratch, &data, &len);
  CHECK(len == 1);
  sd_get_secret(&d, "none", 4, &scratch, &data, &len);
  CHECK(len == -1);
  /* an empty string object is told apart from none by its pointer */
  sd_set_filter_state(&d, "e", 1, "", 0, 1, 0);
  data = 0;
  sd_get_filter_state(&d, "e", 1, &scratch, &data, &len);
  CHECK(data != 0 && len == 0);
  sd_set_filter_state(&d, "e", 1, "x", 1, 2, 0); /* another life span: ignored */
  static const char value[] = {0x10 | 0x01, 0, 0, 0, 0, 0, 0, 0x04, 0x40}; /* number 2.5 */
  CHECK(sd_set_metadata(&d, "ns", 2, "m", 1, value, sizeof value));
  CHECK(!sd_set_metadata(&d, "ns", 2, "bad", 3, "\x1a\x09", 2));
  sd_route_cache(&d, false);
  sd_set_drain(&d);
  strbuf out;
  sb_init(&out);
  sd_write_result(&d, &out);
  CHECK(sb_equals(&out, ",\"metadata\":{\"ns\":{\"n\":1,\"m\":2.5}},\"filterState\":{\"e\":{\"value\":\"\",\"lifeSpan\":1,"
                        "\"streamSharing\":0}},\"routeCache\":[\"clear\"],\"drainConnection\":true"));
  sb_free(&out);
  sb_free(&scratch);
  sd_free(&d);
  string_map_free(&secrets);

  expect_sd_error("{\"streamInfo\":[]}", "streamInfo must be an object");
  expect_sd_error("{\"streamInfo\":{\"workerId\":2}}", "streamInfo.workerId must be an integer in 0..1");
  expect_sd_error("{\"streamInfo\":{\"attemptCount\":1.5}}", "streamInfo.attemptCount must be an integer in 1..4294967295");
  expect_sd_error("{\"streamInfo\":{\"upstreamLocalAddress\":1}}", "streamInfo.upstreamLocalAddress must be a string or null");
  expect_sd_error("{\"secrets\":{\"a\":null}}", "secrets must be an object of strings");
  expect_sd_error("{\"filterState\":{\"k\":{\"value\":\"v\",\"streamSharing\":5}}}", "filterState[\"k\"].streamSharing must be 0, 1 or 2");
}

static void test_registry(void) {
  enum { N = 1000 };
  request_internal* reqs[N];
  for (int i = 0; i < N; i++) {
    reqs[i] = xcalloc(1, sizeof *reqs[i]);
    requests_register(reqs[i]);
  }
  CHECK(requests_unfinalized() == N);
  registry_lock();
  int found = 0;
  for (int i = 0; i < N; i++) {
    request_internal* r = reqs[i];
    found += requests_find(r) == r && states_find(&r->decoding) == &r->decoding &&
             states_find(&r->encoding) == &r->encoding;
  }
  CHECK(found == N);
  /* pointers into an object, or to something else, are not states */
  int local = 0;
  CHECK(states_find((char*)&reqs[0]->decoding + 1) == NULL);
  CHECK(states_find(&local) == NULL && requests_find(&local) == NULL && requests_find(NULL) == NULL);
  /* a finalized request whose filter is gone is freed; one a task holds waits */
  reqs[0]->finalized = true;
  request_maybe_free(reqs[0]);
  reqs[1]->finalized = true;
  reqs[1]->refs = 1;
  request_maybe_free(reqs[1]);
  CHECK(requests_find(reqs[0]) == NULL && requests_find(reqs[1]) == reqs[1]);
  reqs[1]->refs = 0;
  registry_unlock();
  CHECK(requests_unfinalized() == N - 2);
  requests_free_all();
  CHECK(requests_unfinalized() == 0);
}

typedef struct {
  pthread_t thread;
  bool current;
  bool envoy;
} where_ran;

static void record_thread(void* arg) {
  where_ran* w = arg;
  w->thread = pthread_self();
  w->envoy = on_envoy_thread();
}

static void test_workers(void) {
  CHECK(!on_envoy_thread()); /* a thread of no one's, like Go's */
  worker* a = worker_get(0);
  worker* b = worker_get(5);
  CHECK(a != b && worker_get(0) == a && a->id == 0 && b->id == 5);
  where_ran ra = {0}, rb = {0}, ra2 = {0};
  worker_start(a, record_thread, &ra);
  worker_start(b, record_thread, &rb);
  worker_wait(a);
  worker_wait(b);
  worker_start(a, record_thread, &ra2);
  worker_wait(a);
  /* each worker is a thread of its own, the same one every time */
  CHECK(!pthread_equal(ra.thread, rb.thread) && !pthread_equal(ra.thread, pthread_self()));
  CHECK(pthread_equal(ra.thread, ra2.thread));
  CHECK(ra.envoy && rb.envoy && !worker_is_current(a));
  workers_stop();
  main_thread_mark();
  CHECK(on_envoy_thread());
}

static void test_log_counting(void) {
  log_count_start();
  log_capture(LOG_INFO, "a", 1);
  log_capture(LOG_INFO, "b", 1);
  log_capture(LOG_ERROR, "bad \"one\"", 9);
  for (int i = 0; i < LOG_ERRORS_KEPT + 3; i++) log_capture(LOG_CRITICAL, "worse", 5);
  uint64_t counts[6];
  strbuf errors;
  sb_init(&errors);
  CHECK(log_count_stop(counts, &errors) == LOG_ERRORS_KEPT);
  CHECK(counts[LOG_INFO] == 2 && counts[LOG_ERROR] == 1 && counts[LOG_CRITICAL] == LOG_ERRORS_KEPT + 3 &&
        counts[LOG_TRACE] == 0);
  CHECK(strncmp(errors.data, "\"bad \\\"one\\\"\",\"worse\",", 19) == 0);
  sb_clear(&errors);
  /* afterwards lines are kept again, and nothing counted shows up */
  log_capture(LOG_WARN, "w", 1);
  CHECK(log_take(&errors) == 1 && sb_equals(&errors, "{\"level\":\"warn\",\"message\":\"w\"}"));
  sb_free(&errors);
  free(log_last_error());
  capture_free();
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
  test_js_numbers();
  test_pb_values();
  test_metrics();
  test_ip_authority();
  test_stream_data();
  test_registry();
  test_workers();
  test_log_counting();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("unit tests passed\n");
  return 0;
}
