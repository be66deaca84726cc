package golangfilter

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The threaded stress test: testdata/plugin's stress-filter (built with -tags
// mosnts_stress) driven by 8 worker threads at once, in four builds of host and library:
//
//	plain  8 x 10,000 requests, no instrumentation;
//	race   the library built with Go's race detector (data races in Go: the runtime, the
//	       per-worker request tables, the filter lock, the plugin);
//	tsan   the host built with ThreadSanitizer and the library's cgo code with it too
//	       (data races in the C host, between workers, Go's threads and the main thread);
//	asan   the host built with ASan/UBSan and the library with Go's -asan (invalid accesses
//	       by C or Go to host memory, a request object freed early, leaks at exit).
//
// Each sanitized build first shows its checker is live: a planted bug must stop the host
// with the checker's report. MOSN_TS_STRESS turns the test on: "1" for all four builds, or
// a comma-separated list of them (`make -C mockhost stress` runs all four);
// MOSN_TS_STRESS_REQUESTS overrides the requests per worker.

// stressBuilds: how many requests each worker runs, the environment the host gets, and
// the planted bug (testdata/plugin/stress_canary.go) its checker must report.
var stressBuilds = []struct {
	name      string
	perWorker int
	env       []string
	canary    string
	report    string
}{
	{"plain", 10000, nil, "", ""},
	{"race", 10000, []string{"GORACE=halt_on_error=1"}, "race-canary", "WARNING: DATA RACE"},
	{"tsan", 10000, []string{"TSAN_OPTIONS=halt_on_error=1:exitcode=66"}, "tsan-canary", "ThreadSanitizer: data race"},
	{"asan", 10000, []string{"ASAN_OPTIONS=detect_leaks=1:exitcode=99", "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"},
		"asan-canary", "AddressSanitizer: heap-use-after-free"},
}

const stressWorkers = 8

// sanitizerReport matches what any of the checkers prints when it finds something.
var sanitizerReport = regexp.MustCompile(`WARNING: DATA RACE|ThreadSanitizer|AddressSanitizer|LeakSanitizer|runtime error:`)

func stressSelected(t *testing.T, name string) bool {
	v := os.Getenv("MOSN_TS_STRESS")
	if v == "" {
		t.Skip("set MOSN_TS_STRESS=1 (or a list such as plain,race) to run the threaded stress test")
	}
	if v == "1" {
		return true
	}
	for _, n := range strings.Split(v, ",") {
		if strings.TrimSpace(n) == name {
			return true
		}
	}
	return false
}

// buildStressVariant builds the host and the stress library for one build; it returns
// their paths.
func buildStressVariant(t *testing.T, name string) (host, library string) {
	t.Helper()
	dir := filepath.Join(artifactsDir, "stress-"+name)
	hostTarget := filepath.Join(dir, "mosn-ts-mockhost")
	switch name {
	case "asan":
		hostTarget = filepath.Join(dir, "asan", "mosn-ts-mockhost")
	case "tsan":
		hostTarget = filepath.Join(dir, "tsan", "mosn-ts-mockhost")
	}
	make := exec.Command("make", "-s", "-C", filepath.Join("..", "mockhost"), "BUILD_DIR="+dir, hostTarget)
	if out, err := make.CombinedOutput(); err != nil {
		t.Fatalf("building the %s host: %v\n%s", name, err, out)
	}
	library = filepath.Join(dir, "stress.so")
	args := []string{"build", "-tags", "mosnts_stress", "-buildmode=c-shared", "-o", library}
	env := os.Environ()
	switch name {
	case "race":
		// Go's race runtime only covers memory below 0xe000000000 (its heap at 0xc000000000
		// and a low-linked executable): a library dlopen'ed at the usual 0x7f... addresses
		// makes it fail at start ("failed to allocate ... at address 11f..."). Linked at a
		// fixed low base, the loader maps it there.
		args = append(args, "-race", "-ldflags=-extldflags=-Wl,-Ttext-segment=0x20000000")
	case "tsan":
		// cgo then brackets every call between Go and C with TSan acquire/release, so the
		// synchronization Go does (channels, the scheduler) is not reported as a race.
		env = append(env, "CGO_CFLAGS=-O1 -g -fsanitize=thread", "CGO_LDFLAGS=-fsanitize=thread")
	case "asan":
		args = append(args, "-asan")
	}
	build := exec.Command("go", append(args, ".")...)
	build.Dir = filepath.Join("..", "testdata", "plugin")
	build.Env = env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the %s stress library: %v\n%s", name, err, out)
	}
	return hostTarget, library
}

func startStressHost(t *testing.T, host, library string, env []string) *hostSession {
	t.Helper()
	cmd := exec.Command(host, "--concurrency", fmt.Sprint(stressWorkers), library)
	cmd.Env = append(os.Environ(), env...)
	return startSession(t, cmd)
}

