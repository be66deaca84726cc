/* Emulation of Envoy's golang HTTP filter: golang_filter.cc (Filter) and
 * processor_state.cc (ProcessorState, BufferList), v1.39.1. Function names follow the
 * C++ ones so the two can be read side by side. The stream side (filter manager, router,
 * client) is in stream.c. */
#include <stdlib.h>
#include <string.h>

#include "host.h"

typedef struct {
  const char* headers;
  const char* data;
  const char* trailers;
} hook_names;

static const hook_names decode_hooks = {"decodeHeaders", "decodeData", "decodeTrailers"};
static const hook_names encode_hooks = {"encodeHeaders", "encodeData", "encodeTrailers"};

static const hook_names* hooks_of(const processor_state* st) {
  return st->base.is_encoding ? &encode_hooks : &decode_hooks;
}

static int state_of(const processor_state* st) { return st->base.state; }
static bool is_worker(const golang_filter* f) { return worker_is_current(f->w); }
static void set_state(processor_state* st, int s) { st->base.state = s; }


static bool is_stream_end(const processor_state* st) { return st->end_stream || st->trailers != NULL; }

static bool has_destroyed(const golang_filter* f) { return atomic_load(&f->destroyed); }

bool gf_is_processing_in_go(const processor_state* st) {
  int s = state_of(st);
  return s == ENVOY_FILTER_STATE_PROCESSING_HEADER || s == ENVOY_FILTER_STATE_PROCESSING_DATA ||
         s == ENVOY_FILTER_STATE_PROCESSING_TRAILER ||
         atomic_load(&st->base.req->is_golang_processing_log);
}

bool gf_filter_processing_in_go(const golang_filter* f) {
  return gf_is_processing_in_go(&f->req->decoding) || gf_is_processing_in_go(&f->req->encoding);
}

static void init_state(processor_state* st, request_internal* r, int is_encoding) {
  memset(st, 0, sizeof *st);
  st->base.req = &r->base;
  st->base.is_encoding = is_encoding;
  st->base.state = ENVOY_FILTER_STATE_WAITING_HEADER;
  st->owner = r;
  sb_init(&st->data_buffer);
}

golang_filter* gf_new(worker* w, stream* s, host_config* config, uint32_t worker_id) {
  golang_filter* f = xcalloc(1, sizeof *f);
  f->w = w;
  f->s = s;
  f->config = config;
  atomic_init(&f->destroyed, false);
  request_internal* r = xcalloc(1, sizeof *r);
  r->base.plugin_name.data = config->plugin_name;
  r->base.plugin_name.len = config->plugin_name_len;
  r->base.configId = 0;
  r->base.worker_id = worker_id;
  atomic_init(&r->base.is_golang_processing_log, 0);
  r->w = w;
  r->filter = f;
  init_state(&r->decoding, r, 0);
  init_state(&r->encoding, r, 1);
  sb_init(&r->str_value);
  sb_init(&r->str_value_go);
  f->req = r;
  requests_register(r);
  return f;
}

void gf_release(golang_filter* f) {
  registry_lock();
  request_internal* r = f->req;
  r->filter = NULL;
  while (f->busy > 0) registry_wait();
  /* The maps belong to the stream, which goes away now. */
  r->decoding.headers = r->decoding.trailers = NULL;
  r->encoding.headers = r->encoding.trailers = NULL;
  request_maybe_free(r);
  registry_unlock();
  free(f);
}

golang_filter* filter_get(request_internal* r) {
  registry_lock();
  golang_filter* f = r->filter;
  if (f) f->busy++;
  registry_unlock();
  return f;
}

void filter_put(golang_filter* f) {
  registry_lock();
  if (--f->busy == 0) registry_notify();
  registry_unlock();
}

bool gf_has_destroyed(const golang_filter* f) { return has_destroyed(f); }

/* Filter::initRequest: the first entry into Go fixes the config id. */
static bool init_request(golang_filter* f) {
  if (f->req->base.configId == 0) {
    f->req->base.configId = f->config->id;
    return true;
  }
  return false;
}

static void unexpected(const char* what, const processor_state* st, uint64_t value) {
  host_error("golang filter (%s): %s %llu in state %d (Envoy logs this and waits)",
             st->base.is_encoding ? "encoder" : "decoder", what, (unsigned long long)value,
             state_of(st));
}

/* Records the size of a map as announced to Go, which sizes its copy buffers with it. */
static void announce(processor_state* st, bool trailers, const header_map* m) {
  uint64_t* a = trailers ? st->announced_trailers : st->announced_headers;
  a[0] = m->len;
  a[1] = hm_byte_size(m);
}

