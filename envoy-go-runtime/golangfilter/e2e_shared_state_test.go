package golangfilter

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"
)

// JavaScript's single thread, per library: testdata/plugin's shared-state plugin keeps
// state the way compiled TypeScript does (module-level variables and Maps, a Map and an
// array in the object configure returned) and mutates it in every hook, two of them async
// with an await in the middle. Run by several workers at once, it must neither crash (Go
// kills the process on concurrent map writes) nor lose an update.

// sharedStateReport is the body of the plugin's x-report reply.
type sharedStateReport struct {
	Requests       float64            `json:"requests"`
	InFlight       int                `json:"inFlight"`
	Runs           map[string]float64 `json:"runs"`
	ConfigStreams  map[string]float64 `json:"configStreams"`
	Recent         int                `json:"recent"`
	RecentDistinct int                `json:"recentDistinct"`
}

func sharedStateMix(syncID, asyncID uint64) []streamTemplate {
	get := `"request":{"headers":[[":method","GET"],[":path","/s"],[":authority","h"]]}`
	post := `"request":{"headers":[[":method","POST"],[":path","/s"],[":authority","h"]],"body":"x"},"upstream":{"echo":true}`
	return []streamTemplate{
		{"sync-get", fmt.Sprintf(`"configId":%d,%s`, syncID, get)},
		{"sync-post", fmt.Sprintf(`"configId":%d,%s`, syncID, post)},
		{"async-get", fmt.Sprintf(`"configId":%d,%s`, asyncID, get)},
		{"async-post", fmt.Sprintf(`"configId":%d,%s`, asyncID, post)},
	}
}

func reportOf(t *testing.T, h *hostSession, configID uint64) sharedStateReport {
	t.Helper()
	a := h.roundTrip(fmt.Sprintf(`{"op":"request","id":"report","configId":%d,`+
		`"request":{"headers":[[":method","GET"],[":path","/"],[":authority","h"],["x-report","1"]]}}`, configID))
	if a.LocalReply == nil || a.LocalReply.Status != 200 {
		t.Fatalf("report: %s", a.raw)
	}
	var r sharedStateReport
	if err := json.Unmarshal([]byte(a.LocalReply.Body), &r); err != nil {
		t.Fatalf("report body: %v\n%s", err, a.LocalReply.Body)
	}
	return r
}

func TestModuleStateIsSafeWithSeveralWorkers(t *testing.T) {
	h := startHost(t, "--concurrency", "4")
	runSharedState(t, h, 4, 600)
	if e := h.exit(); !e.OK {
		t.Fatalf("exit: %s", e.raw)
	}
}

// runSharedState loads shared-state's two configs, runs perWorker streams on each of
// workers workers (perWorker a multiple of 4: each template runs as often), and checks
// every update to the shared state arrived.
func runSharedState(t *testing.T, h *hostSession, workers, perWorker int) {
	t.Helper()
	syncID := h.config("shared-state", `{}`)
	asyncID := h.config("shared-state", `{"async":true}`)
	mix := sharedStateMix(syncID, asyncID)
	refs := referenceAnswers(h, mix)
	a := h.load(mixLine("shared", workers, perWorker, mix), 20*time.Minute)
	checkLoadAgainst(t, a, refs, mix, workers, perWorker)

	perTemplate := float64(workers*perWorker/len(mix) + 1) // + its reference run
	streams := 4 * perTemplate
	syncReport := reportOf(t, h, syncID)
	asyncReport := reportOf(t, h, asyncID)

	if syncReport.Requests != streams || syncReport.InFlight != 0 {
		t.Errorf("requests %v, in flight %d; want %v and 0", syncReport.Requests, syncReport.InFlight, streams)
	}
	wantRuns := map[string]float64{
		"decodeConfig": 2, "configure": 2,
		"create":        streams + 1, // the first report's stream too
		"decodeHeaders": streams, "encodeHeaders": streams, "onLog": streams, "onStreamComplete": streams, "onDestroy": streams,
		"decodeData":                2 * perTemplate, // the POST streams
		"decodeHeaders after await": 2 * perTemplate, // the async config's streams
		"decodeData after await":    perTemplate,     // its POST streams
	}
	if !reflect.DeepEqual(syncReport.Runs, wantRuns) {
		t.Errorf("module state: runs\n%v\nwant\n%v", syncReport.Runs, wantRuns)
	}
	// Each config object counted its own streams.
	wantSync := map[string]float64{"decodeHeaders": 2 * perTemplate, "encodeHeaders": 2 * perTemplate,
		"onLog": 2 * perTemplate, "onStreamComplete": 2 * perTemplate, "onDestroy": 2 * perTemplate, "decodeData": perTemplate}
	if !reflect.DeepEqual(syncReport.ConfigStreams, wantSync) {
		t.Errorf("config {}: streams\n%v\nwant\n%v", syncReport.ConfigStreams, wantSync)
	}
	wantAsync := map[string]float64{"decodeHeaders": 2 * perTemplate, "encodeHeaders": 2 * perTemplate,
		"onLog": 2 * perTemplate, "onStreamComplete": 2 * perTemplate, "onDestroy": 2 * perTemplate, "decodeData": perTemplate,
		"decodeHeaders after await": 2 * perTemplate, "decodeData after await": perTemplate}
	if !reflect.DeepEqual(asyncReport.ConfigStreams, wantAsync) {
		t.Errorf("config {async}: streams\n%v\nwant\n%v", asyncReport.ConfigStreams, wantAsync)
	}
	// Each config's array holds its 16 latest stream ids, no id twice (no lost or doubled
	// counter update, no torn push/shift).
	for _, r := range []sharedStateReport{syncReport, asyncReport} {
		if r.Recent != 16 || r.RecentDistinct != 16 {
			t.Errorf("recent ids: %d, %d distinct; want 16 and 16", r.Recent, r.RecentDistinct)
		}
	}
}

// TestStressSharedState runs shared-state in the stress test's builds (e2e_stress_test.go):
// under Go's race detector, a race between two hooks' module-state writes is reported even
// where the process would not crash.
func TestStressSharedState(t *testing.T) {
	for _, b := range stressBuilds {
		t.Run(b.name, func(t *testing.T) {
			if !stressSelected(t, b.name) {
				t.Skipf("%s not selected by MOSN_TS_STRESS", b.name)
			}
			needArtifacts(t)
			host, library := buildStressVariant(t, b.name)
			perWorker := 2000
			if v := os.Getenv("MOSN_TS_STRESS_REQUESTS"); v != "" {
				if _, err := fmt.Sscan(v, &perWorker); err != nil || perWorker < 1 {
					t.Fatalf("MOSN_TS_STRESS_REQUESTS=%q is not a positive integer", v)
				}
			}
			perWorker -= perWorker % 4
			h := startStressHost(t, host, library, b.env)
			runSharedState(t, h, stressWorkers, max(perWorker, 4))
			if e := h.exit(); !e.OK {
				t.Errorf("exit: %s", e.raw)
			}
			if m := sanitizerReport.FindStringIndex(h.stderr.String()); m != nil {
				t.Errorf("the %s build reported a problem:\n%s", b.name, h.stderr.String()[m[0]:])
			}
		})
	}
}
