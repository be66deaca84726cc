#include "stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "headers.h"

/* Envoy's default stream idle timeout is 5 minutes; a test host wants to notice a stalled
 * stream sooner. */
#define DEFAULT_IDLE_TIMEOUT_MS 1000

typedef struct {
  header_map headers;
  strbuf* chunks;
  size_t chunk_count;
  bool has_trailers;
  header_map trailers;
} message_script;

/* FilterCallState: which call into the golang filter the filter manager is making. */
typedef enum {
  CALL_NONE,
  CALL_DECODE_HEADERS,
  CALL_DECODE_DATA,
  CALL_DECODE_TRAILERS,
  CALL_ENCODE_HEADERS,
  CALL_ENCODE_DATA,
  CALL_ENCODE_TRAILERS,
} call_state;

struct stream {
  worker* w; /* NULL until stream_bind */
  host_config* config;
  golang_filter* filter;
  stream_data data;
  bool data_ready;

  /* scripts */
  message_script client;
  size_t client_next; /* 0 headers, 1..n chunks, n+1 trailers */
  bool upstream_echo;
  int upstream_status;
  int upstream_delay_ms;
  message_script upstream;
  size_t upstream_next;
  char* reset_after;
  bool reset_pending;
  bool reset_done;
  int idle_timeout_ms;

  /* filter manager */
  header_map req_headers;
  bool req_has_trailers;
  header_map req_trailers;
  header_map* resp_headers; /* NULL until the response started */
  bool resp_has_trailers;
  header_map resp_trailers;
  bool dec_headers_continued, enc_headers_continued;
  bool observed_decode_end, observed_encode_end;
  bool is_head, is_grpc;
  call_state call;
  /* The golang filter stopped iteration (and not continued since), per direction. */
  bool dec_stopped, enc_stopped;
  /* The filter manager's buffered data of the golang filter (bufferedData()): what the
   * filter added with addDecodedData / addEncodedData, sent on when it continues. */
  bool dec_has_buffered, enc_has_buffered;
  strbuf dec_buffered, enc_buffered;

  /* router and upstream */
  bool up_reached;
  header_map up_headers;
  strbuf up_body;
  bool up_has_trailers;
  header_map up_trailers;
  bool up_request_complete;
  long long up_request_complete_ms; /* when it became complete (the delay counts from it) */
  bool up_response_started;

  /* client */
  bool client_got_headers;
  header_map client_headers;
  strbuf client_body;
  bool client_has_trailers;
  header_map client_trailers;

  /* the local reply the filter asked for */
  bool lr_recorded;
  int lr_status;
  strbuf lr_body;
  header_map lr_headers;
  strbuf lr_details;

  bool ended;
  const char* reset; /* NULL, "client" or "local" */
  strbuf trace;
  size_t trace_count;
};

/* ---- parsing the request op ---- */

static bool read_body(message_script* m, const json_value* obj, char* err, size_t errlen) {
  const json_value* body = json_get(obj, "body");
  const json_value* b64 = json_get(obj, "bodyBase64");
  const json_value* chunks = json_get(obj, "chunks");
  if ((body != NULL) + (b64 != NULL) + (chunks != NULL) > 1) {
    snprintf(err, errlen, "give only one of body, bodyBase64 and chunks");
    return false;
  }
  if (body || b64) {
    const json_value* v = body ? body : b64;
    if (v->type != JSON_STRING) {
      snprintf(err, errlen, "%s must be a string", body ? "body" : "bodyBase64");
      return false;
    }
    m->chunks = xcalloc(1, sizeof *m->chunks);
    m->chunk_count = 1;
    sb_init(&m->chunks[0]);
    if (body) {
      sb_append(&m->chunks[0], v->text, v->text_len);
    } else if (!base64_decode(&m->chunks[0], v->text, v->text_len)) {
      snprintf(err, errlen, "bodyBase64 is not valid base64");
      return false;
    }
  } else if (chunks) {
    if (chunks->type != JSON_ARRAY) {
      snprintf(err, errlen, "chunks must be an array of strings");
      return false;
    }
    m->chunks = xcalloc(chunks->count ? chunks->count : 1, sizeof *m->chunks);
    for (size_t i = 0; i < chunks->count; i++) {
      sb_init(&m->chunks[i]);
      m->chunk_count = i + 1;
      if (chunks->items[i]->type != JSON_STRING) {
        snprintf(err, errlen, "chunks must be an array of strings");
        return false;
      }
      sb_append(&m->chunks[i], chunks->items[i]->text, chunks->items[i]->text_len);
    }
  }
  const json_value* trailers = json_get(obj, "trailers");
  if (trailers && trailers->type != JSON_NULL) {
    m->has_trailers = true;
    if (!hm_read_json(&m->trailers, trailers, err, errlen)) return false;
  }
  return true;
}