/* ---- ProcessorState::handle*GolangStatus ---- */

static bool handle_header_status(processor_state* st, uint64_t status) {
  switch (status) {
    case GOLANG_LOCAL_REPLY:
    case GOLANG_RUNNING:
      return false;
    case GOLANG_CONTINUE:
      set_state(st, st->do_end_stream ? ENVOY_FILTER_STATE_DONE : ENVOY_FILTER_STATE_WAITING_DATA);
      return true;
    case GOLANG_STOP_AND_BUFFER:
      set_state(st, ENVOY_FILTER_STATE_WAITING_ALL_DATA);
      return false;
    case GOLANG_STOP_AND_BUFFER_WATERMARK:
      set_state(st, ENVOY_FILTER_STATE_WAITING_DATA);
      return false;
    default:
      unexpected("unexpected header status", st, status);
      return false;
  }
}

static bool handle_data_status(processor_state* st, uint64_t status) {
  bool done = false;
  switch (status) {
    case GOLANG_LOCAL_REPLY:
    case GOLANG_RUNNING:
      return false;
    case GOLANG_CONTINUE:
      set_state(st, st->do_end_stream ? ENVOY_FILTER_STATE_DONE : ENVOY_FILTER_STATE_WAITING_DATA);
      done = true;
      break;
    case GOLANG_STOP_AND_BUFFER:
      if (st->do_end_stream) unexpected("want more data while stream is end, status", st, status);
      set_state(st, ENVOY_FILTER_STATE_WAITING_ALL_DATA);
      break;
    case GOLANG_STOP_AND_BUFFER_WATERMARK:
      if (st->do_end_stream) unexpected("want more data while stream is end, status", st, status);
      set_state(st, ENVOY_FILTER_STATE_WAITING_DATA);
      break;
    case GOLANG_STOP_NO_BUFFER:
      if (st->do_end_stream) unexpected("want more data while stream is end, status", st, status);
      bl_clear_latest(&st->do_data);
      set_state(st, ENVOY_FILTER_STATE_WAITING_DATA);
      break;
    default:
      unexpected("unexpected data status", st, status);
      break;
  }
  if (st->trailers != NULL && st->data_buffer.len == 0) set_state(st, ENVOY_FILTER_STATE_WAITING_TRAILER);
  return done;
}

static bool handle_trailer_status(processor_state* st, uint64_t status) {
  switch (status) {
    case GOLANG_LOCAL_REPLY:
    case GOLANG_RUNNING:
      return false;
    case GOLANG_CONTINUE:
      set_state(st, ENVOY_FILTER_STATE_DONE);
      return true;
    default:
      unexpected("unexpected trailer status", st, status);
      return false;
  }
}

static bool handle_golang_status(processor_state* st, uint64_t status) {
  switch (state_of(st)) {
    case ENVOY_FILTER_STATE_PROCESSING_HEADER: return handle_header_status(st, status);
    case ENVOY_FILTER_STATE_PROCESSING_DATA: return handle_data_status(st, status);
    case ENVOY_FILTER_STATE_PROCESSING_TRAILER: return handle_trailer_status(st, status);
    default:
      unexpected("status arrived in a state that is not processing, status", st, status);
      return false;
  }
}

/* ---- calls into Go ---- */

/* Around every entry into Go: a direction waits for Go's final call from the entry on (an
 * async hook may make it before the entry returns); an entry that did not return Running
 * waits for nothing. Then a client reset "after" that hook may happen. */
static void entry_starts(processor_state* st) { atomic_store(&st->go_pending, ++st->entry_count); }

static void entry_returned(golang_filter* f, processor_state* st, const char* hook, GoUint64 status) {
  if (status != GOLANG_RUNNING) atomic_store(&st->go_pending, 0);
  fm_after_hook(f->s, hook);
}

uint64_t gf_pending_entry(processor_state* st) { return atomic_load(&st->go_pending); }

void gf_note_final_call(processor_state* st, uint64_t entry) {
  uint_fast64_t expected = entry;
  if (entry != 0 && atomic_compare_exchange_strong(&st->go_pending, &expected, 0)) {
    dispatcher_wake(&st->owner->w->d);
  }
}

int gf_go_pending_count(const golang_filter* f) {
  return (atomic_load(&f->req->decoding.go_pending) != 0) + (atomic_load(&f->req->encoding.go_pending) != 0);
}

