/* The emulated Envoy: objects shared by the C API (capi.c), the golang filter
 * (golang_filter.c), the filter manager and router (stream.c), the worker threads
 * (workers.c) and the protocol (main.c, load.c).
 *
 * Threads, as in Envoy: the main thread creates and destroys configs; each worker thread
 * drives its own streams, one at a time, and owns them; Go calls in from its own threads
 * (finalizers, goroutines). Those touch shared state only under registry_lock() or
 * through the stream's worker's dispatcher, as Envoy posts such work to the worker. */
#ifndef MOCKHOST_HOST_H
#define MOCKHOST_HOST_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "dso.h"
#include "headers.h"
#include "metrics.h"
#include "stream_data.h"
#include "util.h"

typedef struct worker worker;
typedef struct golang_filter golang_filter;
typedef struct stream stream;
typedef struct host_config host_config;
typedef struct request_internal request_internal;

/* Envoy's GolangStatus. */
enum {
  GOLANG_RUNNING = 0,
  GOLANG_LOCAL_REPLY = 1,
  GOLANG_CONTINUE = 2,
  GOLANG_STOP_AND_BUFFER = 3,
  GOLANG_STOP_AND_BUFFER_WATERMARK = 4,
  GOLANG_STOP_NO_BUFFER = 5,
};
const char* golang_status_name(uint64_t status); /* "Continue", or "Unknown(7)" in a static buffer */

/* Log levels (spdlog's, as Envoy passes them). */
enum { LOG_TRACE, LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR, LOG_CRITICAL, LOG_OFF };

/* ---- process-wide host state (host.c) ---- */

typedef struct {
  filter_dso dso;
  atomic_uint log_level;
} host;

extern host g_host;

void registry_lock(void);
void registry_unlock(void);
/* Waits for registry_notify; caller holds the lock. */
void registry_wait(void);
void registry_notify(void);

/* Problems the host detected that a real Envoy would crash on or ignore: ABI misuse by
 * the library, calls the mock does not implement. Thread-safe. */
void host_error(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
/* Moves the errors collected so far into out (a JSON array body, no brackets); returns
 * how many. Past HOST_ERRORS_KEPT errors only a count is kept, written as a last entry. */
#define HOST_ERRORS_KEPT 100
size_t host_errors_take(strbuf* out);

/* Log lines written through envoyGoFilterLog since the last take. Thread-safe. */
void log_capture(uint32_t level, const char* msg, size_t len);
size_t log_take(strbuf* out); /* JSON objects separated by commas */
/* The last error-or-worse line captured since the last take, or NULL. Caller frees. */
char* log_last_error(void);

/* Counting mode, for runs too long to keep every line (the load op): from log_count_start
 * to log_count_stop, lines are counted per level and only the first LOG_ERRORS_KEPT
 * error-or-worse messages are kept. */
#define LOG_ERRORS_KEPT 10
void log_count_start(void);
/* Ends counting: counts[level] for trace..critical; appends the kept error messages (JSON
 * strings separated by commas) to errors and returns how many. */
size_t log_count_stop(uint64_t counts[6], strbuf* errors);

/* ---- buffers (Envoy's BufferList of processor_state.cc) ---- */

typedef struct {
  strbuf** items;
  size_t len;
  size_t cap;
  uint64_t bytes; /* bytes at push time, as Envoy counts them */
} buffer_list;

strbuf* bl_push(buffer_list* l, strbuf* data); /* moves data into a new buffer */
void bl_move_out(buffer_list* l, strbuf* out);
void bl_clear_latest(buffer_list* l);
void bl_clear_all(buffer_list* l);
bool bl_contains(const buffer_list* l, uint64_t handle);
bool bl_empty(const buffer_list* l);
void bl_free(buffer_list* l);

/* ---- dispatcher: work posted to a worker, run in order on its thread ---- */

typedef enum {
  TASK_CONTINUE,
  TASK_LOCAL_REPLY,
  TASK_HEADER_WRITE,
  TASK_ADD_DATA,
  TASK_INJECT_DATA,
  TASK_OVERRIDE_HOST,
  TASK_SET_METADATA,
  TASK_SET_FILTER_STATE,
  TASK_ROUTE_CACHE,
  TASK_GETTER,
} task_kind;

/* Which getter a TASK_GETTER runs (Envoy posts these from Go threads and answers with
 * envoyGoRequestSemaDec). */
typedef enum { GET_METADATA, GET_FILTER_STATE, GET_PROPERTY, GET_SECRET } getter_kind;

typedef struct task {
  task_kind kind;
  request_internal* req; /* holds a reference */
  int is_encoding;
  bool from_go; /* posted from a Go thread: runs only when the worker is idle */
  int status;   /* TASK_CONTINUE */
  /* TASK_LOCAL_REPLY */
  int code;
  strbuf body; /* also the data of TASK_ADD_DATA / TASK_INJECT_DATA, the value of writes */
  header_map headers;
  int64_t grpc_status;
  strbuf details;
  /* TASK_HEADER_WRITE (from another thread) */
  bool trailers;
  int header_op; /* 0 set, 1 add, 2 remove */
  strbuf key;   /* also the host, namespace, filter state key, getter key */
  strbuf value; /* also the metadata key */
  /* TASK_ADD_DATA streaming, TASK_OVERRIDE_HOST strict, TASK_ROUTE_CACHE refresh */
  bool flag;
  int life_span, stream_sharing;
  /* TASK_GETTER: where Envoy writes the answer (Go memory the runtime keeps pinned) */
  getter_kind getter;
  uint64_t* out_data;
  int* out_len;
  int* out_rc;
  struct task* next;
} task;

typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t cond;
  task* head; /* posted on the worker */
  task* tail;
  task* go_head; /* posted from Go threads */
  task* go_tail;
  unsigned wakeups; /* bumped by dispatcher_wake */
} dispatcher;