static bool read_message(message_script* m, const json_value* obj, const char* what, char* err,
                         size_t errlen) {
  if (obj->type != JSON_OBJECT) {
    snprintf(err, errlen, "%s must be an object", what);
    return false;
  }
  const json_value* headers = json_get(obj, "headers");
  if (headers && !hm_read_json(&m->headers, headers, err, errlen)) return false;
  return read_body(m, obj, err, errlen);
}

static void script_free(message_script* m) {
  hm_free(&m->headers);
  hm_free(&m->trailers);
  for (size_t i = 0; i < m->chunk_count; i++) sb_free(&m->chunks[i]);
  free(m->chunks);
}

stream* stream_new(host_config* config, uint32_t concurrency, const json_value* op, char* err, size_t errlen) {
  stream* s = xcalloc(1, sizeof *s);
  s->config = config;
  s->upstream_status = 200;
  s->idle_timeout_ms = DEFAULT_IDLE_TIMEOUT_MS;
  /* Every map and buffer starts zeroed, which is their empty state. */
  const json_value* request = json_get(op, "request");
  if (request && !read_message(&s->client, request, "request", err, errlen)) goto bad;
  const json_value* upstream = json_get(op, "upstream");
  if (upstream && upstream->type != JSON_NULL) {
    if (upstream->type != JSON_OBJECT) {
      snprintf(err, errlen, "upstream must be an object");
      goto bad;
    }
    const json_value* echo = json_get(upstream, "echo");
    s->upstream_echo = echo && echo->type == JSON_BOOL && echo->boolean;
    const json_value* status = json_get(upstream, "status");
    if (status) {
      if (status->type != JSON_NUMBER || status->number < 100 || status->number > 999 ||
          status->number != (int)status->number) {
        snprintf(err, errlen, "upstream.status must be an integer in 100..999");
        goto bad;
      }
      s->upstream_status = (int)status->number;
    }
    const json_value* delay = json_get(upstream, "delay");
    if (delay) {
      if (delay->type != JSON_NUMBER || delay->number < 0 || delay->number > 600000 ||
          delay->number != (int)delay->number) {
        snprintf(err, errlen, "upstream.delay must be an integer number of milliseconds in 0..600000");
        goto bad;
      }
      s->upstream_delay_ms = (int)delay->number;
    }
    if (!read_message(&s->upstream, upstream, "upstream", err, errlen)) goto bad;
  }
  const json_value* reset = json_get(op, "reset");
  if (reset && reset->type != JSON_NULL) {
    const json_value* after = json_get(reset, "after");
    if (after == NULL || after->type != JSON_STRING) {
      snprintf(err, errlen, "reset must be {\"after\": \"<hook name>\"}");
      goto bad;
    }
    s->reset_after = xmemdup(after->text, after->text_len);
  }
  const json_value* idle = json_get(op, "idleTimeoutMs");
  if (idle) {
    if (idle->type != JSON_NUMBER || idle->number < 1 || idle->number > 600000) {
      snprintf(err, errlen, "idleTimeoutMs must be a number in 1..600000");
      goto bad;
    }
    s->idle_timeout_ms = (int)idle->number;
  }
  s->data_ready = true;
  if (!sd_init(&s->data, op, &config->secrets, concurrency, err, errlen)) goto bad;
  hm_copy(&s->req_headers, &s->client.headers);
  return s;
bad:
  stream_free(s);
  return NULL;
}

uint32_t stream_worker_id(const stream* s) { return s->data.worker_id; }

void stream_bind(stream* s, worker* w) {
  s->w = w;
  s->data.worker_id = w->id;
  s->filter = gf_new(w, s, s->config, w->id);
}

void stream_free(stream* s) {
  if (s->filter) gf_release(s->filter);
  if (s->data_ready) sd_free(&s->data);
  sb_free(&s->dec_buffered);
  sb_free(&s->enc_buffered);
  script_free(&s->client);
  script_free(&s->upstream);
  free(s->reset_after);
  hm_free(&s->req_headers);
  hm_free(&s->req_trailers);
  if (s->resp_headers) {
    hm_free(s->resp_headers);
    free(s->resp_headers);
  }
  hm_free(&s->resp_trailers);
  hm_free(&s->up_headers);
  sb_free(&s->up_body);
  hm_free(&s->up_trailers);
  hm_free(&s->client_headers);
  sb_free(&s->client_body);
  hm_free(&s->client_trailers);
  sb_free(&s->lr_body);
  hm_free(&s->lr_headers);
  sb_free(&s->lr_details);
  sb_free(&s->trace);
  free(s);
}