static bool do_headers(golang_filter* f, processor_state* st, header_map* headers, bool end_stream) {
  st->headers = headers;
  announce(st, false, headers);
  set_state(st, ENVOY_FILTER_STATE_PROCESSING_HEADER);
  st->do_end_stream = end_stream;
  init_request(f);
  entry_starts(st);
  GoUint64 status = g_host.dso.on_header(&st->base, end_stream ? 1 : 0, headers->len, hm_byte_size(headers));
  const char* hook = hooks_of(st)->headers;
  fm_trace(f->s, hook, end_stream, golang_status_name(status), NULL);
  bool done = handle_header_status(st, status);
  if (done) st->headers = NULL;
  entry_returned(f, st, hook, status);
  return done;
}

static bool do_data_go(golang_filter* f, processor_state* st, strbuf* data, bool end_stream) {
  set_state(st, ENVOY_FILTER_STATE_PROCESSING_DATA);
  st->do_end_stream = end_stream;
  strbuf* buffer = bl_push(&st->do_data, data);
  entry_starts(st);
  GoUint64 status = g_host.dso.on_data(&st->base, end_stream ? 1 : 0, (GoUint64)(uintptr_t)buffer, buffer->len);
  const char* hook = hooks_of(st)->data;
  fm_trace(f->s, hook, end_stream, golang_status_name(status), NULL);
  bool done = handle_data_status(st, status);
  entry_returned(f, st, hook, status);
  return done;
}

static bool do_data(golang_filter* f, processor_state* st, strbuf* data, bool end_stream) {
  bool done = false;
  switch (state_of(st)) {
    case ENVOY_FILTER_STATE_WAITING_DATA:
      done = do_data_go(f, st, data, end_stream);
      break;
    case ENVOY_FILTER_STATE_WAITING_ALL_DATA:
      if (end_stream) {
        if (st->data_buffer.len > 0) {
          /* new data = buffered data + data */
          sb_move(&st->data_buffer, data);
          sb_move(data, &st->data_buffer);
        }
        done = do_data_go(f, st, data, end_stream);
        break;
      }
      /* keep buffering */
      __attribute__((fallthrough));
    case ENVOY_FILTER_STATE_PROCESSING_HEADER:
    case ENVOY_FILTER_STATE_PROCESSING_DATA:
      sb_move(&st->data_buffer, data);
      break;
    default:
      unexpected("data arrived, length", st, data->len);
      break;
  }
  return done;
}

static bool do_trailer_go(golang_filter* f, processor_state* st, header_map* trailers) {
  set_state(st, ENVOY_FILTER_STATE_PROCESSING_TRAILER);
  st->do_end_stream = true;
  announce(st, true, trailers);
  entry_starts(st);
  GoUint64 status = g_host.dso.on_header(&st->base, 1, trailers->len, hm_byte_size(trailers));
  const char* hook = hooks_of(st)->trailers;
  fm_trace(f->s, hook, -1, golang_status_name(status), NULL);
  bool done = handle_trailer_status(st, status);
  entry_returned(f, st, hook, status);
  return done;
}

static void inject(golang_filter* f, processor_state* st, strbuf* data, bool end_stream) {
  if (st->base.is_encoding) fm_inject_encoded(f->s, data, end_stream);
  else fm_inject_decoded(f->s, data, end_stream);
}

static void continue_processing(golang_filter* f, processor_state* st) {
  if (st->base.is_encoding) fm_continue_encoding(f->s);
  else fm_continue_decoding(f->s);
}

/* ProcessorState::continueDoData */
static void continue_do_data(golang_filter* f, processor_state* st) {
  if (!st->end_stream && bl_empty(&st->do_data)) return;
  strbuf data;
  sb_init(&data);
  bl_move_out(&st->do_data, &data);
  inject(f, st, &data, st->do_end_stream);
  sb_free(&data);
}

static bool do_trailer(golang_filter* f, processor_state* st, header_map* trailers) {
  st->trailers = trailers;
  bool done = false;
  switch (state_of(st)) {
    case ENVOY_FILTER_STATE_WAITING_TRAILER:
    case ENVOY_FILTER_STATE_WAITING_DATA:
      done = do_trailer_go(f, st, trailers);
      break;
    case ENVOY_FILTER_STATE_WAITING_ALL_DATA:
      if (st->data_buffer.len > 0) {
        do_data_go(f, st, &st->data_buffer, false);
        if (has_destroyed(f)) break;
        if (state_of(st) == ENVOY_FILTER_STATE_WAITING_TRAILER) {
          continue_do_data(f, st);
          if (has_destroyed(f)) break;
          done = do_trailer_go(f, st, trailers);
        }
      } else {
        continue_do_data(f, st);
        if (has_destroyed(f)) break;
        done = do_trailer_go(f, st, trailers);
      }
      break;
    case ENVOY_FILTER_STATE_PROCESSING_HEADER:
    case ENVOY_FILTER_STATE_PROCESSING_DATA:
      break; /* wait for the running task */
    default:
      unexpected("trailers arrived, count", st, trailers->len);
      break;
  }
  return done;
}

