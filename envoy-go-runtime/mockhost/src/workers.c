/* Envoy's worker threads (--concurrency): each is a thread of the host's own (the Go
 * runtime sees a distinct C-created thread calling in), with its own dispatcher, running
 * the jobs the main thread hands it. A job drives streams from start to end on that
 * thread, as an Envoy worker owns the streams of its connections. */
#include <stdio.h>
#include <stdlib.h>

#include "host.h"

static worker* workers[MAX_WORKERS]; /* main thread only */
static _Thread_local worker* current_worker;
static _Thread_local bool is_main_thread;

static void* worker_main(void* arg) {
  worker* w = arg;
  current_worker = w;
  pthread_mutex_lock(&w->mu);
  for (;;) {
    while (w->job == NULL && !w->quit) pthread_cond_wait(&w->cond, &w->mu);
    if (w->job == NULL) break; /* quit, and idle */
    void (*fn)(void*) = w->job;
    void* job_arg = w->job_arg;
    pthread_mutex_unlock(&w->mu);
    fn(job_arg);
    pthread_mutex_lock(&w->mu);
    w->job = NULL;
    pthread_cond_broadcast(&w->cond);
  }
  pthread_mutex_unlock(&w->mu);
  return NULL;
}

/* id < MAX_WORKERS: the protocol bounds the concurrency. */
worker* worker_get(uint32_t id) {
  if (workers[id]) return workers[id];
  worker* w = xcalloc(1, sizeof *w);
  w->id = id;
  dispatcher_init(&w->d);
  pthread_mutex_init(&w->mu, NULL);
  pthread_cond_init(&w->cond, NULL);
  int rc = pthread_create(&w->thread, NULL, worker_main, w);
  if (rc != 0) {
    fprintf(stderr, "mosn-ts-mockhost: cannot start worker %u (pthread_create: %d)\n", id, rc);
    exit(1);
  }
  workers[id] = w;
  return w;
}

void worker_start(worker* w, void (*fn)(void*), void* arg) {
  pthread_mutex_lock(&w->mu);
  while (w->job != NULL) pthread_cond_wait(&w->cond, &w->mu);
  w->job = fn;
  w->job_arg = arg;
  pthread_cond_broadcast(&w->cond);
  pthread_mutex_unlock(&w->mu);
}

void worker_wait(worker* w) {
  pthread_mutex_lock(&w->mu);
  while (w->job != NULL) pthread_cond_wait(&w->cond, &w->mu);
  pthread_mutex_unlock(&w->mu);
}

void workers_stop(void) {
  for (uint32_t i = 0; i < MAX_WORKERS; i++) {
    worker* w = workers[i];
    if (w == NULL) continue;
    pthread_mutex_lock(&w->mu);
    w->quit = true;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    /* Tasks Go posted for streams that are over: Envoy drops them ("has gone or
     * destroyed"). */
    dispatcher_destroy(&w->d);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cond);
    free(w);
    workers[i] = NULL;
  }
}

void main_thread_mark(void) { is_main_thread = true; }

bool on_envoy_thread(void) { return is_main_thread || current_worker != NULL; }

bool worker_is_current(const worker* w) { return current_worker == w; }
