package api

import (
	"testing"
	"time"
)

func TestSleepGoesThroughTheSleeper(t *testing.T) {
	var got []time.Duration
	SetSleeper(func(d time.Duration) { got = append(got, d) })
	t.Cleanup(func() { SetSleeper(time.Sleep) })
	Sleep(2.5)
	Sleep(0)
	Sleep(-1)
	// Sleep(0) and below still go through it: an await gives way whatever its duration.
	if len(got) != 3 || got[0] != 2500*time.Microsecond || got[1] != 0 || got[2] != 0 {
		t.Fatalf("sleeps %v", got)
	}
}