/* ---- Filter's stream callbacks ---- */

bool gf_decode_headers(golang_filter* f, header_map* headers, bool end_stream) {
  processor_state* st = &f->req->decoding;
  f->request_headers = headers;
  st->end_stream = end_stream;
  return do_headers(f, st, headers, end_stream);
}

bool gf_decode_data(golang_filter* f, strbuf* data, bool end_stream) {
  processor_state* st = &f->req->decoding;
  st->end_stream = end_stream;
  bool done = do_data(f, st, data, end_stream);
  if (done) bl_move_out(&st->do_data, data);
  return done;
}

bool gf_decode_trailers(golang_filter* f, header_map* trailers) {
  f->request_trailers = trailers;
  return do_trailer(f, &f->req->decoding, trailers);
}

bool gf_encode_headers(golang_filter* f, header_map* headers, bool end_stream) {
  processor_state* st = &f->req->encoding;
  st->end_stream = end_stream;
  return do_headers(f, st, headers, end_stream);
}

bool gf_encode_data(golang_filter* f, strbuf* data, bool end_stream) {
  processor_state* st = &f->req->encoding;
  st->end_stream = end_stream;
  bool done = do_data(f, st, data, end_stream);
  if (done) bl_move_out(&st->do_data, data);
  return done;
}

bool gf_encode_trailers(golang_filter* f, header_map* trailers) {
  return do_trailer(f, &f->req->encoding, trailers);
}

void gf_on_stream_complete(golang_filter* f) {
  atomic_store(&f->req->base.is_golang_processing_log, 1);
  g_host.dso.on_stream_complete(&f->req->base);
  atomic_store(&f->req->base.is_golang_processing_log, 0);
  fm_trace(f->s, "onStreamComplete", -1, NULL, NULL);
}

void gf_log(golang_filter* f, int type) {
  request_internal* r = f->req;
  /* The access log may be the first entry into Go. */
  if (init_request(f)) f->request_headers = fm_request_headers(f->s);
  uint64_t n[8] = {0};
  if (f->request_headers) {
    n[0] = f->request_headers->len;
    n[1] = hm_byte_size(f->request_headers);
    r->decoding.headers = f->request_headers;
    announce(&r->decoding, false, f->request_headers);
  }
  if (f->request_trailers) {
    n[2] = f->request_trailers->len;
    n[3] = hm_byte_size(f->request_trailers);
    r->decoding.trailers = f->request_trailers;
    announce(&r->decoding, true, f->request_trailers);
  }
  header_map* rh = fm_response_headers(f->s);
  if (rh) {
    n[4] = rh->len;
    n[5] = hm_byte_size(rh);
    r->encoding.headers = rh;
    announce(&r->encoding, false, rh);
  }
  header_map* rt = fm_response_trailers(f->s);
  if (rt) {
    n[6] = rt->len;
    n[7] = hm_byte_size(rt);
    r->encoding.trailers = rt;
    announce(&r->encoding, true, rt);
  }
  atomic_store(&r->base.is_golang_processing_log, 1);
  g_host.dso.on_log(&r->base, (GoUint64)type, &r->decoding.base, &r->encoding.base, n[0], n[1],
                    n[2], n[3], n[4], n[5], n[6], n[7]);
  atomic_store(&r->base.is_golang_processing_log, 0);
  fm_trace(f->s, "onLog", -1, NULL, NULL);
}

void gf_on_destroy(golang_filter* f) {
  if (f->req->base.configId == 0) {
    /* Go was never entered: Envoy frees the request object itself (gf_release). */
    atomic_store(&f->destroyed, true);
    return;
  }
  if (atomic_exchange(&f->destroyed, true)) return;
  int reason = gf_filter_processing_in_go(f) ? 1 : 0;
  g_host.dso.on_destroy(&f->req->base, (GoUint64)reason);
  fm_trace(f->s, "onDestroy", -1, reason ? "Terminate" : "Normal", "reason");
}

/* ---- work posted from the C API, run on the worker (Filter::*Internal) ---- */

