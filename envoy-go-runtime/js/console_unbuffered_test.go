package js

import (
	"os"
	"testing"
)

// Inside Envoy no one flushes: each console.log line must reach stdout when it is logged.
func TestConsoleLogWritesEachLineAtOnceOutsideRunMain(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = saved }()
	ConsoleLog("hello", 1)
	w.Close()
	buf := make([]byte, 64)
	n, _ := r.Read(buf)
	if got := string(buf[:n]); got != "hello 1\n" {
		t.Fatalf("stdout got %q right after console.log", got)
	}
}