void dispatcher_init(dispatcher* d);
void dispatcher_destroy(dispatcher* d);
void dispatcher_post(dispatcher* d, task* t);
/* The next task posted on the worker, or NULL (does not wait). */
task* dispatcher_pop_worker(dispatcher* d);
/* The next task posted from a Go thread; waits up to timeout_ms for one (0: do not wait).
 * Returns NULL on timeout or when dispatcher_wake was called meanwhile. */
task* dispatcher_pop_go(dispatcher* d, int timeout_ms);
/* Ends a wait in dispatcher_pop_go without a task (something the worker waits for changed). */
void dispatcher_wake(dispatcher* d);
task* task_new(task_kind kind, request_internal* req, int is_encoding);
void task_free(task* t);

/* ---- worker threads (workers.c) ---- */

/* Envoy's --concurrency bound (the protocol's too). */
#define MAX_WORKERS 1024

/* One of Envoy's worker threads: it runs the jobs the main thread hands it (driving
 * streams), and the tasks posted to its dispatcher while it does. */
struct worker {
  uint32_t id;
  pthread_t thread;
  dispatcher d;
  pthread_mutex_t mu;
  pthread_cond_t cond;
  void (*job)(void*); /* under mu; NULL when idle */
  void* job_arg;
  bool quit;
};

/* The worker with this id, its thread started on first use. Main thread only. */
worker* worker_get(uint32_t id);
/* Hands fn(arg) to w's thread and returns at once; w must be idle. */
void worker_start(worker* w, void (*fn)(void*), void* arg);
/* Waits until the job handed to w has returned. */
void worker_wait(worker* w);
/* Ends every worker thread (each idle) and drops the tasks left in its dispatcher. */
void workers_stop(void);
/* Marks the calling thread as Envoy's main thread (once, at start). */
void main_thread_mark(void);
/* True on Envoy's own threads (the main thread, a worker), false on Go's. */
bool on_envoy_thread(void);
bool worker_is_current(const worker* w);

/* ---- configs ---- */

/* Envoy's httpConfigInternal: what Go sees; freed when Go finalizes it. */
typedef struct {
  httpConfig base; /* first: Go gets &base */
  host_config* owner; /* weak: NULL once the FilterConfig is gone */
} config_internal;

struct host_config {
  uint64_t id; /* 0 when the library rejected the config */
  uint64_t seq; /* 1 for the first config the host created, and so on (call records) */
  char* plugin_name;
  size_t plugin_name_len;
  config_internal* internal;
  bool destroyed;
  string_map secrets; /* the filter's generic secrets */
  metric_table metrics;
  host_config* next;
};