static void continue_status_internal(golang_filter* f, processor_state* st, int status) {
  /* Traced here, on the worker, when Envoy applies it. */
  fm_trace(f->s, "continue", -1, golang_status_name((uint64_t)status), NULL);
  int saved = state_of(st);
  if (!gf_is_processing_in_go(st)) {
    unexpected("Continue applied while not processing, status", st, (uint64_t)status);
    return;
  }
  bool done = handle_golang_status(st, (uint64_t)status);
  if (done) {
    switch (saved) {
      case ENVOY_FILTER_STATE_PROCESSING_HEADER:
        /* If the stream ended meanwhile, data goes first (continueDoData continues the
         * headers), or the next filter would see the headers as the end of stream. */
        if (st->do_end_stream || !is_stream_end(st)) continue_processing(f, st);
        break;
      case ENVOY_FILTER_STATE_PROCESSING_DATA:
        continue_do_data(f, st);
        break;
      case ENVOY_FILTER_STATE_PROCESSING_TRAILER:
        continue_do_data(f, st);
        if (has_destroyed(f)) return;
        continue_processing(f, st);
        break;
      default:
        break;
    }
    if (has_destroyed(f)) return;
  }
  int cur = state_of(st);
  if ((cur == ENVOY_FILTER_STATE_WAITING_DATA && (st->data_buffer.len > 0 || st->end_stream)) ||
      (cur == ENVOY_FILTER_STATE_WAITING_ALL_DATA && is_stream_end(st))) {
    bool data_done = do_data_go(f, st, &st->data_buffer, st->end_stream);
    if (has_destroyed(f)) return;
    if (!data_done) return; /* trailers wait for the data */
    continue_do_data(f, st);
    if (has_destroyed(f)) return;
  }
  if (state_of(st) == ENVOY_FILTER_STATE_WAITING_TRAILER && st->trailers != NULL) {
    if (do_trailer_go(f, st, st->trailers)) continue_processing(f, st);
  }
}

static void send_local_reply_internal(golang_filter* f, processor_state* st, task* t) {
  bl_clear_all(&st->do_data);
  sb_clear(&st->data_buffer);
  /* DecodingProcessorState::sendLocalReply: the decoder waits for nothing any more. */
  if (!st->base.is_encoding) set_state(st, ENVOY_FILTER_STATE_WAITING_HEADER);
  fm_send_local_reply(f->s, t->code, &t->body, &t->headers, t->grpc_status, &t->details);
}

static void run_getter(golang_filter* f, task* t) {
  stream_data* d = fm_data(f->s);
  strbuf* scratch = &t->req->str_value;
  const char* key = t->key.data ? t->key.data : "";
  switch (t->getter) {
    case GET_METADATA: sd_get_metadata(d, key, t->key.len, scratch, t->out_data, t->out_len); break;
    case GET_FILTER_STATE: sd_get_filter_state(d, key, t->key.len, scratch, t->out_data, t->out_len); break;
    case GET_PROPERTY: *t->out_rc = sd_get_property(d, key, t->key.len, scratch, t->out_data, t->out_len); break;
    case GET_SECRET: sd_get_secret(d, key, t->key.len, scratch, t->out_data, t->out_len); break;
  }
  /* From the worker loop, never from inside a C API call: the library may have declared
   * the getter nocallback. */
  g_host.dso.sema_dec(&t->req->base);
}

void gf_run_task(task* t) {
  registry_lock();
  golang_filter* f = t->req->filter;
  registry_unlock();
  if (f == NULL || has_destroyed(f)) return; /* Envoy: "has gone or destroyed", no wake-up */
  processor_state* st = t->is_encoding ? &t->req->encoding : &t->req->decoding;
  stream_data* d = fm_data(f->s);
  switch (t->kind) {
    case TASK_CONTINUE:
      continue_status_internal(f, st, t->status);
      break;
    case TASK_LOCAL_REPLY:
      send_local_reply_internal(f, st, t);
      break;
    case TASK_HEADER_WRITE: {
      header_map* m = t->trailers ? st->trailers : st->headers;
      if (m == NULL) break;
      if (t->header_op == 2) hm_remove(m, t->key.data, t->key.len);
      else if (t->header_op == 1) hm_add(m, t->key.data, t->key.len, t->value.data, t->value.len);
      else hm_set(m, t->key.data, t->key.len, t->value.data, t->value.len);
      break;
    }
    case TASK_ADD_DATA: fm_add_data(f->s, t->is_encoding, &t->body); break;
    case TASK_INJECT_DATA: inject(f, st, &t->body, false); break;
    case TASK_OVERRIDE_HOST: sd_set_override_host(d, t->key.data, t->key.len, t->flag); break;
    case TASK_SET_METADATA:
      if (!sd_set_metadata(d, t->key.data, t->key.len, t->value.data, t->value.len, t->body.data, t->body.len)) {
        host_error("envoyGoFilterHttpSetDynamicMetadata: the value is not a serialized google.protobuf.Value");
      }
      break;
    case TASK_SET_FILTER_STATE:
      sd_set_filter_state(d, t->key.data, t->key.len, t->value.data, t->value.len, t->life_span, t->stream_sharing);
      break;
    case TASK_ROUTE_CACHE: sd_route_cache(d, t->flag); break;
    case TASK_GETTER: run_getter(f, t); break;
  }
}