/* ---- trace ---- */

void fm_trace(stream* s, const char* hook, int end_stream, const char* value, const char* value_key) {
  if (s->trace_count++) sb_append_char(&s->trace, ',');
  sb_append_str(&s->trace, "{\"hook\":");
  json_write_string(&s->trace, hook, strlen(hook));
  if (end_stream >= 0) sb_append_str(&s->trace, end_stream ? ",\"endStream\":true" : ",\"endStream\":false");
  if (value) {
    sb_append_char(&s->trace, ',');
    const char* key = value_key ? value_key : "status";
    json_write_string(&s->trace, key, strlen(key));
    sb_append_char(&s->trace, ':');
    json_write_string(&s->trace, value, strlen(value));
  }
  sb_append_char(&s->trace, '}');
}

void fm_after_hook(stream* s, const char* hook) {
  if (s->reset_after && !s->reset_done && strcmp(s->reset_after, hook) == 0) s->reset_pending = true;
}

/* ---- end of stream: ConnectionManagerImpl::doDeferredStreamDestroy ---- */

static void stream_end(stream* s, const char* reset) {
  if (s->ended) return;
  s->ended = true;
  s->reset = reset;
  gf_on_stream_complete(s->filter);
  gf_log(s->filter, FILTER_LOG_DOWNSTREAM_END);
  gf_on_destroy(s->filter);
}

/* ---- router: what reaches the upstream ---- */

static long long now_ms(void);

/* The upstream has the whole request: its response (after its delay) may start. */
static void request_complete(stream* s) {
  s->up_request_complete = true;
  s->up_request_complete_ms = now_ms();
}

static void router_headers(stream* s, bool end_stream) {
  if (s->dec_headers_continued) return;
  s->dec_headers_continued = true;
  s->up_reached = true;
  /* The router takes the request: attempt count, virtual cluster, upstream addresses. */
  sd_upstream_reached(&s->data);
  hm_copy(&s->up_headers, &s->req_headers);
  if (end_stream) request_complete(s);
}

static void router_data(stream* s, const strbuf* data, bool end_stream) {
  if (s->up_request_complete) return;
  router_headers(s, false);
  sb_append(&s->up_body, data->data, data->len);
  if (end_stream) request_complete(s);
}

static void router_trailers(stream* s) {
  if (s->up_request_complete) return;
  router_headers(s, false);
  s->up_has_trailers = true;
  hm_copy(&s->up_trailers, &s->req_trailers);
  request_complete(s);
}

/* ---- client: what leaves Envoy downstream ---- */

/* Utility::getResponseStatus reads :status with absl::SimpleAtoi: blanks around, an
 * optional '+', decimal digits; 0 when that does not parse. */
static uint64_t simple_atoi_status(const header_map* h) {
  const header* st = hm_get_str(h, ":status");
  if (st == NULL) return 0;
  const char* p = st->value;
  const char* end = st->value + st->value_len;
  while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
  if (p < end && *p == '+') p++;
  const char* digits = p;
  uint64_t v = 0;
  while (p < end && *p >= '0' && *p <= '9' && v < 100000000000ULL) v = v * 10 + (uint64_t)(*p++ - '0');
  if (p == digits) return 0;
  while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
  return p == end ? v : 0;
}

static void client_headers(stream* s, bool end_stream) {
  if (s->enc_headers_continued) return;
  s->enc_headers_continued = true;
  s->client_got_headers = true;
  hm_copy(&s->client_headers, s->resp_headers);
  /* The connection manager records the response code as the headers reach the codec. */
  sd_set_response_code(&s->data, simple_atoi_status(s->resp_headers));
  if (end_stream) stream_end(s, NULL);
}

static void client_data(stream* s, const strbuf* data, bool end_stream) {
  if (s->ended) return;
  client_headers(s, false);
  sb_append(&s->client_body, data->data, data->len);
  if (end_stream) stream_end(s, NULL);
}

static void client_trailers(stream* s) {
  if (s->ended) return;
  client_headers(s, false);
  s->client_has_trailers = true;
  hm_copy(&s->client_trailers, &s->resp_trailers);
  stream_end(s, NULL);
}

