/* header-bench-driver: times one filter library on one request, driven by the mock host's
 * emulation of Envoy (envoy-go-runtime/mockhost/src, linked in with this main instead of
 * the protocol's). One library per process: two Go runtimes cannot share one.
 *
 *   header-bench-driver --plugin NAME --request JSON [--config JSON] [--iterations N]
 *                       [--warmup N] [--reps N] library.so
 *
 * Runs the request once for a sample result, `warmup` times untimed, then `reps` timed
 * loops of `iterations` requests on worker 0, and prints one JSON object: nanoseconds per
 * request of each loop (wall-clock, and CPU time of the whole process) and, when the library exports mosnBenchMallocs (the benchmark
 * builds add it), Go heap allocations per request of each loop. */
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "configs.h"
#include "host.h"
#include "json.h"
#include "metrics.h"
#include "calls.h"
#include "pb.h"
#include "stream.h"

static const char usage[] =
    "usage: header-bench-driver --plugin NAME --request JSON [--config JSON] [--iterations N]\n"
    "                           [--warmup N] [--reps N] library.so\n";

typedef struct {
  worker* w;
  host_config* config;
  const json_value* op;
  uint64_t iterations, warmup, reps;
  uint64_t (*mallocs)(void);
  double* ns_per_request;      /* per rep, wall-clock */
  double* cpu_ns_per_request;  /* per rep, CPU time of every thread of the process */
  double* mallocs_per_request; /* per rep, when mallocs is known */
  strbuf sample;
  char err[300];
} bench;

static long long clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void drop_logs(void) {
  strbuf sink;
  sb_init(&sink);
  log_take(&sink);
  sb_free(&sink);
  free(log_last_error());
}

/* One stream from start to end, as a request op runs it; result gets its answer members. */
static bool one_request(bench* b, strbuf* result) {
  char err[256];
  stream* s = stream_new(b->config, 1, b->op, err, sizeof err);
  if (s == NULL) {
    snprintf(b->err, sizeof b->err, "request: %s", err);
    return false;
  }
  stream_bind(s, b->w);
  stream_run(s);
  if (result) stream_write_result(s, result);
  stream_free(s);
  return true;
}

/* The whole measurement, on the worker's thread (where Envoy runs streams). */
static void run_bench(void* arg) {
  bench* b = arg;
  if (!one_request(b, &b->sample)) return;
  for (uint64_t i = 0; i < b->warmup; i++) {
    if (!one_request(b, NULL)) return;
  }
  drop_logs();
  for (uint64_t r = 0; r < b->reps; r++) {
    uint64_t m0 = b->mallocs ? b->mallocs() : 0;
    long long c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    long long t0 = clock_ns(CLOCK_MONOTONIC);
    for (uint64_t i = 0; i < b->iterations; i++) {
      if (!one_request(b, NULL)) return;
    }
    long long t1 = clock_ns(CLOCK_MONOTONIC);
    long long c1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    uint64_t m1 = b->mallocs ? b->mallocs() : 0;
    b->ns_per_request[r] = (double)(t1 - t0) / (double)b->iterations;
    /* Go's collector and other runtime threads count too: work the library causes. */
    b->cpu_ns_per_request[r] = (double)(c1 - c0) / (double)b->iterations;
    if (b->mallocs) b->mallocs_per_request[r] = (double)(m1 - m0) / (double)b->iterations;
    drop_logs();
  }
}

static bool parse_count(const char* text, uint64_t min, uint64_t* out) {
  char* end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (errno || *end || text[0] < '0' || text[0] > '9' || v < min) return false;
  *out = v;
  return true;
}

static void write_doubles(const double* v, uint64_t n) {
  putchar('[');
  for (uint64_t i = 0; i < n; i++) printf("%s%.3f", i ? "," : "", v[i]);
  putchar(']');
}