/* ---- C API bodies (the checks of cgo.cc's wrappers are in capi.c) ---- */

static task* post_task(golang_filter* f, task_kind kind, processor_state* st) {
  task* t = task_new(kind, f->req, st ? st->base.is_encoding : 0);
  t->from_go = !is_worker(f);
  return t;
}

CAPIStatus gf_continue_status(golang_filter* f, processor_state* st, int status) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  task* t = post_task(f, TASK_CONTINUE, st);
  t->status = status;
  dispatcher_post(&f->w->d, t);
  return CAPIOK;
}

CAPIStatus gf_send_local_reply(golang_filter* f, processor_state* st, int code, const char* body, size_t body_len,
                               header_map* headers, int64_t grpc_status, const char* details,
                               size_t details_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  task* t = post_task(f, TASK_LOCAL_REPLY, st);
  t->code = code;
  sb_append(&t->body, body, body_len);
  t->headers = *headers; /* takes ownership */
  hm_init(headers);
  t->grpc_status = grpc_status;
  sb_append(&t->details, details, details_len);
  /* Always posted: running it inline would re-enter the state machine before the hook's
   * returned status is handled (Envoy #44704). */
  dispatcher_post(&f->w->d, t);
  return CAPIOK;
}

static header_map* map_of(processor_state* st, bool trailers) {
  return trailers ? st->trailers : st->headers;
}

CAPIStatus gf_get_header(golang_filter* f, processor_state* st, const char* key, size_t key_len, uint64_t* value_data,
                         int* value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  header_map* m = st->headers;
  if (m == NULL) return CAPIInvalidPhase;
  const header* h = hm_get(m, key, key_len);
  if (h) {
    *value_data = (uint64_t)(uintptr_t)h->value;
    *value_len = (int)h->value_len;
  }
  return CAPIOK;
}

/* The string header cgo's _GoString_ is. */
typedef struct {
  const char* p;
  ptrdiff_t n;
} go_string;

CAPIStatus gf_copy_map(golang_filter* f, processor_state* st, bool trailers, void* strs, void* buf) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  header_map* m = map_of(st, trailers);
  if (m == NULL) return CAPIInvalidPhase;
  /* Go sized strs and buf from the counts of the entry call. Envoy would overrun them if
   * the map changed since; refuse instead and report it. */
  const uint64_t* a = trailers ? st->announced_trailers : st->announced_headers;
  if (m->len != a[0] || hm_byte_size(m) != a[1]) {
    host_error("Copy%s after the map changed: announced %llu entries / %llu bytes, now %zu / %zu",
               trailers ? "Trailers" : "Headers", (unsigned long long)a[0],
               (unsigned long long)a[1], m->len, hm_byte_size(m));
    return CAPIInternalFailure;
  }
  go_string* out = strs;
  char* p = buf;
  for (size_t i = 0; i < m->len; i++) {
    const header* h = &m->items[i];
    out[2 * i].n = (ptrdiff_t)h->name_len;
    out[2 * i].p = p;
    memcpy(p, h->name, h->name_len);
    p += h->name_len;
    out[2 * i + 1].n = (ptrdiff_t)h->value_len;
    if (h->value_len > 0) {
      out[2 * i + 1].p = p;
      memcpy(p, h->value, h->value_len);
      p += h->value_len;
    }
  }
  return CAPIOK;
}

CAPIStatus gf_write_map(golang_filter* f, processor_state* st, bool trailers, int op, const char* key, size_t key_len,
                        const char* value, size_t value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  header_map* m = map_of(st, trailers);
  if (m == NULL) return CAPIInvalidPhase;
  if (!is_worker(f)) {
    /* From a Go thread: copy now, apply on the worker. */
    task* t = post_task(f, TASK_HEADER_WRITE, st);
    t->trailers = trailers;
    t->header_op = op;
    sb_append(&t->key, key, key_len);
    sb_append(&t->value, value, value_len);
    dispatcher_post(&f->w->d, t);
    return CAPIOK;
  }
  if (op == 2) hm_remove(m, key, key_len);
  else if (op == 1) hm_add(m, key, key_len, value, value_len);
  else hm_set(m, key, key_len, value, value_len);
  return CAPIOK;
}