/* ---- filter manager, decode path ---- */

header_map* fm_request_headers(stream* s) { return &s->req_headers; }
header_map* fm_response_headers(stream* s) { return s->resp_headers; }
header_map* fm_response_trailers(stream* s) { return s->resp_has_trailers ? &s->resp_trailers : NULL; }

static bool is_grpc_request(const header_map* h) {
  const header* ct = hm_get_str(h, "content-type");
  if (hm_get_str(h, ":path") == NULL || ct == NULL) return false;
  static const char grpc[] = "application/grpc";
  size_t n = sizeof grpc - 1;
  return ct->value_len >= n && memcmp(ct->value, grpc, n) == 0 &&
         (ct->value_len == n || ct->value[n] == '+');
}

stream_data* fm_data(stream* s) { return &s->data; }

/* Marks a call into the golang filter (the filter call state addData looks at); returns
 * the state to put back after it. */
static call_state enter_call(stream* s, call_state call) {
  call_state saved = s->call;
  s->call = call;
  return saved;
}

static void fm_decode_headers(stream* s, bool end_stream) {
  const header* method = hm_get_str(&s->req_headers, ":method");
  s->is_head = method && method->value_len == 4 && memcmp(method->value, "HEAD", 4) == 0;
  s->is_grpc = is_grpc_request(&s->req_headers);
  s->observed_decode_end = end_stream;
  call_state saved = enter_call(s, CALL_DECODE_HEADERS);
  bool done = gf_decode_headers(s->filter, &s->req_headers, end_stream);
  s->call = saved;
  if (!done) {
    s->dec_stopped = true;
    return;
  }
  /* A headers-only request to which the filter added a body: the headers go on without
   * the end of stream, the body ends it (continue_data_entry in decodeHeaders). */
  bool body_added = end_stream && s->dec_has_buffered;
  router_headers(s, end_stream && !body_added);
  if (body_added) {
    s->dec_stopped = true;
    fm_continue_decoding(s);
  }
}

static void fm_decode_data(stream* s, const strbuf* chunk, bool end_stream) {
  if (end_stream) s->observed_decode_end = true;
  strbuf data;
  sb_init(&data);
  sb_append(&data, chunk->data, chunk->len);
  call_state saved = enter_call(s, CALL_DECODE_DATA);
  bool done = gf_decode_data(s->filter, &data, end_stream);
  s->call = saved;
  if (done) {
    s->dec_stopped = false;
    router_data(s, &data, end_stream);
  } else {
    s->dec_stopped = true;
  }
  sb_free(&data);
}

static void fm_decode_trailers(stream* s) {
  s->req_has_trailers = true;
  hm_copy(&s->req_trailers, &s->client.trailers);
  call_state saved = enter_call(s, CALL_DECODE_TRAILERS);
  bool done = gf_decode_trailers(s->filter, &s->req_trailers);
  s->call = saved;
  if (done) {
    s->dec_stopped = false;
    router_trailers(s);
  } else {
    s->dec_stopped = true;
  }
}

/* ActiveStreamFilterBase::commonContinue for the decoder side: headers (unless they went
 * on already), the data the filter added, then the trailers. */
void fm_continue_decoding(stream* s) {
  if (s->ended) return;
  s->dec_stopped = false;
  router_headers(s, s->observed_decode_end && !s->dec_has_buffered && !s->req_has_trailers);
  bool had_trailers = s->req_has_trailers;
  if (s->dec_has_buffered) {
    strbuf data;
    sb_init(&data);
    sb_move(&data, &s->dec_buffered);
    s->dec_has_buffered = false;
    router_data(s, &data, s->observed_decode_end && !had_trailers);
    sb_free(&data);
  }
  if (had_trailers) router_trailers(s);
}

/* injectDecodedDataToFilterChain: with ext_proc_inject_data_with_state_update (on by
 * default) the filter manager's observed end of stream becomes the injected frame's. */
void fm_inject_decoded(stream* s, strbuf* data, bool end_stream) {
  if (s->ended) return;
  s->observed_decode_end = end_stream;
  router_data(s, data, end_stream);
}

/* ---- filter manager, encode path ---- */

static void fm_encode_headers(stream* s, bool end_stream) {
  s->observed_encode_end = end_stream;
  call_state saved = enter_call(s, CALL_ENCODE_HEADERS);
  bool done = gf_encode_headers(s->filter, s->resp_headers, end_stream);
  s->call = saved;
  if (!done) {
    s->enc_stopped = true;
    return;
  }
  bool body_added = end_stream && s->enc_has_buffered;
  client_headers(s, end_stream && !body_added);
  if (body_added) {
    s->enc_stopped = true;
    fm_continue_encoding(s);
  }
}

