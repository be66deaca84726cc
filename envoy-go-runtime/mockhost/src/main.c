/* mosn-ts-mockhost: loads a golang-filter library and drives it like Envoy would, over
 * the JSON-lines protocol of docs/host-protocol.md. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calls.h"
#include "configs.h"
#include "host.h"
#include "json.h"
#include "load.h"
#include "pb.h"
#include "stream.h"

static const char usage[] =
    "usage: mosn-ts-mockhost [--seed N] [--concurrency N] <filter.so>\n"
    "Reads one JSON request per line on stdin and answers one JSON line each on stdout\n"
    "(docs/host-protocol.md). --seed sets MOSN_TS_SEED for the library before it loads;\n"
    "--concurrency is Envoy's worker count (worker threads 0..N-1), else the first config's.\n";

static struct {
  bool seeded;
  uint64_t seed;
  uint32_t concurrency;
  bool concurrency_fixed; /* given as --concurrency, or announced with the first config */
} opts = {false, 0, 1, false};

static bool parse_u64(const char* text, uint64_t* out) {
  if (text[0] < '0' || text[0] > '9') return false;
  errno = 0;
  char* end;
  unsigned long long v = strtoull(text, &end, 10);
  if (errno || *end) return false;
  *out = v;
  return true;
}

/* Makes MOSN_TS_SEED match --seed (absent without it). The Go runtime of a c-shared
 * library reads the environment that follows argv on the process's initial stack, not
 * environ, so a setenv before dlopen would go unseen: when the variable must change,
 * the host re-executes itself with the new environment. */
static bool seed_environment(char** argv) {
  static const char guard[] = "MOSN_TS_MOCKHOST_REEXEC";
  char want[32];
  snprintf(want, sizeof want, "%" PRIu64, opts.seed);
  const char* have = getenv("MOSN_TS_SEED");
  bool right = opts.seeded ? have != NULL && strcmp(have, want) == 0 : have == NULL;
  if (right) {
    unsetenv(guard);
    return true;
  }
  if (getenv(guard) != NULL) {
    fprintf(stderr, "mosn-ts-mockhost: could not set MOSN_TS_SEED for the library\n");
    return false;
  }
  if (opts.seeded) setenv("MOSN_TS_SEED", want, 1);
  else unsetenv("MOSN_TS_SEED");
  setenv(guard, "1", 1);
  execv("/proc/self/exe", argv);
  fprintf(stderr, "mosn-ts-mockhost: re-executing with MOSN_TS_SEED failed: %s\n", strerror(errno));
  return false;
}

/* ---- answers ---- */

static void emit(strbuf* line) {
  sb_append_char(line, '\n');
  fwrite(line->data, 1, line->len, stdout);
  fflush(stdout);
}

/* Appends ,"logs":[...] and, when there were any, ,"hostErrors":[...]. */
static void append_logs_and_errors(strbuf* out) {
  sb_append_str(out, ",\"logs\":[");
  log_take(out);
  sb_append_char(out, ']');
  strbuf errors;
  sb_init(&errors);
  if (host_errors_take(&errors) > 0) {
    sb_append_str(out, ",\"hostErrors\":[");
    sb_append(out, errors.data, errors.len);
    sb_append_char(out, ']');
  }
  sb_free(&errors);
}

static void answer_error(const json_value* id, const char* message) {
  strbuf out;
  sb_init(&out);
  sb_append_str(&out, "{\"op\":\"error\"");
  if (id) {
    sb_append_str(&out, ",\"id\":");
    json_write_value(&out, id);
  }
  sb_append_str(&out, ",\"error\":");
  json_write_string(&out, message, strlen(message));
  sb_append_char(&out, '}');
  emit(&out);
  sb_free(&out);
}

/* Appends ,"metrics":{...} once some metric exists. */
static void append_metrics(strbuf* out) {
  strbuf m;
  sb_init(&m);
  if (metrics_write_json(&m)) {
    sb_append_str(out, ",\"metrics\":");
    sb_append(out, m.data, m.len);
  }
  sb_free(&m);
}