/* ---- the golang filter (golang_filter.c) ---- */

/* Envoy's ProcessorState; lives inside the request object, as in Envoy, so a pointer Go
 * holds stays valid until the request is finalized. */
typedef struct {
  processState base; /* first: Go gets &base */
  request_internal* owner;
  header_map* headers;
  header_map* trailers;
  buffer_list do_data;
  strbuf data_buffer;
  bool end_stream;
  bool do_end_stream;
  uint64_t announced_headers[2]; /* entries, bytes */
  uint64_t announced_trailers[2];
  /* The entry (numbered by entry_count, from 1) that returned Running and whose final call
   * from Go (Continue, SendLocalReply or SendPanicReply, accepted or not) is still due; 0 when
   * none. A number rather than a flag: a final call runs on Go's thread, and the task it posts
   * can start the direction's next entry before the call returns, so a late final call must
   * only settle the entry it belongs to. */
  atomic_uint_fast64_t go_pending;
  uint64_t entry_count; /* worker thread only */
} processor_state;

struct request_internal {
  httpRequest base; /* first: Go gets &base */
  worker* w; /* the stream's worker: whose dispatcher Go's final calls wake */
  golang_filter* filter; /* weak: NULL once the filter is gone */
  processor_state decoding;
  processor_state encoding;
  bool finalized;
  int refs; /* queued tasks; under registry_lock */
  strbuf str_value; /* Envoy's scratch string for getter results (req_->strValue) */
  strbuf str_value_go; /* the same for getters answered inline on a Go thread */
  request_internal* next_live; /* the registry's hash chain */
};

struct golang_filter {
  worker* w;
  stream* s;
  host_config* config;
  request_internal* req;
  int busy; /* C API calls using the filter right now; under registry_lock */
  atomic_bool destroyed;
  header_map* request_headers;
  header_map* request_trailers;
};

#define FILTER_LOG_DOWNSTREAM_END 6

/* Registry of request objects that Go may still reference (registry_lock). */
void requests_register(request_internal* r);
request_internal* requests_find(const void* r);        /* caller holds the lock */
processor_state* states_find(const void* s);            /* caller holds the lock */
config_internal* configs_find_internal(const void* c);  /* caller holds the lock */
void configs_forget_internal(config_internal* ci);      /* frees it; caller holds the lock */
/* Frees r if nothing references it any more; caller holds the lock. */
void request_maybe_free(request_internal* r);
size_t requests_unfinalized(void);
/* At exit: frees what the library never handed back, and the captures. */
void requests_free_all(void);
void capture_free(void);

golang_filter* gf_new(worker* w, stream* s, host_config* config, uint32_t worker_id);
/* The stream is done with the filter: the request object lives on until finalized. Waits
 * for C API calls still using the filter (Envoy's shared_ptr does the same). */
void gf_release(golang_filter* f);
/* The filter of r, kept alive until filter_put; NULL once it is gone. */
golang_filter* filter_get(request_internal* r);
void filter_put(golang_filter* f);

bool gf_is_processing_in_go(const processor_state* st);
bool gf_filter_processing_in_go(const golang_filter* f);
bool gf_has_destroyed(const golang_filter* f);

bool gf_decode_headers(golang_filter* f, header_map* headers, bool end_stream);
bool gf_decode_data(golang_filter* f, strbuf* data, bool end_stream);
bool gf_decode_trailers(golang_filter* f, header_map* trailers);
bool gf_encode_headers(golang_filter* f, header_map* headers, bool end_stream);
bool gf_encode_data(golang_filter* f, strbuf* data, bool end_stream);
bool gf_encode_trailers(golang_filter* f, header_map* trailers);
void gf_on_stream_complete(golang_filter* f);
void gf_log(golang_filter* f, int type);
void gf_on_destroy(golang_filter* f);
void gf_run_task(task* t);
/* The entry of st awaiting Go's final call (0: none); take it before the call can post work. */
uint64_t gf_pending_entry(processor_state* st);
/* Go made its final call for that entry of st (see processor_state.go_pending). */
void gf_note_final_call(processor_state* st, uint64_t entry);
/* How many directions still wait for Go's final call (0..2). */
int gf_go_pending_count(const golang_filter* f);