static void fm_encode_data(stream* s, strbuf* data, bool end_stream) {
  if (end_stream) s->observed_encode_end = true;
  call_state saved = enter_call(s, CALL_ENCODE_DATA);
  bool done = gf_encode_data(s->filter, data, end_stream);
  s->call = saved;
  if (done) {
    s->enc_stopped = false;
    client_data(s, data, end_stream);
  } else {
    s->enc_stopped = true;
  }
}

static void fm_encode_trailers(stream* s) {
  s->resp_has_trailers = true;
  call_state saved = enter_call(s, CALL_ENCODE_TRAILERS);
  bool done = gf_encode_trailers(s->filter, &s->resp_trailers);
  s->call = saved;
  if (done) {
    s->enc_stopped = false;
    client_trailers(s);
  } else {
    s->enc_stopped = true;
  }
}

void fm_continue_encoding(stream* s) {
  if (s->ended) return;
  s->enc_stopped = false;
  if (!s->enc_headers_continued) client_headers(s, s->observed_encode_end && !s->enc_has_buffered && !s->resp_has_trailers);
  bool had_trailers = s->resp_has_trailers;
  if (s->enc_has_buffered && !s->ended) {
    strbuf data;
    sb_init(&data);
    sb_move(&data, &s->enc_buffered);
    s->enc_has_buffered = false;
    client_data(s, &data, s->observed_encode_end && !had_trailers);
    sb_free(&data);
  }
  if (had_trailers && !s->ended) client_trailers(s);
}

void fm_inject_encoded(stream* s, strbuf* data, bool end_stream) {
  if (s->ended) return;
  s->observed_encode_end = end_stream;
  client_data(s, data, end_stream);
}

static void send_local_reply(stream* s, int code, const strbuf* body, const header_map* extra,
                             int64_t grpc_status, const char* details, size_t details_len);

/* FilterManager::addDecodedData / addEncodedData: between calls and in a headers or data
 * call the data is buffered (it goes on when the filter continues); in a trailers call of
 * a filter that lets frames through it goes on at once, before the trailers. Anything else
 * is a filter bug Envoy answers with a 502. */
void fm_add_data(stream* s, bool encoding, strbuf* data) {
  if (s->ended) return;
  call_state headers = encoding ? CALL_ENCODE_HEADERS : CALL_DECODE_HEADERS;
  call_state body = encoding ? CALL_ENCODE_DATA : CALL_DECODE_DATA;
  call_state trailers = encoding ? CALL_ENCODE_TRAILERS : CALL_DECODE_TRAILERS;
  bool stopped = encoding ? s->enc_stopped : s->dec_stopped;
  if (s->call == CALL_NONE || s->call == headers || s->call == body || (s->call == trailers && stopped)) {
    if (encoding) {
      s->enc_has_buffered = true;
      sb_move(&s->enc_buffered, data);
    } else {
      s->dec_has_buffered = true;
      sb_move(&s->dec_buffered, data);
    }
  } else if (s->call == trailers) {
    if (encoding) client_data(s, data, false);
    else router_data(s, data, false);
  } else {
    strbuf text;
    sb_init(&text);
    sb_append_str(&text, "Filter error");
    header_map none;
    hm_init(&none);
    const char* details = encoding ? "filter_added_invalid_response_data" : "filter_added_invalid_request_data";
    send_local_reply(s, 502, &text, &none, 14, details, strlen(details));
    sb_free(&text);
  }
}

/* ---- local replies: FilterManager::sendLocalReply and Utility::prepareLocalReply ---- */

static int64_t http_to_grpc_status(int code) {
  switch (code) {
    case 400: return 13;
    case 401: return 16;
    case 403: return 7;
    case 404: return 12;
    case 429: case 502: case 503: case 504: return 14;
    default: return 2;
  }
}

/* Utility::PercentEncoding::encode with the default reserved set "%". */
static void percent_encode(strbuf* out, const char* s, size_t len) {
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < len; i++) {
    signed char ch = (signed char)s[i];
    if (ch < ' ' || ch >= '~' || ch == '%') {
      char e[3] = {'%', hex[(unsigned char)ch >> 4], hex[(unsigned char)ch & 15]};
      sb_append(out, e, 3);
    } else {
      sb_append_char(out, (char)ch);
    }
  }
}

