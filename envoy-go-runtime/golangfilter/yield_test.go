package golangfilter

import (
	"testing"
	"time"
)

// yieldFor runs yieldingCall on a goroutine with a getter that answers status, and
// returns the channel the completed slot arrives on.
func yieldFor(req *request, status int) <-chan *yieldSlot {
	done := make(chan *yieldSlot, 1)
	go func() {
		done <- req.yieldingCall(func(*request, *yieldSlot) capiStatus { return capiStatus(status) })
	}()
	return done
}

func waitSlot(t *testing.T, ch <-chan *yieldSlot) *yieldSlot {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(5 * time.Second):
		t.Fatal("the getter is still waiting")
		return nil
	}
}

func queued(req *request) int {
	req.capiMu.Lock()
	defer req.capiMu.Unlock()
	return len(req.yields)
}

func waitQueued(t *testing.T, req *request, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); queued(req) != n; {
		if time.Now().After(deadline) {
			t.Fatalf("%d getters waiting, want %d", queued(req), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestAnInlineAnswerLeavesNoWaitingSlot(t *testing.T) {
	req := &request{}
	slot := waitSlot(t, yieldFor(req, capiOK))
	if slot.abandoned || slot.present || queued(req) != 0 {
		t.Fatalf("slot %+v, %d queued", slot, queued(req))
	}
}

func TestEachWakeUpCompletesTheOldestYield(t *testing.T) {
	req := &request{}
	first := yieldFor(req, capiYield)
	waitQueued(t, req, 1)
	second := yieldFor(req, capiYield)
	waitQueued(t, req, 2)
	oldest := req.yields[0]

	req.semaDec()
	got := waitSlot(t, first)
	if got != oldest || got.abandoned {
		t.Fatalf("the first wake-up completed %p (abandoned %v), want the oldest %p", got, got.abandoned, oldest)
	}
	select {
	case <-second:
		t.Fatal("the second getter woke without its wake-up")
	case <-time.After(20 * time.Millisecond):
	}
	req.semaDec()
	if waitSlot(t, second).abandoned {
		t.Fatal("second getter abandoned")
	}
}

func TestDestroyAbandonsEveryWaitingGetter(t *testing.T) {
	req := &request{}
	a, b := yieldFor(req, capiYield), yieldFor(req, capiYield)
	waitQueued(t, req, 2)
	req.abandonYields()
	for _, ch := range []<-chan *yieldSlot{a, b} {
		if s := waitSlot(t, ch); !s.abandoned {
			t.Fatal("a getter woke by destroy must be marked abandoned")
		}
	}
	// A late wake-up finds nothing to complete and does not crash.
	captureLog(t, 0)
	req.semaDec()
}

func TestAnAsyncHookWaitingForEnvoyLetsOtherHooksRun(t *testing.T) {
	req := &request{}
	done := make(chan *yieldSlot, 1)
	go func() {
		id := goroutineID()
		asyncGoroutines.Store(id, req)
		defer asyncGoroutines.Delete(id)
		inv := &invocation{hook: hookDecodeHeaders}
		req.enterHookAgain(inv)
		done <- req.yieldingCall(func(*request, *yieldSlot) capiStatus { return capiYield })
		if req.running != inv {
			t.Error("the hook did not get its invocation back after the wait")
		}
		req.exitHook()
	}()
	waitQueued(t, req, 1)
	// The worker can take the filter lock (run another hook) while the getter waits.
	locked := make(chan struct{})
	go func() {
		req.enterHook(hookEncodeHeaders, nil)
		req.exitHook()
		close(locked)
	}()
	select {
	case <-locked:
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting getter kept the filter lock")
	}
	req.semaDec()
	waitSlot(t, done)
}

func TestGoroutineIDsDiffer(t *testing.T) {
	ids := make(chan uint64, 2)
	for range 2 {
		go func() { ids <- goroutineID() }()
	}
	a, b := <-ids, <-ids
	if a == 0 || b == 0 || a == b || goroutineID() == a {
		t.Fatalf("ids %d, %d, current %d", a, b, goroutineID())
	}
}
