package js

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// Console output is written line by line by default: inside Envoy nothing would flush a
// buffer, so lines would arrive late or never. A standalone program (RunMain) buffers it,
// as the differential tests print a lot, and flushes before stderr output and at exit.
var (
	stdoutMu sync.Mutex
	stdout   *bufio.Writer // nil: unbuffered
)

// ConsoleLog is console.log(args...): Node's util.format (format directives in a first
// string argument, then every value as util.inspect prints it, separated by spaces).
func ConsoleLog(args ...any) {
	line := WellFormed(Format(args...)) + "\n"
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	if stdout == nil {
		os.Stdout.WriteString(line)
		return
	}
	stdout.WriteString(line)
}

// ConsoleError is console.error(args...) / console.warn: like ConsoleLog, on stderr.
func ConsoleError(args ...any) {
	flushStdout()
	os.Stderr.WriteString(WellFormed(Format(args...)) + "\n")
}

// flushStdout writes buffered console output.
func flushStdout() {
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	if stdout != nil {
		stdout.Flush()
	}
}

// RunMain runs a compiled program's top level. An uncaught exception is reported on
// stderr as Node reports it (the value, then its trace: the TypeScript lines, from the
// generated code's //line directives) and exits with status 1, as Node does.
func RunMain(main func()) {
	stdoutMu.Lock()
	stdout = bufio.NewWriter(os.Stdout)
	stdoutMu.Unlock()
	var trace string
	thrown, threw := runTraced(main, &trace)
	flushStdout()
	if threw {
		os.Stderr.WriteString("Uncaught " + describeThrown(thrown) + "\n" + trace)
		os.Exit(1)
	}
}

// runTraced is run() that also records, for an uncaught throw, the TypeScript frames
// of the stack at the point of the throw.
func runTraced(body func(), trace *string) (thrown any, threw bool) {
	defer func() {
		if r := recover(); r != nil {
			thrown, threw = Caught(r), true
			*trace = tsFrames(3)
		}
	}()
	body()
	return nil, false
}

// tsFrames formats the stack frames that belong to TypeScript sources, as Node names them:
// "    at f (file.ts:12)" for a function, "    at Class.method (...)" for a method,
// "    at <anonymous> (...)" for a closure, and "    at file.ts:3" for the program's top
// level, after which the Go entry points are left out.
func tsFrames(skip int) string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(skip, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var b strings.Builder
	for {
		f, more := frames.Next()
		if strings.HasSuffix(f.File, ".ts") || strings.HasSuffix(f.File, ".mts") {
			name := tsFunctionName(f.Function)
			if name == "" || isModuleRun(f.Function) {
				// The top level of a module: Node names no function there.
				b.WriteString("    at " + f.File + ":" + strconv.Itoa(f.Line) + "\n")
				if name == "" {
					break
				}
				continue
			}
			b.WriteString("    at " + name + " (" + f.File + ":" + strconv.Itoa(f.Line) + ")\n")
		}
		if !more {
			break
		}
	}
	return b.String()
}

// tsFunctionName turns a Go function name of generated code (pkg.f, pkg.(*C).M,
// pkg.f.func1) into the TypeScript one; "" for the program's top level (pkg.run).
func tsFunctionName(goName string) string {
	if i := strings.LastIndexByte(goName, '/'); i >= 0 {
		goName = goName[i+1:]
	}
	if i := strings.IndexByte(goName, '.'); i >= 0 {
		goName = goName[i+1:]
	}
	parts := strings.Split(goName, ".")
	last := parts[len(parts)-1]
	if len(parts) > 1 && (strings.HasPrefix(last, "func") || isDigits(last)) {
		return "<anonymous>"
	}
	if strings.HasPrefix(goName, "(*") {
		// (*Class).Method: TypeScript methods start with a lower-case letter.
		class, method, _ := strings.Cut(strings.TrimPrefix(goName, "(*"), ").")
		if method != "" {
			method = strings.ToLower(method[:1]) + method[1:]
		}
		return class + "." + method
	}
	switch goName {
	case "run":
		return ""
	case "main_", "run_", "init_", "Main_":
		return strings.TrimSuffix(goName, "_") // TypeScript names the compiler had to rename
	}
	return goName
}

// isModuleRun reports whether a Go function runs an imported module's top-level statements
// (runLibModule, as the compiler names them).
func isModuleRun(goName string) bool {
	name := goName[strings.LastIndexByte(goName, '.')+1:]
	return strings.HasPrefix(name, "run") && strings.HasSuffix(name, "Module") && len(name) > len("runModule")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func describeThrown(v any) string {
	if e, ok := v.(errorValue); ok && !isNilPointer(v) {
		return ToString(v) + func() string { _ = e; return "" }()
	}
	return Inspect(v)
}