/* Builds the reply headers; body_out gets the body to send (empty for gRPC). */
static header_map* local_reply_headers(stream* s, int code, const strbuf* body, const header_map* extra,
                                       int64_t grpc_status, strbuf* body_out) {
  header_map* h = xcalloc(1, sizeof *h);
  char num[32];
  snprintf(num, sizeof num, "%d", code);
  hm_add(h, ":status", 7, num, strlen(num));
  for (size_t i = 0; i < extra->len; i++) {
    const header* e = &extra->items[i];
    hm_add(h, e->name, e->name_len, e->value, e->value_len);
  }
  if (s->is_grpc) {
    hm_set_inline(h, ":status", "200", 3);
    hm_set_inline(h, "content-type", "application/grpc", 16);
    if (hm_get_str(h, "grpc-status") == NULL) {
      snprintf(num, sizeof num, "%lld", (long long)grpc_status);
      hm_set_inline(h, "grpc-status", num, strlen(num));
    }
    if (body->len > 0 && !s->is_head) {
      strbuf msg;
      sb_init(&msg);
      percent_encode(&msg, body->data, body->len);
      hm_set_inline(h, "grpc-message", msg.data, msg.len);
      sb_free(&msg);
    }
    hm_remove(h, "content-length", 14);
    return h;
  }
  if (body->len > 0) {
    snprintf(num, sizeof num, "%zu", body->len);
    hm_set_inline(h, "content-length", num, strlen(num));
    if (hm_get_str(h, "content-type") == NULL) hm_set_inline(h, "content-type", "text/plain", 10);
    sb_append(body_out, body->data, body->len);
  } else {
    hm_remove(h, "content-length", 14);
    hm_remove(h, "content-type", 12);
  }
  return h;
}

static void send_local_reply(stream* s, int code, const strbuf* body, const header_map* extra,
                             int64_t grpc_status, const char* details, size_t details_len) {
  if (s->ended) return;
  sd_set_details(&s->data, details, details_len);
  strbuf out_body;
  sb_init(&out_body);
  if (s->resp_headers == NULL) {
    /* The response has not started: the reply runs through the encode path, our filter
     * included. */
    s->resp_headers = local_reply_headers(s, code, body, extra, grpc_status, &out_body);
    bool headers_only = out_body.len == 0 || s->is_head || s->is_grpc;
    fm_encode_headers(s, headers_only);
    if (!headers_only && !s->ended) fm_encode_data(s, &out_body, true);
  } else if (!s->client_got_headers) {
    /* Response headers exist but were not sent: straight to the client, bypassing the
     * filters so their state machines are not disturbed. */
    hm_free(s->resp_headers);
    free(s->resp_headers);
    s->resp_headers = local_reply_headers(s, code, body, extra, grpc_status, &out_body);
    s->enc_headers_continued = true;
    s->client_got_headers = true;
    hm_free(&s->client_headers);
    hm_copy(&s->client_headers, s->resp_headers);
    bool headers_only = out_body.len == 0 || s->is_head || s->is_grpc;
    if (!headers_only) sb_append(&s->client_body, out_body.data, out_body.len);
    s->resp_has_trailers = false;
    stream_end(s, NULL);
  } else {
    /* The client already has response headers: all Envoy can do is reset. */
    stream_end(s, "local");
  }
  sb_free(&out_body);
}

void fm_send_local_reply(stream* s, int code, const strbuf* body, const header_map* headers,
                         int64_t grpc_status, const strbuf* details) {
  if (!s->lr_recorded) {
    s->lr_recorded = true;
    s->lr_status = code;
    sb_append(&s->lr_body, body->data, body->len);
    hm_copy(&s->lr_headers, headers);
    sb_append(&s->lr_details, details->data, details->len);
  }
  send_local_reply(s, code, body, headers, grpc_status, details->data ? details->data : "", details->len);
}

/* ActiveStream::onIdleTimeout. */
static void idle_timeout(stream* s) {
  int code = s->observed_decode_end ? 504 : 408;
  strbuf body;
  sb_init(&body);
  sb_append_str(&body, "stream timeout");
  header_map none;
  hm_init(&none);
  static const char details[] = "stream_idle_timeout";
  send_local_reply(s, code, &body, &none, http_to_grpc_status(code), details, sizeof details - 1);
  sb_free(&body);
}

/* ---- driving the stream ---- */

