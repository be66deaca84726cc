package golangfilter

import (
	"strings"
	"testing"
)

// An async hook's final call (here Continue after InjectData) runs on Go's thread and posts
// work that can start the direction's next entry before the call returns. The host must let
// that late call settle only its own entry: otherwise, after a reset, it stops waiting for the
// still-running later hook, whose log lines then land in the next stream's answer. The race
// hit about one run in six before the host counted entries, so a few rounds catch a return.
func TestALateFinalCallDoesNotSettleTheNextEntry(t *testing.T) {
	h := startHost(t)
	h.config("async-filter", `{}`)
	for round := 0; round < 24; round++ {
		h.roundTrip(requestLine("reset", "POST", "/", action("inject"), `"chunks":["a"]`, `"reset":{"after":"decodeData"}`))
		next := h.roundTrip(get("next", "", "", ""))
		for _, l := range next.Logs {
			if strings.Contains(l.Message, "decodeData") {
				t.Fatalf("round %d: the reset stream's log %q landed in the next answer", round, l.Message)
			}
		}
	}
}
