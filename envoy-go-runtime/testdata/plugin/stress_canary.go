//go:build mosnts_stress

package main

// Planted bugs, one per checker of the stress test's sanitized builds: the test sends one
// of these actions alone and expects that build's checker to stop the host with a report,
// which shows the checker is live in that configuration (a library dlopen'ed by a C host).

/*
#include <pthread.h>
#include <stdlib.h>

static int mosn_ts_canary;

static void* mosn_ts_canary_thread(void* arg) {
  mosn_ts_canary++;
  return arg;
}

// Two threads write one int with nothing ordering them: ThreadSanitizer's data race.
static void mosn_ts_tsan_canary(void) {
  pthread_t t;
  pthread_create(&t, NULL, mosn_ts_canary_thread, NULL);
  mosn_ts_canary++;
  pthread_join(t, NULL);
}
*/
import "C"

var (
	raceCanary int
	asanSink   byte
)

// plantBug commits the bug named by action.
func plantBug(action string) {
	switch action {
	case "race-canary":
		// A goroutine and the hook write one variable unordered: Go's race detector.
		done := make(chan struct{})
		go func() {
			raceCanary++
			close(done)
		}()
		raceCanary++
		<-done
	case "asan-canary":
		// Go reads C memory after it was freed: what -asan must catch for the host's
		// request objects.
		p := C.malloc(16)
		C.free(p)
		asanSink = *(*byte)(p)
	case "tsan-canary":
		C.mosn_ts_tsan_canary()
	}
}