static strbuf* buffer_of(processor_state* st, uint64_t handle) {
  return bl_contains(&st->do_data, handle) ? (strbuf*)(uintptr_t)handle : NULL;
}

int gf_buffer_index(const processor_state* st, uint64_t handle) {
  for (size_t i = 0; i < st->do_data.len; i++) {
    if ((uint64_t)(uintptr_t)st->do_data.items[i] == handle) return (int)i;
  }
  return -1;
}

CAPIStatus gf_copy_buffer(golang_filter* f, processor_state* st, uint64_t handle, char* out) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  strbuf* b = buffer_of(st, handle);
  if (b == NULL) return CAPIInvalidPhase;
  if (b->len) memcpy(out, b->data, b->len);
  return CAPIOK;
}

CAPIStatus gf_drain_buffer(golang_filter* f, processor_state* st, uint64_t handle, uint64_t n) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  strbuf* b = buffer_of(st, handle);
  if (b == NULL) return CAPIInvalidPhase;
  sb_drain(b, n > b->len ? b->len : (size_t)n);
  return CAPIOK;
}

CAPIStatus gf_set_buffer(golang_filter* f, processor_state* st, uint64_t handle, const char* data, size_t len, int action) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  strbuf* b = buffer_of(st, handle);
  if (b == NULL) return CAPIInvalidPhase;
  if (action == Set) {
    sb_clear(b);
    sb_append(b, data, len);
  } else if (action == Prepend) {
    sb_prepend(b, data, len);
  } else {
    sb_append(b, data, len);
  }
  return CAPIOK;
}

/* Filter::addData: on the worker the filter manager takes the data at once; from a Go
 * thread it is posted and the answer is CAPIYield (with no wake-up to wait for). */
CAPIStatus gf_add_data(golang_filter* f, processor_state* st, const char* data, size_t len, bool streaming) {
  (void)streaming; /* it only matters to watermarks, which are not emulated */
  /* Adding data while Go holds a chunk would break the golang filter's buffer bookkeeping. */
  if (state_of(st) == ENVOY_FILTER_STATE_PROCESSING_DATA) return CAPIInvalidPhase;
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!gf_is_processing_in_go(st)) return CAPINotInGo;
  if (is_worker(f)) {
    strbuf b;
    sb_init(&b);
    sb_append(&b, data, len);
    fm_add_data(f->s, st->base.is_encoding, &b);
    sb_free(&b);
    return CAPIOK;
  }
  task* t = post_task(f, TASK_ADD_DATA, st);
  sb_append(&t->body, data, len);
  t->flag = streaming;
  dispatcher_post(&f->w->d, t);
  return CAPIYield;
}

/* Filter::injectData: only from a Go thread while Go processes data; posted, never ending
 * the stream. */
CAPIStatus gf_inject_data(golang_filter* f, processor_state* st, const char* data, size_t len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!gf_is_processing_in_go(st)) return CAPINotInGo;
  if (state_of(st) != ENVOY_FILTER_STATE_PROCESSING_DATA) return CAPIInvalidPhase;
  if (is_worker(f)) return CAPIInvalidScene;
  task* t = post_task(f, TASK_INJECT_DATA, st);
  sb_append(&t->body, data, len);
  dispatcher_post(&f->w->d, t);
  return CAPIOK;
}

/* Filter::setUpstreamOverrideHost: decoding only, an IP address with an optional port.
 * Posted from a Go thread, Envoy drops strict (it posts false). */
CAPIStatus gf_set_override_host(golang_filter* f, processor_state* st, const char* authority, size_t len, bool strict) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!gf_is_processing_in_go(st)) return CAPINotInGo;
  if (st->base.is_encoding) return CAPIInvalidPhase;
  if (!is_ip_authority(authority, len)) return CAPIInvalidIPAddress;
  if (is_worker(f)) {
    sd_set_override_host(fm_data(f->s), authority, len, strict);
    return CAPIOK;
  }
  task* t = post_task(f, TASK_OVERRIDE_HOST, st);
  sb_append(&t->key, authority, len);
  t->flag = false;
  dispatcher_post(&f->w->d, t);
  return CAPIOK;
}

/* ---- request-level bodies ---- */