// stressMix: config 1 is stress-filter with synchronous hooks, config 2 the async one.
func stressMix() []streamTemplate {
	req := func(method, stress, n string, more string) string {
		h := fmt.Sprintf(`[":method",%q],[":path","/s/%s"],[":authority","h"],["x-n",%q],["x-drop","d"]`, method, n, n)
		if stress != "" {
			h += fmt.Sprintf(`,["x-stress",%q]`, stress)
		}
		r := `"request":{"headers":[` + h + `]`
		if more != "" {
			r += "," + more
		}
		return r + "}"
	}
	inputs := `"metadata":{"in":{"k":"mv"}},"filterState":{"in":"fsv"},"streamInfo":{"routeName":"r"}`
	return []streamTemplate{
		{"sync-buffer", `"configId":1,` + req("POST", "buffer", "0", `"chunks":["ab","cd","ef"]`) + `,"upstream":{"echo":true}`},
		{"sync-pass", `"configId":1,` + req("GET", "", "1", "") + "," + inputs +
			`,"upstream":{"status":201,"headers":[["x-up","1"]],"chunks":["u1","u2"],"trailers":[["ut","1"]]}`},
		{"sync-reply", `"configId":1,` + req("GET", "reply", "2", "")},
		{"sync-data-reply", `"configId":1,` + req("POST", "data-reply", "3", `"body":"oops"`)},
		{"sync-panic", `"configId":1,` + req("GET", "panic", "4", "")},
		{"sync-reset", `"configId":1,"reset":{"after":"decodeData"},` + req("POST", "", "5", `"chunks":["a","b"]`)},
		{"async-pass", `"configId":2,` + req("POST", "", "6", `"body":"async","trailers":[["t","1"]]`) + "," + inputs + `,"upstream":{"echo":true}`},
		{"async-buffer-sleep", `"configId":2,` + req("POST", "buffer-sleep", "7", `"chunks":["x","y"]`) + `,"upstream":{"body":"late","delay":1}`},
		{"async-reply-sleep", `"configId":2,` + req("GET", "reply-sleep", "8", "")},
		{"async-404", `"configId":2,` + req("GET", "", "9", "") + "," + inputs + `,"upstream":{"status":404}`},
	}
}

func counterDelta(before, after *wireMetrics, name string) int {
	var b, a uint64
	if before != nil {
		b = before.Counters[name]
	}
	if after != nil {
		a = after.Counters[name]
	}
	return int(a - b)
}

func TestStressEightWorkers(t *testing.T) {
	for _, b := range stressBuilds {
		t.Run(b.name, func(t *testing.T) {
			if !stressSelected(t, b.name) {
				t.Skipf("%s not selected by MOSN_TS_STRESS", b.name)
			}
			needArtifacts(t) // the temporary directory and the harness's checks
			began := time.Now()
			host, library := buildStressVariant(t, b.name)
			built := time.Since(began)
			if b.canary != "" {
				checkCanary(t, host, library, b.env, b.canary, b.report)
			}
			perWorker := b.perWorker
			if v := os.Getenv("MOSN_TS_STRESS_REQUESTS"); v != "" {
				if _, err := fmt.Sscan(v, &perWorker); err != nil || perWorker < 1 {
					t.Fatalf("MOSN_TS_STRESS_REQUESTS=%q is not a positive integer", v)
				}
			}
			h := startStressHost(t, host, library, b.env)
			h.config("stress-filter", `{}`)
			h.config("stress-filter", `{"async":true}`)
			mix := stressMix()
			refs := referenceAnswers(h, mix)
			before := refs[len(refs)-1].Metrics
			a := h.load(mixLine("stress", stressWorkers, perWorker, mix), 20*time.Minute)
			checkLoadAgainst(t, a, refs, mix, stressWorkers, perWorker)
			total := stressWorkers * perWorker
			// Every stream entered Go and was destroyed; each worker ran its share with its
			// own worker_id.
			for _, name := range []string{"stress_requests", "stress_destroyed"} {
				if got := counterDelta(before, a.Metrics, name); got != total {
					t.Errorf("%s grew by %d, want %d", name, got, total)
				}
			}
			for w := 0; w < stressWorkers; w++ {
				name := fmt.Sprintf("stress_worker_%d", w)
				if got := counterDelta(before, a.Metrics, name); got != perWorker {
					t.Errorf("%s grew by %d, want %d", name, got, perWorker)
				}
			}
			// Go saw each worker as one thread of its own (stress-filter checks it in
			// onStreamComplete, which runs on the worker).
			if got := counterDelta(nil, a.Metrics, "stress_threads"); got != stressWorkers {
				t.Errorf("%d distinct worker threads entered Go, want %d", got, stressWorkers)
			}
			if got := counterDelta(nil, a.Metrics, "stress_thread_mismatches"); got != 0 {
				t.Errorf("%d streams entered Go from a thread that was not their worker's", got)
			}
			// Go handed every request and config object back once it was done with it.
			e := h.exit()
			if !e.OK || e.Unfinalized == nil || e.Unfinalized.Requests != 0 || e.Unfinalized.Configs != 0 {
				t.Errorf("exit: %s", e.raw)
			}
			if m := sanitizerReport.FindStringIndex(h.stderr.String()); m != nil {
				t.Errorf("the %s build reported a problem:\n%s", b.name, h.stderr.String()[m[0]:])
			}
			t.Logf("%s: %d requests on %d workers: load %d ms (%d ns/request); build %v, total %v",
				b.name, total, stressWorkers, a.ElapsedMs, a.NsPerRequest, built.Round(time.Second), time.Since(began).Round(time.Second))
		})
	}
}

// checkCanary runs one stream with a planted bug and expects the checker to stop the host
// with its report.
func checkCanary(t *testing.T, host, library string, env []string, canary, report string) {
	t.Helper()
	cmd := exec.Command(host, library)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(`{"op":"config","plugin":"stress-filter"}` + "\n" +
		`{"op":"request","id":"canary","request":{"headers":[["x-stress","` + canary + `"]]}}` + "\n" +
		`{"op":"exit"}` + "\n")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err == nil || !strings.Contains(stderr.String(), report) {
		t.Fatalf("the planted bug %s went unnoticed (exit: %v); want %q in stderr:\n%s", canary, err, report, stderr.String())
	}
}