int main(int argc, char** argv) {
  const char *plugin = NULL, *config_text = "{}", *request_text = NULL, *path = NULL;
  bench b = {.iterations = 20000, .warmup = 2000, .reps = 5};
  for (int i = 1; i < argc; i++) {
    const char* a = argv[i];
    bool has_value = i + 1 < argc;
    if (strcmp(a, "--plugin") == 0 && has_value) plugin = argv[++i];
    else if (strcmp(a, "--config") == 0 && has_value) config_text = argv[++i];
    else if (strcmp(a, "--request") == 0 && has_value) request_text = argv[++i];
    else if (strcmp(a, "--iterations") == 0 && has_value && parse_count(argv[i + 1], 1, &b.iterations)) i++;
    else if (strcmp(a, "--warmup") == 0 && has_value && parse_count(argv[i + 1], 0, &b.warmup)) i++;
    else if (strcmp(a, "--reps") == 0 && has_value && parse_count(argv[i + 1], 1, &b.reps)) i++;
    else if (a[0] != '-' && path == NULL) path = a;
    else {
      fprintf(stderr, "header-bench-driver: bad argument %s\n%s", a, usage);
      return 2;
    }
  }
  if (plugin == NULL || request_text == NULL || path == NULL) {
    fputs(usage, stderr);
    return 2;
  }
  char err[1024];
  json_value* config = json_parse(config_text, strlen(config_text), err, sizeof err);
  json_value* op = json_parse(request_text, strlen(request_text), err, sizeof err);
  if (config == NULL || config->type != JSON_OBJECT || op == NULL || op->type != JSON_OBJECT) {
    fprintf(stderr, "header-bench-driver: --config and --request must be JSON objects\n");
    return 2;
  }
  if (!dso_load(&g_host.dso, path, err, sizeof err)) {
    fprintf(stderr, "header-bench-driver: %s\n", err);
    return 2;
  }
  /* Envoy's default level: the filters under test log nothing at it. */
  atomic_init(&g_host.log_level, LOG_INFO);
  main_thread_mark();

  strbuf any;
  sb_init(&any);
  pb_any_typed_struct(&any, config);
  string_map secrets = {0};
  b.config = config_create(plugin, strlen(plugin), &any, 1, &secrets);
  sb_free(&any);
  int status = 0;
  if (b.config->id == 0) {
    char* last = log_last_error();
    fprintf(stderr, "header-bench-driver: the library rejected the config: %s\n", last ? last : "(no log line)");
    free(last);
    status = 3;
  } else {
    *(void**)&b.mallocs = dlsym(g_host.dso.handle, "mosnBenchMallocs");
    b.op = op;
    b.ns_per_request = xcalloc(b.reps, sizeof(double));
    b.cpu_ns_per_request = xcalloc(b.reps, sizeof(double));
    b.mallocs_per_request = xcalloc(b.reps, sizeof(double));
    sb_init(&b.sample);
    b.w = worker_get(0);
    worker_start(b.w, run_bench, &b);
    worker_wait(b.w);
    if (b.err[0]) {
      fprintf(stderr, "header-bench-driver: %s\n", b.err);
      status = 3;
    }
  }

  strbuf errors;
  sb_init(&errors);
  host_errors_take(&errors);
  drop_logs();
  configs_destroy_all();
  g_host.dso.cleanup();
  size_t unfinalized_requests = requests_unfinalized(), unfinalized_configs = configs_unfinalized();

  if (status == 0) {
    printf("{\"library\":");
    strbuf name;
    sb_init(&name);
    json_write_string(&name, path, strlen(path));
    fwrite(name.data, 1, name.len, stdout);
    sb_free(&name);
    printf(",\"iterations\":%" PRIu64 ",\"warmup\":%" PRIu64 ",\"reps\":%" PRIu64 ",\"nsPerRequest\":", b.iterations,
           b.warmup, b.reps);
    write_doubles(b.ns_per_request, b.reps);
    printf(",\"cpuNsPerRequest\":");
    write_doubles(b.cpu_ns_per_request, b.reps);
    printf(",\"mallocsPerRequest\":");
    if (b.mallocs) write_doubles(b.mallocs_per_request, b.reps);
    else printf("null");
    printf(",\"hostErrors\":[%.*s],\"unfinalized\":{\"requests\":%zu,\"configs\":%zu},\"sample\":{\"op\":\"result\"%.*s}}\n",
           (int)errors.len, errors.data ? errors.data : "", unfinalized_requests, unfinalized_configs,
           (int)b.sample.len, b.sample.data ? b.sample.data : "");
  }
  sb_free(&errors);
  sb_free(&b.sample);
  free(b.ns_per_request);
  free(b.cpu_ns_per_request);
  free(b.mallocs_per_request);
  json_free(config);
  json_free(op);
  workers_stop();
  requests_free_all();
  configs_free_all();
  metrics_free_all();
  calls_free();
  capture_free();
  return status;
}