/* C API bodies (capi.c checks the pointers and the state first, and holds the filter). */
CAPIStatus gf_continue_status(golang_filter* f, processor_state* st, int status);
CAPIStatus gf_send_local_reply(golang_filter* f, processor_state* st, int code, const char* body, size_t body_len,
                               header_map* headers, int64_t grpc_status, const char* details,
                               size_t details_len);
CAPIStatus gf_get_header(golang_filter* f, processor_state* st, const char* key, size_t key_len, uint64_t* value_data,
                         int* value_len);
CAPIStatus gf_copy_map(golang_filter* f, processor_state* st, bool trailers, void* strs, void* buf);
CAPIStatus gf_write_map(golang_filter* f, processor_state* st, bool trailers, int op, const char* key, size_t key_len,
                        const char* value, size_t value_len);
CAPIStatus gf_copy_buffer(golang_filter* f, processor_state* st, uint64_t handle, char* out);
CAPIStatus gf_drain_buffer(golang_filter* f, processor_state* st, uint64_t handle, uint64_t n);
CAPIStatus gf_set_buffer(golang_filter* f, processor_state* st, uint64_t handle, const char* data, size_t len, int action);
CAPIStatus gf_add_data(golang_filter* f, processor_state* st, const char* data, size_t len, bool streaming);
CAPIStatus gf_inject_data(golang_filter* f, processor_state* st, const char* data, size_t len);
CAPIStatus gf_set_override_host(golang_filter* f, processor_state* st, const char* authority, size_t len, bool strict);
/* Request-level bodies, after envoyGoFilterHandlerWrapper's checks. */
CAPIStatus gf_get_string_value(golang_filter* f, int id, uint64_t* value_data, int* value_len);
CAPIStatus gf_get_integer_value(golang_filter* f, int id, uint64_t* value);
CAPIStatus gf_get_metadata(golang_filter* f, const char* ns, size_t ns_len, uint64_t* value_data, int* value_len);
CAPIStatus gf_set_metadata(golang_filter* f, const char* ns, size_t ns_len, const char* key, size_t key_len,
                           const char* value, size_t value_len);
CAPIStatus gf_get_filter_state(golang_filter* f, const char* key, size_t key_len, uint64_t* value_data, int* value_len);
CAPIStatus gf_set_filter_state(golang_filter* f, const char* key, size_t key_len, const char* value, size_t value_len,
                               int life_span, int stream_sharing);
CAPIStatus gf_get_property(golang_filter* f, const char* path, size_t len, uint64_t* value_data, int* value_len, int* rc);
CAPIStatus gf_get_secret(golang_filter* f, const char* name, size_t len, uint64_t* value_data, int* value_len);
CAPIStatus gf_clear_route_cache(golang_filter* f, bool refresh);
CAPIStatus gf_set_drain(golang_filter* f);
/* Which buffer of st's pending list handle is (0-based), or -1: for call records. */
int gf_buffer_index(const processor_state* st, uint64_t handle);

/* ---- the filter manager, router and client (stream.c) ---- */

void fm_trace(stream* s, const char* hook, int end_stream, const char* status_or_reason,
              const char* extra_key);
void fm_continue_decoding(stream* s);
void fm_continue_encoding(stream* s);
void fm_inject_decoded(stream* s, strbuf* data, bool end_stream);
void fm_inject_encoded(stream* s, strbuf* data, bool end_stream);
/* addDecodedData / addEncodedData. */
void fm_add_data(stream* s, bool encoding, strbuf* data);
void fm_send_local_reply(stream* s, int code, const strbuf* body, const header_map* headers,
                         int64_t grpc_status, const strbuf* details);
header_map* fm_request_headers(stream* s);
header_map* fm_response_headers(stream* s);
header_map* fm_response_trailers(stream* s);
stream_data* fm_data(stream* s);
/* An entry into the named hook returned (a client reset "after" it may happen now). */
void fm_after_hook(stream* s, const char* hook);

#endif
