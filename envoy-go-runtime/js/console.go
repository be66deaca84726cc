package js

import (
	"bufio"
	"os"
	"strings"
	"sync"
)

var (
	stdoutMu sync.Mutex
	stdout   = bufio.NewWriter(os.Stdout)
)

// ConsoleLog is console.log(args...): strings as they are, other values as
// util.inspect prints them, separated by spaces.
func ConsoleLog(args ...any) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = Inspect(a)
	}
	line := WellFormed(strings.Join(parts, " ")) + "\n"
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	stdout.WriteString(line)
}

// ConsoleError is console.error(args...): like ConsoleLog, on stderr.
func ConsoleError(args ...any) {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = Inspect(a)
	}
	flushStdout()
	os.Stderr.WriteString(WellFormed(strings.Join(parts, " ")) + "\n")
}

// flushStdout writes buffered console output.
func flushStdout() {
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	stdout.Flush()
}

// RunMain runs a compiled program's top level. An uncaught exception is reported on
// stderr as Node reports it (first line) and exits with status 1, as Node does.
func RunMain(main func()) {
	thrown, threw := run(main)
	flushStdout()
	if threw {
		os.Stderr.WriteString("Uncaught " + describeThrown(thrown) + "\n")
		os.Exit(1)
	}
}

func describeThrown(v any) string {
	if e, ok := v.(*Error); ok {
		return e.String()
	}
	return Inspect(v)
}