static bool deliver_client_event(stream* s) {
  size_t n = s->client.chunk_count;
  size_t last = n + (s->client.has_trailers ? 1 : 0);
  if (s->client_next > last) return false;
  size_t i = s->client_next++;
  if (i == 0) {
    fm_decode_headers(s, n == 0 && !s->client.has_trailers);
  } else if (i <= n) {
    fm_decode_data(s, &s->client.chunks[i - 1], i == n && !s->client.has_trailers);
  } else {
    fm_decode_trailers(s);
  }
  return true;
}

static void start_upstream_response(stream* s) {
  s->up_response_started = true;
  if (s->upstream_echo) {
    hm_free(&s->upstream.headers);
    const header* ct = hm_get_str(&s->up_headers, "content-type");
    if (ct) hm_add(&s->upstream.headers, "content-type", 12, ct->value, ct->value_len);
    for (size_t i = 0; i < s->upstream.chunk_count; i++) sb_free(&s->upstream.chunks[i]);
    free(s->upstream.chunks);
    s->upstream.chunks = NULL;
    s->upstream.chunk_count = 0;
    if (s->up_body.len > 0) {
      s->upstream.chunks = xcalloc(1, sizeof *s->upstream.chunks);
      s->upstream.chunk_count = 1;
      sb_append(&s->upstream.chunks[0], s->up_body.data, s->up_body.len);
    }
    hm_free(&s->upstream.trailers);
    s->upstream.has_trailers = s->up_has_trailers;
    if (s->up_has_trailers) hm_copy(&s->upstream.trailers, &s->up_trailers);
  }
}

/* When the upstream, which has the whole request, will send its response headers (its
 * delay); 0 when it is not waiting for that. */
static long long upstream_ready_at(const stream* s) {
  if (!s->up_request_complete || s->up_response_started || s->resp_headers != NULL) return 0;
  if (s->upstream_delay_ms == 0) return 0;
  return s->up_request_complete_ms + s->upstream_delay_ms;
}

static bool deliver_upstream_event(stream* s) {
  if (!s->up_request_complete) return false;
  if (!s->up_response_started) {
    if (s->resp_headers != NULL) return false; /* a local reply owns the response */
    long long ready = upstream_ready_at(s);
    if (ready != 0 && now_ms() < ready) return false;
    start_upstream_response(s);
  }
  size_t n = s->upstream.chunk_count;
  size_t last = n + (s->upstream.has_trailers ? 1 : 0);
  if (s->upstream_next > last) return false;
  size_t i = s->upstream_next++;
  if (i == 0) {
    header_map* h = xcalloc(1, sizeof *h);
    char num[16];
    snprintf(num, sizeof num, "%d", s->upstream_status);
    hm_add(h, ":status", 7, num, strlen(num));
    for (size_t k = 0; k < s->upstream.headers.len; k++) {
      const header* e = &s->upstream.headers.items[k];
      hm_add(h, e->name, e->name_len, e->value, e->value_len);
    }
    s->resp_headers = h;
    /* The router records the upstream's status before the encode filters run. */
    sd_set_response_code(&s->data, (uint64_t)s->upstream_status);
    static const char via_upstream[] = "via_upstream";
    sd_set_details(&s->data, via_upstream, sizeof via_upstream - 1);
    fm_encode_headers(s, n == 0 && !s->upstream.has_trailers);
  } else if (i <= n) {
    strbuf data;
    sb_init(&data);
    sb_append(&data, s->upstream.chunks[i - 1].data, s->upstream.chunks[i - 1].len);
    fm_encode_data(s, &data, i == n && !s->upstream.has_trailers);
    sb_free(&data);
  } else {
    hm_copy(&s->resp_trailers, &s->upstream.trailers);
    fm_encode_trailers(s);
  }
  return true;
}

