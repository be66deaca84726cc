package golangfilter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests build testdata/plugin with -buildmode=c-shared (through Go's build
// cache, so reruns are quick) and the mock host with make, once per test binary.

var (
	artifactsDir  string
	artifactsOnce sync.Once
	hostPath      string
	pluginPath    string
	artifactsErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "golangfilter-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	artifactsDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildArtifacts() {
	hostDir := filepath.Join(artifactsDir, "host")
	make := exec.Command("make", "-s", "-C", filepath.Join("..", "mockhost"), "BUILD_DIR="+hostDir)
	if out, err := make.CombinedOutput(); err != nil {
		artifactsErr = fmt.Errorf("building the mock host: %v\n%s", err, out)
		return
	}
	hostPath = filepath.Join(hostDir, "mosn-ts-mockhost")
	pluginPath = filepath.Join(artifactsDir, "testplugin.so")
	build := exec.Command("go", "build", "-buildmode=c-shared", "-o", pluginPath, ".")
	build.Dir = filepath.Join("..", "testdata", "plugin")
	if out, err := build.CombinedOutput(); err != nil {
		artifactsErr = fmt.Errorf("building the test plugin: %v\n%s", err, out)
	}
}

func needArtifacts(t *testing.T) {
	t.Helper()
	artifactsOnce.Do(buildArtifacts)
	if artifactsErr != nil {
		t.Fatal(artifactsErr)
	}
}

type hostSession struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer
	closed bool
}

func startHost(t *testing.T, args ...string) *hostSession {
	t.Helper()
	needArtifacts(t)
	return startSession(t, exec.Command(hostPath, append(args, pluginPath)...))
}

// startSession starts cmd as a host speaking the JSON-lines protocol on its stdin and stdout;
// the test's cleanup ends it if the test did not.
func startSession(t *testing.T, cmd *exec.Cmd) *hostSession {
	t.Helper()
	s := &hostSession{t: t, cmd: cmd}
	s.cmd.Stderr = &s.stderr
	var err error
	if s.in, err = s.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.out = bufio.NewReaderSize(stdout, 1<<20)
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if !s.closed {
			s.in.Close()
			s.cmd.Wait()
		}
	})
	return s
}

type wireMessage struct {
	Headers    [][2]string  `json:"headers"`
	Body       *string      `json:"body"`
	BodyBase64 *string      `json:"bodyBase64"`
	Trailers   *[][2]string `json:"trailers"`
}

type wireResponse struct {
	Status int `json:"status"`
	wireMessage
}

type wireLocalReply struct {
	Status  int         `json:"status"`
	Body    string      `json:"body"`
	Headers [][2]string `json:"headers"`
	Details string      `json:"details"`
}

type wireTrace struct {
	Hook      string `json:"hook"`
	EndStream *bool  `json:"endStream"`
	Status    string `json:"status"`
	Reason    string `json:"reason"`
}

type wireLog struct {
	Level   string `json:"level"`
	Message string `json:"message"`
}

type wireFilterState struct {
	Value         string `json:"value"`
	LifeSpan      int    `json:"lifeSpan"`
	StreamSharing int    `json:"streamSharing"`
}

type wireMetrics struct {
	Counters   map[string]uint64   `json:"counters"`
	Gauges     map[string]uint64   `json:"gauges"`
	Histograms map[string][]uint64 `json:"histograms"`
}

// wireCall is one recorded C API call.
type wireCall struct {
	Fn     string         `json:"fn"`
	Args   map[string]any `json:"args"`
	Result map[string]any `json:"result"`
	Status string         `json:"status"`
	Thread string         `json:"thread"`
}

type answer struct {
	Op          string                     `json:"op"`
	OK          bool                       `json:"ok"`
	ConfigID    uint64                     `json:"configId"`
	Error       string                     `json:"error"`
	ID          any                        `json:"id"`
	Upstream    *wireMessage               `json:"upstream"`
	Response    *wireResponse              `json:"response"`
	LocalReply  *wireLocalReply            `json:"localReply"`
	Reset       *string                    `json:"reset"`
	Trace       []wireTrace                `json:"trace"`
	Logs        []wireLog                  `json:"logs"`
	HostErrors  []string                   `json:"hostErrors"`
	Metadata    map[string]map[string]any  `json:"metadata"`
	FilterState map[string]wireFilterState `json:"filterState"`
	Metrics     *wireMetrics               `json:"metrics"`
	RouteCache  []string                   `json:"routeCache"`
	Override    *struct {
		Host   string `json:"host"`
		Strict bool   `json:"strict"`
	} `json:"upstreamOverrideHost"`
	Drain       bool       `json:"drainConnection"`
	Calls       []wireCall `json:"calls"`
	Unfinalized *struct {
		Requests int `json:"requests"`
		Configs  int `json:"configs"`
	} `json:"unfinalized"`
	raw string
}