/* Reads "recordCalls" into *record; false (with err) when it is not a boolean. */
static bool read_record_calls(const json_value* op, const char* where, bool* record, char* err, size_t errlen) {
  const json_value* v = json_get(op, "recordCalls");
  *record = v != NULL && v->type == JSON_BOOL && v->boolean;
  if (v == NULL || v->type == JSON_BOOL) return true;
  snprintf(err, errlen, "%s: recordCalls must be a boolean", where);
  return false;
}

static void append_calls(strbuf* out, bool recorded) {
  if (!recorded) return;
  sb_append_str(out, ",\"calls\":[");
  calls_stop(out);
  sb_append_char(out, ']');
}

/* Drops what the library logged or the host noticed between operations. */
static void discard_captures(void) {
  strbuf sink;
  sb_init(&sink);
  log_take(&sink);
  host_errors_take(&sink);
  sb_free(&sink);
  free(log_last_error());
}

static bool apply_log_level(const json_value* v, char* err, size_t errlen) {
  static const char* names[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
  if (v == NULL) return true;
  if (v->type == JSON_STRING) {
    for (unsigned i = 0; i < 7; i++) {
      if (strcmp(v->text, names[i]) == 0) {
        atomic_store(&g_host.log_level, i);
        return true;
      }
    }
  }
  snprintf(err, errlen, "logLevel must be one of trace, debug, info, warn, error, critical, off");
  return false;
}

/* ---- ops ---- */

static void op_config(const json_value* op) {
  char err[256];
  const json_value* plugin = json_get(op, "plugin");
  if (plugin == NULL || plugin->type != JSON_STRING) {
    answer_error(NULL, "config: plugin must be a string");
    return;
  }
  const json_value* seed = json_get(op, "seed");
  if (seed) {
    uint64_t v;
    if (seed->type != JSON_NUMBER || !parse_u64(seed->text, &v)) {
      answer_error(NULL, "config: seed must be a non-negative integer");
      return;
    }
    if (!opts.seeded || opts.seed != v) {
      char msg[256];
      snprintf(msg, sizeof msg,
               "config: seed %" PRIu64 " must be given as --seed when the host starts (the library reads it once, at load)",
               v);
      answer_error(NULL, msg);
      return;
    }
  }
  const json_value* level = json_get(op, "logLevel");
  atomic_store(&g_host.log_level, LOG_TRACE);
  if (!apply_log_level(level, err, sizeof err)) {
    answer_error(NULL, err);
    return;
  }
  const json_value* encoding = json_get(op, "encoding");
  const json_value* config = json_get(op, "config");
  strbuf any;
  sb_init(&any);
  if (encoding == NULL || (encoding->type == JSON_STRING && strcmp(encoding->text, "typed_struct") == 0)) {
    if (config != NULL && config->type != JSON_OBJECT) {
      answer_error(NULL, "config: with the typed_struct encoding, config must be an object");
      return;
    }
    json_value empty = {.type = JSON_OBJECT};
    pb_any_typed_struct(&any, config ? config : &empty);
  } else if (encoding->type == JSON_STRING && strcmp(encoding->text, "string_value") == 0) {
    strbuf text;
    sb_init(&text);
    if (config == NULL) sb_append_str(&text, "{}");
    else if (config->type == JSON_STRING) sb_append(&text, config->text, config->text_len);
    else json_write_value(&text, config);
    pb_any_string_value(&any, text.data, text.len);
    sb_free(&text);
  } else {
    answer_error(NULL, "config: encoding must be \"typed_struct\" or \"string_value\"");
    return;
  }
  string_map secrets = {0};
  if (!string_map_read(&secrets, json_get(op, "secrets"), "config: secrets", err, sizeof err)) {
    sb_free(&any);
    answer_error(NULL, err);
    return;
  }
  const json_value* concurrency = json_get(op, "concurrency");
  if (concurrency) {
    uint64_t n;
    if (concurrency->type != JSON_NUMBER || !parse_u64(concurrency->text, &n) || n == 0 || n > 1024) {
      snprintf(err, sizeof err, "config: concurrency must be an integer in 1..1024");
    } else if (opts.concurrency_fixed && n != opts.concurrency) {
      snprintf(err, sizeof err, "config: this host announced concurrency %u; a config cannot change it to %llu",
               opts.concurrency, (unsigned long long)n);
    } else {
      opts.concurrency = (uint32_t)n;
      err[0] = '\0';
    }
    if (err[0]) {
      sb_free(&any);
      string_map_free(&secrets);
      answer_error(NULL, err);
      return;
    }
  }
  bool record;
  if (!read_record_calls(op, "config", &record, err, sizeof err)) {
    sb_free(&any);
    string_map_free(&secrets);
    answer_error(NULL, err);
    return;
  }
  discard_captures();
  if (record) calls_start();
  opts.concurrency_fixed = true;
  host_config* c = config_create(plugin->text, plugin->text_len, &any, opts.concurrency, &secrets);
  string_map_free(&secrets);
  sb_free(&any);
  strbuf out;
  sb_init(&out);
  sb_append_str(&out, "{\"op\":\"config\"");
  if (c->id != 0) {
    sb_appendf(&out, ",\"ok\":true,\"configId\":%" PRIu64, c->id);
  } else {
    char* last = log_last_error();
    const char* e = last ? last : "golang filter failed to parse plugin config";
    sb_append_str(&out, ",\"ok\":false,\"error\":");
    json_write_text_lossy(&out, e, strlen(e));
    free(last);
  }
  append_metrics(&out);
  append_logs_and_errors(&out);
  append_calls(&out, record);
  sb_append_char(&out, '}');
  emit(&out);
  sb_free(&out);
}

/* A request op's stream, run on its worker's thread from start to end. */
typedef struct {
  stream* s;
  strbuf* out;
} request_job;

static void run_request(void* arg) {
  request_job* job = arg;
  stream_run(job->s);
  stream_write_result(job->s, job->out);
  stream_free(job->s);
}

static void op_request(const json_value* op) {
  char err[256];
  const json_value* id = json_get(op, "id");
  host_config* config;
  const json_value* config_id = json_get(op, "configId");
  if (config_id) {
    uint64_t v = 0;
    if (config_id->type != JSON_NUMBER || !parse_u64(config_id->text, &v) || (config = config_find(v)) == NULL) {
      answer_error(id, "request: configId does not name an accepted config");
      return;
    }
  } else if ((config = config_latest()) == NULL) {
    answer_error(id, "request: no accepted config yet; send a config op first");
    return;
  }
  if (!apply_log_level(json_get(op, "logLevel"), err, sizeof err)) {
    answer_error(id, err);
    return;
  }
  bool record;
  if (!read_record_calls(op, "request", &record, err, sizeof err)) {
    answer_error(id, err);
    return;
  }
  stream* s = stream_new(config, opts.concurrency, op, err, sizeof err);
  if (s == NULL) {
    char msg[300];
    snprintf(msg, sizeof msg, "request: %s", err);
    answer_error(id, msg);
    return;
  }
  discard_captures();
  if (record) calls_start();
  strbuf out;
  sb_init(&out);
  sb_append_str(&out, "{\"op\":\"result\",\"id\":");
  if (id) json_write_value(&out, id);
  else sb_append_str(&out, "null");
  worker* w = worker_get(stream_worker_id(s));
  stream_bind(s, w);
  request_job job = {s, &out};
  worker_start(w, run_request, &job);
  worker_wait(w);
  append_metrics(&out);
  append_logs_and_errors(&out);
  append_calls(&out, record);
  sb_append_char(&out, '}');
  emit(&out);
  sb_free(&out);
}

static void op_load(const json_value* op) {
  char err[256];
  const json_value* id = json_get(op, "id");
  strbuf out;
  sb_init(&out);
  sb_append_str(&out, "{\"op\":\"load\"");
  if (id) {
    sb_append_str(&out, ",\"id\":");
    json_write_value(&out, id);
  }
  if (!apply_log_level(json_get(op, "logLevel"), err, sizeof err)) {
    sb_free(&out);
    answer_error(id, err);
    return;
  }
  discard_captures();
  if (!load_run(op, opts.concurrency, &out, err, sizeof err)) {
    sb_free(&out);
    char msg[300];
    snprintf(msg, sizeof msg, "load: %s", err);
    answer_error(id, msg);
    return;
  }
  append_metrics(&out);
  strbuf errors;
  sb_init(&errors);
  if (host_errors_take(&errors) > 0) {
    sb_append_str(&out, ",\"hostErrors\":[");
    sb_append(&out, errors.data, errors.len);
    sb_append_char(&out, ']');
  }
  sb_free(&errors);
  sb_append_char(&out, '}');
  emit(&out);
  sb_free(&out);
}

/* Envoy's shutdown: configs destroyed, then the library hands back what it still holds. */
static void shutdown_library(size_t* requests, size_t* configs) {
  configs_destroy_all();
  g_host.dso.cleanup();
  *requests = requests_unfinalized();
  *configs = configs_unfinalized();
}

static void op_exit(void) {
  discard_captures();
  size_t requests, configs;
  shutdown_library(&requests, &configs);
  strbuf out;
  sb_init(&out);
  sb_appendf(&out, "{\"op\":\"exit\",\"ok\":%s,\"unfinalized\":{\"requests\":%zu,\"configs\":%zu}",
             requests == 0 && configs == 0 ? "true" : "false", requests, configs);
  append_logs_and_errors(&out);
  sb_append_char(&out, '}');
  emit(&out);
  sb_free(&out);
}

static bool handle_line(const char* line, size_t len) {
  char err[160];
  json_value* op = json_parse(line, len, err, sizeof err);
  if (op == NULL) {
    char msg[200];
    snprintf(msg, sizeof msg, "malformed JSON: %s", err);
    answer_error(NULL, msg);
    return true;
  }
  const json_value* name = json_get(op, "op");
  bool keep_going = true;
  if (op->type != JSON_OBJECT || name == NULL || name->type != JSON_STRING) {
    answer_error(NULL, "each line must be an object with a string \"op\"");
  } else if (strcmp(name->text, "config") == 0) {
    op_config(op);
  } else if (strcmp(name->text, "request") == 0) {
    op_request(op);
  } else if (strcmp(name->text, "load") == 0) {
    op_load(op);
  } else if (strcmp(name->text, "exit") == 0) {
    op_exit();
    keep_going = false;
  } else {
    char msg[200];
    snprintf(msg, sizeof msg, "unknown op \"%.100s\"", name->text);
    answer_error(json_get(op, "id"), msg);
  }
  json_free(op);
  return keep_going;
}

int main(int argc, char** argv) {
  const char* path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      if (!parse_u64(argv[++i], &opts.seed)) {
        fprintf(stderr, "mosn-ts-mockhost: --seed must be a decimal unsigned 64-bit integer\n");
        return 2;
      }
      opts.seeded = true;
    } else if (strcmp(argv[i], "--concurrency") == 0 && i + 1 < argc) {
      uint64_t n;
      if (!parse_u64(argv[++i], &n) || n == 0 || n > 1024) {
        fprintf(stderr, "mosn-ts-mockhost: --concurrency must be in 1..1024\n");
        return 2;
      }
      opts.concurrency = (uint32_t)n;
      opts.concurrency_fixed = true;
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(usage, stdout);
      return 0;
    } else if (argv[i][0] != '-' && path == NULL) {
      path = argv[i];
    } else {
      fputs(usage, stderr);
      return 2;
    }
  }
  if (path == NULL) {
    fputs(usage, stderr);
    return 2;
  }
  if (!seed_environment(argv)) return 2;

  char err[1024];
  if (!dso_load(&g_host.dso, path, err, sizeof err)) {
    fprintf(stderr, "mosn-ts-mockhost: %s\n", err);
    return 2;
  }
  atomic_init(&g_host.log_level, LOG_TRACE);
  main_thread_mark();

  char* line = NULL;
  size_t cap = 0;
  ssize_t n;
  bool exited = false;
  while ((n = getline(&line, &cap, stdin)) != -1) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    if (n == 0) continue;
    if (!handle_line(line, (size_t)n)) {
      exited = true;
      break;
    }
  }
  free(line);
  if (!exited) {
    size_t requests, configs;
    shutdown_library(&requests, &configs);
    discard_captures();
  }
  workers_stop();
  requests_free_all();
  configs_free_all();
  metrics_free_all();
  calls_free();
  capture_free();
  return 0;
}
