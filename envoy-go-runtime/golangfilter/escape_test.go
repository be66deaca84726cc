package golangfilter

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The cgo conventions keep the hot C API calls free of heap allocations: the leaf functions
// are #cgo noescape (cgo_go124.go), so out-parameters and the header slice of up to 16
// headers stay on the stack. The compiler's escape analysis (-gcflags=-m) shows it; this
// test fails when a change (a dropped directive, a variable-length slice) moves them to the
// heap.
func TestCAPICallsKeepTheirArgumentsOnTheStack(t *testing.T) {
	if !cgoLeafAnnotations {
		t.Skip("this toolchain does not compile #cgo noescape")
	}
	out, err := exec.Command("go", "build", "-o", "/dev/null",
		"-gcflags=github.com/mosn-ts/envoy-go-runtime/golangfilter=-m", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build -gcflags=-m: %v\n%s", err, out)
	}
	capiFile := regexp.MustCompile(`(^|/)capi(_request|_config)?\.go:\d+:\d+: `)
	var moved []string
	stackSlice := false
	for _, line := range strings.Split(string(out), "\n") {
		if !capiFile.MatchString(line) {
			continue
		}
		if strings.Contains(line, "moved to heap:") {
			moved = append(moved, line)
		}
		if strings.HasSuffix(line, "make([]string, 32) does not escape") {
			stackSlice = true
		}
	}
	if len(moved) > 0 {
		t.Errorf("C API arguments moved to the heap:\n%s", strings.Join(moved, "\n"))
	}
	if !stackSlice {
		t.Errorf("the constant-size header slice of capiCopyHeaderMap escapes (or is gone); -m output:\n%s", out)
	}
}