// roundTrip sends one protocol line and returns the answer line, failing the test on
// host errors (ABI misuse the mock detected).
func (s *hostSession) roundTrip(line string) answer {
	s.t.Helper()
	a := s.roundTripAllowingHostErrors(line)
	if len(a.HostErrors) > 0 {
		s.t.Errorf("host errors for %s:\n%s", line, strings.Join(a.HostErrors, "\n"))
	}
	return a
}

func (s *hostSession) roundTripAllowingHostErrors(line string) answer {
	s.t.Helper()
	text := s.exchange(line, 60*time.Second)
	var a answer
	if err := json.Unmarshal([]byte(text), &a); err != nil {
		s.t.Fatalf("answer is not JSON: %v\n%s", err, text)
	}
	a.raw = strings.TrimSpace(text)
	return a
}

// exchange sends one op line and returns the host's answer line, failing the test when none
// comes within limit.
func (s *hostSession) exchange(line string, limit time.Duration) string {
	s.t.Helper()
	if _, err := io.WriteString(s.in, line+"\n"); err != nil {
		s.t.Fatalf("writing to the host: %v\nstderr: %s", err, s.stderr.String())
	}
	type read struct {
		text string
		err  error
	}
	done := make(chan read, 1)
	go func() {
		text, err := s.out.ReadString('\n')
		done <- read{text, err}
	}()
	var r read
	select {
	case r = <-done:
	case <-time.After(limit):
		s.t.Fatalf("no answer within %v to %.200s\nstderr: %s", limit, line, s.stderr.String())
	}
	if r.err != nil {
		s.t.Fatalf("reading the answer to %.200s: %v\nstderr: %s", line, r.err, s.stderr.String())
	}
	return r.text
}

// exit ends the session and returns the exit answer.
func (s *hostSession) exit() answer {
	s.t.Helper()
	a := s.roundTrip(`{"op":"exit"}`)
	s.in.Close()
	if err := s.cmd.Wait(); err != nil {
		s.t.Errorf("host exited with %v\nstderr: %s", err, s.stderr.String())
	}
	s.closed = true
	return a
}

func (s *hostSession) config(plugin, config string) uint64 {
	s.t.Helper()
	a := s.roundTrip(fmt.Sprintf(`{"op":"config","plugin":%q,"config":%s}`, plugin, config))
	if !a.OK {
		s.t.Fatalf("config rejected: %s", a.raw)
	}
	return a.ConfigID
}

// traceOf renders a trace compactly: hook[(end)]=status or hook(reason).
func traceOf(a answer) []string {
	out := make([]string, len(a.Trace))
	for i, e := range a.Trace {
		s := e.Hook
		if e.EndStream != nil && *e.EndStream {
			s += "(end)"
		}
		if e.Status != "" {
			s += "=" + e.Status
		}
		if e.Reason != "" {
			s += "(" + e.Reason + ")"
		}
		out[i] = s
	}
	return out
}

func messagesAt(a answer, level string) []string {
	var out []string
	for _, l := range a.Logs {
		if l.Level == level {
			out = append(out, l.Message)
		}
	}
	return out
}

func bodyOf(m *wireMessage) string {
	if m == nil || m.Body == nil {
		return "<none>"
	}
	return *m.Body
}

// requestLine builds a request op: method and path plus extra headers, more members of
// "request" (body, chunks, trailers) and more members of the op (upstream, reset), each
// already serialized ("" for none).
func requestLine(id, method, path string, extra [][2]string, requestMembers, opMembers string) string {
	headers := [][2]string{{":method", method}, {":path", path}, {":authority", "example.com"}, {":scheme", "http"}}
	headers = append(headers, extra...)
	h, _ := json.Marshal(headers)
	line := fmt.Sprintf(`{"op":"request","id":%q,"request":{"headers":%s`, id, h)
	if requestMembers != "" {
		line += "," + requestMembers
	}
	line += "}"
	if opMembers != "" {
		line += "," + opMembers
	}
	return line + "}"
}

// get builds a GET request op for the plugins driven by x-action (and x-arg), with more
// members of the op ("" for none).
func get(id, actionName, arg, opMembers string) string {
	headers := action(actionName)
	if arg != "" {
		headers = append(headers, [2]string{"x-arg", arg})
	}
	return requestLine(id, "GET", "/", headers, "", opMembers)
}

// errorLogs are the error-level lines of an answer.
func errorLogs(a answer) []string { return messagesAt(a, "error") }

// action is the x-action header that picks the test plugin's behaviour.
func action(name string, more ...[2]string) [][2]string {
	return append([][2]string{{"x-action", name}}, more...)
}