/* Getters answered inline on a Go thread write a scratch string of their own: Envoy uses
 * one per request, but the mock must not free memory a Go thread is reading while the
 * worker answers a posted getter. */
static strbuf* scratch_of(golang_filter* f) {
  return is_worker(f) ? &f->req->str_value : &f->req->str_value_go;
}

CAPIStatus gf_get_string_value(golang_filter* f, int id, uint64_t* value_data, int* value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  return sd_get_string_value(fm_data(f->s), id, scratch_of(f), value_data, value_len);
}

CAPIStatus gf_get_integer_value(golang_filter* f, int id, uint64_t* value) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  return sd_get_integer_value(fm_data(f->s), id, value);
}

static CAPIStatus post_getter(golang_filter* f, getter_kind kind, const char* key, size_t len, uint64_t* value_data,
                              int* value_len, int* rc) {
  task* t = post_task(f, TASK_GETTER, NULL);
  t->getter = kind;
  sb_append(&t->key, key, len);
  t->out_data = value_data;
  t->out_len = value_len;
  t->out_rc = rc;
  dispatcher_post(&f->w->d, t);
  return CAPIYield;
}

CAPIStatus gf_get_metadata(golang_filter* f, const char* ns, size_t ns_len, uint64_t* value_data, int* value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) return post_getter(f, GET_METADATA, ns, ns_len, value_data, value_len, NULL);
  sd_get_metadata(fm_data(f->s), ns, ns_len, &f->req->str_value, value_data, value_len);
  return CAPIOK;
}

CAPIStatus gf_set_metadata(golang_filter* f, const char* ns, size_t ns_len, const char* key, size_t key_len,
                           const char* value, size_t value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) {
    task* t = post_task(f, TASK_SET_METADATA, NULL);
    sb_append(&t->key, ns, ns_len);
    sb_append(&t->value, key, key_len);
    sb_append(&t->body, value, value_len);
    dispatcher_post(&f->w->d, t);
    return CAPIOK;
  }
  if (!sd_set_metadata(fm_data(f->s), ns, ns_len, key, key_len, value, value_len)) {
    host_error("envoyGoFilterHttpSetDynamicMetadata: the value is not a serialized google.protobuf.Value");
  }
  return CAPIOK;
}

CAPIStatus gf_get_filter_state(golang_filter* f, const char* key, size_t key_len, uint64_t* value_data, int* value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) return post_getter(f, GET_FILTER_STATE, key, key_len, value_data, value_len, NULL);
  sd_get_filter_state(fm_data(f->s), key, key_len, &f->req->str_value, value_data, value_len);
  return CAPIOK;
}

CAPIStatus gf_set_filter_state(golang_filter* f, const char* key, size_t key_len, const char* value, size_t value_len,
                               int life_span, int stream_sharing) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) {
    task* t = post_task(f, TASK_SET_FILTER_STATE, NULL);
    sb_append(&t->key, key, key_len);
    sb_append(&t->value, value, value_len);
    t->life_span = life_span;
    t->stream_sharing = stream_sharing;
    dispatcher_post(&f->w->d, t);
    return CAPIOK;
  }
  sd_set_filter_state(fm_data(f->s), key, key_len, value, value_len, life_span, stream_sharing);
  return CAPIOK;
}

CAPIStatus gf_get_property(golang_filter* f, const char* path, size_t len, uint64_t* value_data, int* value_len, int* rc) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) return post_getter(f, GET_PROPERTY, path, len, value_data, value_len, rc);
  return sd_get_property(fm_data(f->s), path, len, &f->req->str_value, value_data, value_len);
}

CAPIStatus gf_get_secret(golang_filter* f, const char* name, size_t len, uint64_t* value_data, int* value_len) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) return post_getter(f, GET_SECRET, name, len, value_data, value_len, NULL);
  sd_get_secret(fm_data(f->s), name, len, &f->req->str_value, value_data, value_len);
  return CAPIOK;
}

CAPIStatus gf_clear_route_cache(golang_filter* f, bool refresh) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  if (!is_worker(f)) {
    task* t = post_task(f, TASK_ROUTE_CACHE, NULL);
    t->flag = refresh;
    dispatcher_post(&f->w->d, t);
    return CAPIOK;
  }
  sd_route_cache(fm_data(f->s), refresh);
  return CAPIOK;
}

CAPIStatus gf_set_drain(golang_filter* f) {
  if (has_destroyed(f)) return CAPIFilterIsDestroy;
  sd_set_drain(fm_data(f->s));
  return CAPIOK;
}