static void run_task(task* t) {
  gf_run_task(t);
  task_free(t);
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Work posted on the worker runs first, then the client's and the upstream's frames; work
 * a Go thread posted runs only when the worker has nothing else to do, so Go's timing
 * cannot reorder it with the frames (the hosts agree on the order). */
void stream_run(stream* s) {
  dispatcher* d = &s->w->d;
  while (!s->ended) {
    if (s->reset_pending) {
      s->reset_pending = false;
      s->reset_done = true;
      stream_end(s, "client");
      break;
    }
    task* t = dispatcher_pop_worker(d);
    if (t) {
      run_task(t);
      continue;
    }
    if (deliver_client_event(s)) continue;
    if (deliver_upstream_event(s)) continue;
    /* Stalled, or the upstream takes its delay: only a Go thread can move the stream now
     * (e.g. Continue after Running). A wake-up without a task (a final call Envoy refused)
     * does not end the wait. Without a task the idle timeout ends the stream, unless the
     * upstream is ready first. */
    long long idle_deadline = now_ms() + s->idle_timeout_ms;
    long long ready = upstream_ready_at(s);
    bool upstream_first = ready != 0 && ready < idle_deadline;
    long long until = upstream_first ? ready : idle_deadline;
    for (long long left = until - now_ms(); left > 0 && t == NULL; left = until - now_ms()) {
      t = dispatcher_pop_go(d, (int)left);
    }
    if (t) {
      run_task(t);
      continue;
    }
    if (upstream_first) continue;
    idle_timeout(s);
  }
  /* An async hook may outlive its stream: wait (bounded by the idle timeout) for Go's
   * final call for it, so everything the hook logs belongs to this answer. Work posted for
   * the ended stream is dropped ("has gone or destroyed"). */
  long long deadline = now_ms() + s->idle_timeout_ms;
  int pending = gf_go_pending_count(s->filter);
  for (;;) {
    task* t;
    while ((t = dispatcher_pop_worker(d)) != NULL || (t = dispatcher_pop_go(d, 0)) != NULL) run_task(t);
    int now_pending = gf_go_pending_count(s->filter);
    if (now_pending == 0) break;
    if (now_pending < pending) deadline = now_ms() + s->idle_timeout_ms; /* each wait has its bound */
    pending = now_pending;
    long long left = deadline - now_ms();
    if (left <= 0) break;
    t = dispatcher_pop_go(d, (int)left);
    if (t) run_task(t);
  }
}

/* ---- the answer ---- */

static void write_body(strbuf* out, const strbuf* body) {
  const char* data = body->data ? body->data : "";
  if (utf8_valid(data, body->len)) {
    sb_append_str(out, "\"body\":");
    json_write_string(out, data, body->len);
  } else {
    sb_append_str(out, "\"bodyBase64\":\"");
    base64_encode(out, data, body->len);
    sb_append_char(out, '"');
  }
}

static void write_trailers(strbuf* out, bool has, const header_map* m) {
  sb_append_str(out, ",\"trailers\":");
  if (has) hm_write_json(out, m, false);
  else sb_append_str(out, "null");
}

static int status_of(const header_map* h) {
  const header* st = hm_get_str(h, ":status");
  return st ? atoi(st->value) : 0;
}

void stream_outcome(const stream* s, int* status, const char** reset, bool* local_reply) {
  *status = s->reset == NULL && s->client_got_headers ? status_of(&s->client_headers) : 0;
  *reset = s->reset;
  *local_reply = s->lr_recorded;
}

void stream_write_result(stream* s, strbuf* out) {
  sb_append_str(out, ",\"upstream\":");
  if (s->up_reached) {
    sb_append_str(out, "{\"headers\":");
    hm_write_json(out, &s->up_headers, false);
    sb_append_char(out, ',');
    write_body(out, &s->up_body);
    write_trailers(out, s->up_has_trailers, &s->up_trailers);
    sb_append_char(out, '}');
  } else {
    sb_append_str(out, "null");
  }
  sb_append_str(out, ",\"response\":");
  if (s->reset == NULL && s->client_got_headers) {
    sb_appendf(out, "{\"status\":%d,\"headers\":", status_of(&s->client_headers));
    hm_write_json(out, &s->client_headers, true);
    sb_append_char(out, ',');
    write_body(out, &s->client_body);
    write_trailers(out, s->client_has_trailers, &s->client_trailers);
    sb_append_char(out, '}');
  } else {
    sb_append_str(out, "null");
  }
  sb_append_str(out, ",\"localReply\":");
  if (s->lr_recorded) {
    sb_appendf(out, "{\"status\":%d,", s->lr_status);
    write_body(out, &s->lr_body);
    sb_append_str(out, ",\"headers\":");
    hm_write_json(out, &s->lr_headers, false);
    sb_append_str(out, ",\"details\":");
    json_write_text_lossy(out, s->lr_details.data ? s->lr_details.data : "", s->lr_details.len);
    sb_append_char(out, '}');
  } else {
    sb_append_str(out, "null");
  }
  sb_append_str(out, ",\"reset\":");
  if (s->reset) json_write_string(out, s->reset, strlen(s->reset));
  else sb_append_str(out, "null");
  sb_append_str(out, ",\"trace\":[");
  sb_append(out, s->trace.data ? s->trace.data : "", s->trace.len);
  sb_append_char(out, ']');
  sd_write_result(&s->data, out);
}
