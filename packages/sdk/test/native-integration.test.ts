// Runs scenarios on both backends: the TypeScript host with the plugins of test/fixtures, and
// the native mock host with the Go libraries built from their hand-written Go twins:
// envoy-go-runtime/testdata/plugin (test-filter, capi-filter, async-filter, metrics-filter,
// consumer-filter(-async)) and test/fixtures/go-probe (probe-filter, probe-inject, probe-body, probe-state, for what
// testdata/plugin has no action for). Every call runs on both and any difference throws
// (BackendDivergenceError), so each scenario first of all proves the hosts agree; the checks
// beside it pin down what they agree on. One host (one native process) per group; scenarios
// of a group run in order on it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host, HostOptions } from "../src/testing/index.js";
import type { RequestOptions } from "../src/testing/request-options.js";
import type { RequestResult } from "../src/testing/result.js";
import { SplitMix64 } from "../src/testing/random.js";
import { asyncFilter } from "./fixtures/async-filter.js";
import { capiFilter } from "./fixtures/capi-filter.js";
import { asyncConsumerFilter, consumerFilter } from "./fixtures/consumer-filter.js";
import { metricsFilter } from "./fixtures/metrics-filter.js";
import { probeBody, probeFilter, probeInject, probeState } from "./fixtures/probe-filter.js";
import { createPanics, passthrough, testConfigSchema, testFilter, type TestConfig } from "./fixtures/test-filter.js";
import { steps } from "./helpers.js";
import { missingTools, NativeArtifacts } from "./native-harness.js";

const missing = missingTools();
if (missing !== null) console.warn(`skipping the native integration tests: ${missing}`);

/** A scenario: its name, the request, and what both backends must have answered. */
type Scenario = [string, RequestOptions, (res: RequestResult) => void];

const END = ["onStreamComplete", "onLog", "onDestroy:Normal"];
/** `n` headers x-h1..x-hn: with the 4 pseudo-headers and x-action, more than 16 from n = 12. */
const manyHeaders = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i + 1}`, "v"]));
const PANIC_REPLY = { status: 500, body: "error happened in filter\r\n", headers: [], details: "" };

describe.skipIf(missing !== null)("both backends, against envoy-go-runtime/testdata/plugin", () => {
  let native: NativeArtifacts;

  beforeAll(() => {
    native = NativeArtifacts.build();
  }, 300_000);

  afterAll(async () => {
    await native?.close();
  });

  /** A group of scenarios on one host: `it.each` over them, the host opened once. */
  function group<C, P = C>(
    name: string,
    options: () => Omit<HostOptions<C, P>, "backends" | "soPath">,
    scenarios: Scenario[],
    library: "testdata" | "probe" = "testdata",
  ): void {
    describe(name, () => {
      let host: Host;
      beforeAll(async () => {
        host = await native.open(options(), "both", library === "probe" ? native.probeSoPath : native.soPath);
      }, 60_000);
      it.each(scenarios)("%s", async (_, request, check) => {
        check(await host.request(request));
      });
    });
  }

  const config: TestConfig = { prefix: "p1", stripResponseHeaders: ["server"] };
  const schema = testConfigSchema;
  const errors = (res: RequestResult) => res.logMessages("error");
  const infos = (res: RequestResult) => res.logMessages("info");

  group("test-filter", () => ({ plugin: testFilter, config, schema }), [
    ["plain GET", { headers: { "x-multi": ["a", "b"], "x-remove-me": "1", "X-Upper": "V" } }, (r) => expect(r.upstream?.header("x-multi-joined")).toBe("a|b")],
    ["POST with body and response headers", { method: "POST", body: "hello", upstream: { headers: { server: "s", "x-keep": "k" }, body: "ok" } }, (r) => expect(r.response?.header("server")).toBeUndefined()],
    ["local reply", { headers: { "x-action": "reply" }, method: "POST", body: "ignored" }, (r) => expect(r.response?.status).toBe(403)],
    ["empty local reply", { headers: { "x-action": "reply-empty" } }, (r) => expect(r.response?.headers).toEqual([["x-filtered", "p1"]])],
    ["HEAD local reply", { method: "HEAD", headers: { "x-action": "reply" } }, (r) => expect(r.response?.body).toBe("")],
    ["gRPC local reply", { method: "POST", path: "/s.S/M", headers: { "x-action": "reply", "content-type": "application/grpc" }, body: "x" }, (r) => expect(r.response?.header("grpc-status")).toBe("7")],
    ["local reply with an invalid status", { headers: { "x-action": "reply-bad-status" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "test-filter" decodeHeaders: sendLocalReply: status 99 is not in 200..599'])],
    ["panic", { headers: { "x-action": "panic" } }, (r) => expect(r.localReply).toEqual(PANIC_REPLY)],
    ["panic with a value", { headers: { "x-action": "panic-value" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "test-filter" decodeHeaders: 42'])],
    ["StopAndBuffer", { method: "POST", headers: { "x-action": "buffer" }, chunks: ["ab", "cd", "ef"] }, (r) => expect(r.upstream?.text()).toBe("ABCDEF")],
    ["StopAndBuffer with trailers", { method: "POST", headers: { "x-action": "buffer-trailers" }, chunks: ["ab", "cd"], trailers: { "x-drop": "1", "x-t": "2" } }, (r) => expect(r.upstream?.trailers).toEqual([["x-t", "2"], ["x-trailer-seen", "yes"]])],
    ["watermark", { method: "POST", headers: { "x-action": "watermark" }, chunks: ["abc", "def"] }, (r) => expect(r.upstream?.text()).toBe("<bc><ef>")],
    ["StopNoBuffer", { method: "POST", headers: { "x-action": "nobuffer" }, chunks: ["a", "b", "c"] }, (r) => expect(r.upstream?.text()).toBe("c")],
    ["appending per chunk", { method: "POST", headers: { "x-action": "chunks" }, chunks: ["a", "b"] }, (r) => expect(r.upstream?.text()).toBe("a!b!")],
    ["StopAndBuffer at the end", { method: "POST", headers: { "x-action": "buffer-at-end" }, body: "x" }, (r) => expect(r.response?.status).toBe(500)],
    ["bad status", { headers: { "x-action": "bad-status" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "test-filter" decodeHeaders: StopNoBuffer is not a valid status for decodeHeaders'])],
    ["LocalReply without a reply", { headers: { "x-action": "unsent-reply" } }, (r) => expect(r.response?.status).toBe(500)],
    ["invalid header value", { headers: { "x-action": "bad-header" } }, (r) => expect(r.response?.status).toBe(500)],
    ["counting", { headers: { "x-action": "count", a: "1", b: ["2", "3"] } }, (r) => expect(infos(r)[1]).toBe("headers=8 keys=7")],
    ["data local reply", { method: "POST", headers: { "x-action": "data-reply" }, chunks: ["x", "y"] }, (r) => expect(r.response?.text()).toBe("bad body x")],
    ["encode local reply", { headers: { "x-action": "encode-reply" }, upstream: { body: "secret" } }, (r) => expect(r.response?.text()).toBe("bad upstream")],
    ["encode panic", { headers: { "x-action": "encode-panic" }, upstream: { body: "secret" } }, (r) => expect(r.response?.status).toBe(500)],
    ["encodeData local reply after the headers", { headers: { "x-action": "encode-data-reply" }, upstream: { body: "data" } }, (r) => expect(r.reset).toBe("local")],
    ["response rewrite and trailers", { headers: { "x-action": "upper-response" }, upstream: { chunks: ["ab", "c"], trailers: { "grpc-status": "0" } } }, (r) => expect(r.response?.text()).toBe("ABC")],
    ["echo", { method: "POST", json: { a: 1 }, trailers: { "x-t": "1" }, upstream: { echo: true } }, (r) => expect(r.response?.json()).toEqual({ a: 1 })],
    ["sendLocalReply in onLog", { headers: { "x-action": "reply-in-log" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "test-filter" onLog: sendLocalReply called outside a request or response hook'])],
    ["write in onLog", { headers: { "x-action": "write-in-log" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "test-filter" onLog: request headers of a log entry are read-only here'])],
    ["client reset after decodeData", { method: "POST", chunks: ["a", "b"], reset: "decodeData" }, (r) => expect(r.reset).toBe("client")],
    ["client reset after a local reply was posted", { headers: { "x-action": "reply" }, reset: "decodeHeaders" }, (r) => expect(r.response).toBeNull()],
    ["a stalled stream (Running) meets the idle timeout", { headers: { "x-action": "running" }, idleTimeoutMs: 100 }, (r) => expect(r.response?.status).toBe(504)],
    ["an upstream delay", { method: "POST", body: "b", upstream: { delay: 30, body: "late" } }, (r) => expect(r.response?.text()).toBe("late")],
    ["an upstream delay longer than the idle timeout", { upstream: { delay: 300, body: "never" }, idleTimeoutMs: 50 }, (r) => expect(r.response).toMatchObject({ status: 504, body: "stream timeout" })],
    ["an upstream delay on an echo", { method: "POST", body: "e", upstream: { echo: true, delay: 5 } }, (r) => expect(r.response?.text()).toBe("e")],
  ]);

  const act = (action: string, more: Record<string, string> = {}) => ({ "x-action": action, ...more });
  const DEFAULT_INFO = "route= chain= protocol=HTTP/1.1";
  const DOWNSTREAM = "local=127.0.0.1:10000 remote=127.0.0.1:50000";

  group("capi-filter", () => ({ plugin: capiFilter, config: {}, secrets: { token: "from-config" } }), [
    ["stream info defaults, before and after the router", { headers: act("stream-info") }, (r) =>
      expect(infos(r)).toEqual([
        `decode ${DEFAULT_INFO} code=- details=- attempts=0 ${DOWNSTREAM} upLocal=- upRemote=- cluster=upstream vcluster=- worker=0`,
        `encode ${DEFAULT_INFO} code=200 details=via_upstream attempts=1 ${DOWNSTREAM} upLocal=127.0.0.1:50001 upRemote=127.0.0.1:8080 cluster=upstream vcluster=- worker=0`,
        `log ${DEFAULT_INFO} code=200 details=via_upstream attempts=1 ${DOWNSTREAM} upLocal=127.0.0.1:50001 upRemote=127.0.0.1:8080 cluster=upstream vcluster=- worker=0`,
      ])],
    ["stream info given values", {
      method: "POST", body: "b", headers: act("stream-info"), upstream: { status: 201 },
      streamInfo: { routeName: "r1", filterChainName: "fc", protocol: "HTTP/2", downstreamLocalAddress: "[::1]:443", downstreamRemoteAddress: "10.1.1.1:5",
        upstreamLocalAddress: null, upstreamRemoteAddress: "10.2.2.2:80", upstreamClusterName: "c1", virtualClusterName: "vc", attemptCount: 3 },
    }, (r) => expect(infos(r)[2]).toBe("log route=r1 chain=fc protocol=HTTP/2 code=201 details=via_upstream attempts=3 local=[::1]:443 remote=10.1.1.1:5 upLocal=- upRemote=10.2.2.2:80 cluster=c1 vcluster=vc worker=0")],
    ["stream info without a protocol or a cluster", { headers: act("stream-info"), streamInfo: { protocol: null, upstreamClusterName: null } }, (r) =>
      expect(infos(r)[0]).toBe(`decode route= chain= protocol=- code=- details=- attempts=0 ${DOWNSTREAM} upLocal=- upRemote=- cluster=- vcluster=- worker=0`)],
    ["the response code of a local reply (the idle timeout while the upstream waits)", { headers: act("stream-info"), upstream: { delay: 300 }, idleTimeoutMs: 50 }, (r) => {
      expect(r.response?.status).toBe(504);
      expect(infos(r)[1]).toContain("encode route= chain= protocol=HTTP/1.1 code=- details=stream_idle_timeout attempts=1");
      expect(infos(r)[2]).toContain("log route= chain= protocol=HTTP/1.1 code=504 details=stream_idle_timeout attempts=1");
    }],
    ["metadata: typed reads, merge, writes, onLog", { headers: act("metadata"), metadata: { in: { s: "str", n: 7, b: true, other: "kept" } } }, (r) => {
      expect(infos(r)).toEqual([
        'metadata s="str"/true n=7/true b=true/true wrongKind=false missing=false',
        'metadata read back "text"',
        'log metadata "text"',
      ]);
      expect(r.metadata).toEqual({ in: { s: "str", n: 0, b: true, other: "kept" }, out: { s: "text", n: 2.5, b: false } });
    }],
    ["metadata: NaN refused", { headers: act("metadata-nan") }, (r) => expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeHeaders: metadata.set: NaN is not a finite number'])],
    ["filter state: reads, life spans, a conflicting set", { headers: act("filter-state"), filterState: { in: "v", empty: "" } }, (r) => {
      expect(infos(r)).toEqual(['filterState in="v"/true empty=""/true missing=false', 'filterState read back "o"']);
      expect(r.filterState).toEqual({
        in: { value: "v", lifeSpan: 0, streamSharing: 0 },
        empty: { value: "", lifeSpan: 0, streamSharing: 0 },
        out: { value: "o", lifeSpan: 1, streamSharing: 0 },
        shared: { value: "s", lifeSpan: 2, streamSharing: 1 },
      });
    }],
    ["filter state: a key an earlier filter set at another life span", { headers: act("filter-state"), filterState: { out: { value: "pre", lifeSpan: 2 } } }, (r) =>
      expect(r.filterState?.out).toEqual({ value: "pre", lifeSpan: 2, streamSharing: 0 })],
    ["filter state: an invalid life span", { headers: act("filter-state-bad") }, (r) => expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeHeaders: filterState.set: invalid lifeSpan 7'])],
    ["a property", { headers: act("property", { "x-arg": "request.path" }), properties: { "request.path": "/pp" } }, (r) => expect(infos(r)).toEqual(['property request.path="/pp"/true'])],
    ["a missing property", { headers: act("property", { "x-arg": "xds.route_name" }), properties: { "request.path": "/pp" } }, (r) => expect(infos(r)).toEqual(['property xds.route_name=""/false'])],
    ["a config secret", { headers: act("secret", { "x-arg": "token" }) }, (r) => expect(infos(r)).toEqual(['secret token="from-config"/true'])],
    ["request secrets replace the config's", { headers: act("secret", { "x-arg": "token" }), secrets: { other: "x" } }, (r) => expect(infos(r)).toEqual(['secret token=""/false'])],
    ["a request secret", { headers: act("secret", { "x-arg": "token" }), secrets: { token: "from-request" } }, (r) => expect(infos(r)).toEqual(['secret token="from-request"/true'])],
    ["route cache", { headers: act("route-cache") }, (r) => expect(r.routeCache).toEqual(["clear", "refresh"])],
    ["drain", { headers: act("drain") }, (r) => expect(r.drainConnection).toBe(true)],
    ["addData in headers-only request headers", { headers: act("add-body"), upstream: { echo: true } }, (r) => expect(r.upstream?.text()).toBe("added")],
    ["addData in the headers of a request with a body (never sent)", { method: "POST", body: "b", headers: act("add-body") }, (r) => expect(r.upstream?.text()).toBe("b")],
    ["addData on the encoder in decodeHeaders", { headers: act("encoder-too-early") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeHeaders: encoder.addData: the stream is not being processed by this filter now (CAPINotInGo)'])],
    ["addData in a data hook", { method: "POST", body: "b", headers: act("add-in-data") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeData: decoder.addData: not available in this phase (CAPIInvalidPhase)'])],
    ["addData in a trailers hook", { method: "POST", body: "b", trailers: { "x-t": "1" }, headers: act("add-in-trailers") }, (r) => expect(r.upstream?.text()).toBe("b+tail")],
    ["addData in headers-only response headers", { headers: act("add-response-body") }, (r) => expect(r.response?.text()).toBe("from the filter")],
    ["addData in the headers of a response with a body (never sent)", { headers: act("add-response-body"), upstream: { body: "u" } }, (r) => expect(r.response?.text()).toBe("u")],
    ["injectData from a synchronous headers hook", { headers: act("inject-sync") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeHeaders: decoder.injectData: not available in this phase (CAPIInvalidPhase)'])],
    ["injectData from a synchronous data hook", { method: "POST", body: "b", headers: act("inject-sync-data") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeData: decoder.injectData: not allowed here (CAPIInvalidScene)'])],
    ["override host, strict", { headers: act("override-host", { "x-arg": "10.0.0.1:8080" }) }, (r) => expect(r.upstreamOverrideHost).toEqual({ host: "10.0.0.1:8080", strict: true })],
    ["override host, IPv6", { headers: act("override-host", { "x-arg": "[::1]" }) }, (r) => expect(r.upstreamOverrideHost).toEqual({ host: "[::1]", strict: true })],
    ["override host, not an IP", { headers: act("override-host", { "x-arg": "::1" }) }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeHeaders: decoder.setUpstreamOverrideHost: invalid IP address (CAPIInvalidIPAddress)'])],
    ["override host, a host name", { headers: act("override-host", { "x-arg": "upstream.example" }) }, (r) => expect(r.upstreamOverrideHost).toBeUndefined()],
    ["override host from an encode hook", { headers: act("override-in-encode") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" encodeHeaders: decoder.setUpstreamOverrideHost: the stream is not being processed by this filter now (CAPINotInGo)'])],
    ["gRPC reply with an explicit status", { method: "POST", path: "/s.S/M", headers: act("grpc-reply", { "content-type": "application/grpc" }), body: "x" }, (r) =>
      expect(r.response?.headers).toEqual([["content-type", "application/grpc"], ["grpc-status", "8"], ["grpc-message", "slow down"]])],
    ["gRPC reply to a plain request", { headers: act("grpc-reply") }, (r) => expect(r.response).toMatchObject({ status: 429, body: "slow down" })],
    ["gRPC reply with status 17", { headers: act("grpc-reply-bad") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" decodeHeaders: sendLocalReply: grpcStatus 17 is not in 0..16'])],
    ["ctx.log.level", { headers: act("log-level") }, (r) => expect(infos(r)).toEqual(["level 0"])],
    ["has", { headers: act("has", { "x-arg": "a" }) }, (r) => expect(infos(r)).toEqual(['has x-arg=true x-none=false get="a"'])],
    ["the C API in onDestroy", { headers: act("api-in-destroy") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "capi-filter" onDestroy: streamInfo.routeName: the stream is not being processed by this filter now (CAPINotInGo)'])],
  ]);

  group("capi-filter with two workers", () => ({ plugin: capiFilter, config: {}, concurrency: 2 }), [
    ["worker 1", { headers: act("stream-info"), streamInfo: { workerId: 1 } }, (r) => expect(infos(r)[0]).toMatch(/ worker=1$/)],
    ["worker 0", { headers: act("stream-info") }, (r) => expect(infos(r)[0]).toMatch(/ worker=0$/)],
  ]);

  group("capi-filter at log level info", () => ({ plugin: capiFilter, config: {}, logLevel: "info" }), [
    ["ctx.log.level", { headers: act("log-level") }, (r) => expect(infos(r)).toEqual(["level 2"])],
  ]);

  group("async-filter", () => ({ plugin: asyncFilter, config: {}, secrets: { token: "s3cret" } }), [
    ["Running, then continued", { upstream: { echo: true } }, (r) => {
      expect(steps(r)).toEqual(["decodeHeaders(end)=Running", "continue=Continue", "encodeHeaders(end)=Running", "continue=Continue", ...END]);
      expect(r.response?.headers).toEqual([["x-async-encode", "1"]]);
    }],
    ["a hook that ends within its entry", { headers: act("immediate") }, (r) => expect(steps(r).slice(0, 2)).toEqual(["decodeHeaders(end)=Running", "continue=Continue"])],
    ["frames arriving while the headers hook runs", { method: "POST", chunks: ["ab", "cd"], upstream: { echo: true } }, (r) => {
      expect(steps(r).slice(0, 4)).toEqual(["decodeHeaders()=Running", "continue=Continue", "decodeData(end)=Running", "continue=Continue"]);
      expect(infos(r)).toContain('decodeData "abcd" end=true');
      expect(r.upstream?.text()).toBe("abcd");
    }],
    ["frames and trailers arriving while the headers hook runs", { method: "POST", body: "xy", trailers: { "x-t": "1" }, upstream: { echo: true } }, (r) => {
      expect(steps(r).slice(0, 5)).toEqual(["decodeHeaders()=Running", "continue=Continue", "decodeData()=Running", "continue=Continue", "decodeTrailers=Continue"]);
      expect(r.upstream?.trailers).toEqual([["x-t", "1"]]);
    }],
    ["continuing with StopAndBuffer", { method: "POST", headers: act("buffer"), chunks: ["ab", "cd"], upstream: { echo: true } }, (r) => {
      expect(steps(r).slice(0, 4)).toEqual(["decodeHeaders()=Running", "continue=StopAndBuffer", "decodeData(end)=Running", "continue=Continue"]);
      expect(r.upstream?.text()).toBe("ABCD");
    }],
    ["an async data hook injecting data", { method: "POST", headers: act("inject"), chunks: ["ab", "cd"], upstream: { echo: true } }, (r) => expect(r.upstream?.text()).toBe("[injected]abcd")],
    ["getters that yield", {
      headers: act("getters"), metadata: { in: { s: "str" } }, filterState: { in: "fsv" }, properties: { "request.path": "/pp" }, streamInfo: { routeName: "rr" },
    }, (r) => expect(infos(r)[1]).toBe('async getters metadata="str" filterState="fsv"/true property="/pp"/true/false secret="s3cret"/true/false route=rr')],
    ["writes that are posted", { headers: act("setters"), upstream: { echo: true } }, (r) => {
      expect(r.upstream?.text()).toBe("async body");
      expect(r.upstreamOverrideHost).toEqual({ host: "[::1]:8443", strict: false });
      expect(r).toMatchObject({ metadata: { async: { k: "v" } }, routeCache: ["clear"], drainConnection: true });
    }],
    ["a local reply", { headers: act("reply") }, (r) => {
      expect(r.localReply).toEqual({ status: 401, body: "no", headers: [["x-why", "async"]], details: "async_denied" });
      expect(steps(r)).toEqual(["decodeHeaders(end)=Running", "encodeHeaders()=Running", "continue=Continue", "encodeData(end)=Continue", ...END]);
    }],
    ["a rejected promise", { headers: act("panic") }, (r) => {
      expect(r.localReply).toEqual(PANIC_REPLY);
      expect(errors(r)).toEqual(['panic in plugin "async-filter" decodeHeaders: Error: async boom']);
    }],
    ["an invalid status", { headers: act("running") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "async-filter" decodeHeaders: Running is not a valid result of an async hook'])],
    ["a hook outliving the idle timeout", { headers: act("sleep-long"), idleTimeoutMs: 200 }, (r) => {
      expect(r.response?.status).toBe(504);
      expect(steps(r).at(-1)).toBe("onDestroy:Terminate");
      expect(errors(r)).toEqual([
        'panic in plugin "async-filter" decodeHeaders: cannot set "x-async-done" in request headers: the stream was destroyed (CAPIFilterIsDestroy)',
        'plugin "async-filter" decodeHeaders: cannot send the panic reply: the stream was destroyed (CAPIFilterIsDestroy)',
      ]);
    }],
    ["a getter after the stream was destroyed", { headers: act("get-after-destroy"), idleTimeoutMs: 200 }, (r) =>
      expect(errors(r)[0]).toBe('panic in plugin "async-filter" decodeHeaders: metadata.getString: the stream was destroyed (CAPIFilterIsDestroy)')],
    ["a client reset right after a Running hook", { reset: "decodeHeaders" }, (r) => {
      expect(steps(r)).toEqual(["decodeHeaders(end)=Running", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
      expect(r.logs).toEqual([
        { level: "info", message: "decodeHeaders start end=true" },
        { level: "info", message: "onDestroy 1" },
        { level: "error", message: 'panic in plugin "async-filter" decodeHeaders: cannot set "x-async-done" in request headers: the stream was destroyed (CAPIFilterIsDestroy)' },
        { level: "error", message: 'plugin "async-filter" decodeHeaders: cannot send the panic reply: the stream was destroyed (CAPIFilterIsDestroy)' },
      ]);
    }],
    ["posted writes while request frames wait in the golang filter", { method: "POST", chunks: ["a", "b"], headers: act("setters"), upstream: { echo: true } }, (r) => {
      // The filter manager buffers the added body; Envoy resumes by injecting the waiting frames.
      expect(r.upstream?.text()).toBe("ab");
      expect(r.upstream?.header("x-async")).toBe("yes");
    }],
    ["a hook that ends within its entry, with a body", { method: "POST", body: "x", headers: act("immediate"), upstream: { echo: true } }, (r) => expect(r.upstream?.text()).toBe("x")],
    ["StopAndBuffer with trailers", { method: "POST", headers: act("buffer"), chunks: ["ab", "cd"], trailers: { t: "1" }, upstream: { echo: true } }, (r) => {
      expect(r.upstream?.text()).toBe("ABCD");
      expect(r.upstream?.trailers).toEqual([["t", "1"]]);
    }],
    ["injecting with trailers", { method: "POST", headers: act("inject"), body: "ab", trailers: { t: "1" }, upstream: { echo: true } }, (r) => expect(r.upstream?.text()).toBe("[injected]ab")],
    ["a local reply to a gRPC request", { method: "POST", path: "/s.S/M", headers: act("reply", { "content-type": "application/grpc" }), body: "x" }, (r) =>
      expect(r.response?.headers).toEqual([["x-why", "async"], ["content-type", "application/grpc"], ["grpc-status", "16"], ["grpc-message", "no"], ["x-async-encode", "1"]])],
    ["an upstream delay while the encode hook is async", { upstream: { delay: 20, body: "late" } }, (r) => expect(r.response?.text()).toBe("late")],
  ]);

  describe("metrics-filter", () => {
    let host: Host;
    beforeAll(async () => {
      host = await native.open({ plugin: metricsFilter, config: {} });
    }, 60_000);
    const metricError = (message: string) => (r: RequestResult) => expect(errors(r)).toEqual([`panic in plugin "metrics-filter" decodeHeaders: ${message}`]);

    it("snapshots the metrics configure defined", () => {
      expect(host.configMetrics).toEqual({ counters: { requests: 0 }, gauges: { active: 0 }, histograms: { sizes: [] } });
      expect(host.configLogs).toEqual([{ level: "info", message: "configuring metrics" }]);
    });

    // One host: the stats carry over from scenario to scenario, in this order.
    it.each<Scenario>([
      ["counting a request", { path: "/abc" }, (r) => {
        expect(infos(r)).toEqual(["requests=1 active=1"]);
        expect(r.metrics).toEqual({ counters: { requests: 1 }, gauges: { active: 0 }, histograms: { sizes: [4] } });
      }],
      ["defining a metric late", { headers: act("define-late") }, metricError('cannot define counter "late": metrics can only be defined in configure')],
      ["a negative amount", { headers: act("negative") }, metricError('counter "requests" increment: -1 is not a non-negative safe integer')],
      ["a gauge below zero", { headers: act("below-zero") }, metricError('gauge "active" decrement: 5 is more than its value 0')],
      ["a fraction", { headers: act("fraction") }, metricError('counter "requests" increment: 1.5 is not a non-negative safe integer')],
      ["counting again", {}, (r) => expect(r.metrics).toEqual({ counters: { requests: 2 }, gauges: { active: 0 }, histograms: { sizes: [4, 1] } })],
    ])("%s", async (_, request, check) => {
      check(await host.request(request));
    });

    it("agrees on configure rejecting a config and throwing", async () => {
      await expect(native.open({ plugin: metricsFilter, rawConfig: { mode: "reject" } })).rejects.toThrow('invalid config for plugin "metrics-filter": no metrics today');
      await expect(native.open({ plugin: metricsFilter, rawConfig: { mode: "throw" } })).rejects.toThrow('invalid config for plugin "metrics-filter": Error: configure threw');
    });

    it("shares a stat between two configs of one host", async () => {
      const pair = native.rawPair(metricsFilter, undefined, 1);
      const op = { op: "config" as const, plugin: "metrics-filter", config: {}, seed: 1 };
      const first = await pair.agree((b) => b.config(op));
      const second = await pair.agree((b) => b.config(op));
      expect([first, second].map((a) => a.ok && a.configId)).toEqual([1, 2]);
      const request = (configId: number) =>
        pair.agree((b) => b.request({ op: "request", id: `c${configId}`, configId, request: { headers: [[":method", "GET"], [":path", "/"], [":authority", "h"], [":scheme", "http"]] } }));
      await request(1);
      const res = await request(2);
      expect(res.logs).toEqual([{ level: "info", message: "requests=2 active=1" }]);
      expect(res.metrics?.counters).toEqual({ requests: 2 });
    });
  });

  const consumers = [
    { name: "alice", credentials: { "key-auth": ["k-alice"] }, settings: { tier: "gold" } },
    { name: "bob", credentials: { "key-auth": ["k-bob"] } },
  ];
  const CONSUMER_STATE = "mosn-ts.consumer";

  group("consumer-filter", () => ({ plugin: consumerFilter, config: {}, consumers }), [
    ["authenticating", { headers: act("authenticate", { "x-api-key": "k-alice" }) }, (r) => {
      expect(infos(r)).toEqual(["set alice; read back alice tier=gold", "encode alice tier=gold"]);
      expect(r.filterState).toEqual({ [CONSUMER_STATE]: { value: "alice", lifeSpan: 1, streamSharing: 0 } });
      expect(r.metadata).toEqual({ "mosn-ts": { consumer: "alice" } });
    }],
    ["an unknown key", { headers: act("authenticate", { "x-api-key": "k-nobody" }) }, (r) => expect(r.response).toMatchObject({ status: 401, body: "unknown key" })],
    ["reading the consumer an earlier filter set", { headers: act("read"), consumer: "bob" }, (r) => expect(infos(r)).toEqual(["consumer bob tier=-"])],
    ["a consumer name the registry does not hold", { headers: act("read"), consumer: "carol" }, (r) => expect(infos(r)).toEqual(["consumer none"])],
    ["no consumer", { headers: act("read") }, (r) => expect(infos(r)).toEqual(["consumer none"])],
    ["setting a consumer the registry does not hold", { headers: act("set-unknown") }, (r) => {
      expect(infos(r)).toEqual(["read back none"]);
      expect(r.filterState?.[CONSUMER_STATE]?.value).toBe("mallory");
    }],
    ["setting no consumer", { headers: act("set-nil") }, (r) => expect(errors(r)).toEqual(['panic in plugin "consumer-filter" decodeHeaders: setConsumer: no consumer'])],
    ["the consumer state at another life span", { headers: act("authenticate", { "x-api-key": "k-alice" }), filterState: { [CONSUMER_STATE]: "earlier" } }, (r) => {
      expect(infos(r)[0]).toBe("set alice; read back none");
      expect(r.filterState?.[CONSUMER_STATE]).toEqual({ value: "earlier", lifeSpan: 0, streamSharing: 0 });
      expect(r.metadata).toEqual({ "mosn-ts": { consumer: "alice" } });
    }],
    ["reading in onDestroy", { headers: act("read-in-destroy") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "consumer-filter" onDestroy: consumer: the stream is not being processed by this filter now (CAPINotInGo)'])],
    ["setting in onDestroy", { headers: act("set-in-destroy") }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "consumer-filter" onDestroy: setConsumer: the stream is not being processed by this filter now (CAPINotInGo)'])],
    ["a lookup in onDestroy", { headers: act("lookup-in-destroy") }, (r) => expect(infos(r)).toEqual(["destroy lookup bob tier=-"])],
  ]);

  group("consumer-filter-async", () => ({ plugin: asyncConsumerFilter, config: {}, consumers }), [
    ["authenticating from an async hook", { headers: act("authenticate", { "x-api-key": "k-alice" }) }, (r) => {
      expect(steps(r).slice(0, 2)).toEqual(["decodeHeaders(end)=Running", "continue=Continue"]);
      expect(infos(r)).toEqual(["set alice; read back alice tier=gold", "encode alice tier=gold"]);
      expect(r.metadata).toEqual({ "mosn-ts": { consumer: "alice" } });
    }],
    ["reading from an async hook", { headers: act("read"), consumer: "alice" }, (r) => expect(infos(r)).toEqual(["consumer alice tier=gold"])],
  ]);

  it("agrees on consumers configs it rejects", async () => {
    const rejects = (bad: unknown[], message: string) =>
      expect(native.open({ plugin: consumerFilter, config: {}, consumers: bad as typeof consumers })).rejects.toThrow(`invalid config for plugin "mosn-ts-consumers": ${message}`);
    await rejects([{ name: "a" }, { name: "a" }], '$.consumers[1].name: duplicate consumer "a"');
    await rejects([{ name: "a", credentials: { k: ["x"] } }, { name: "b", credentials: { k: ["y", "x"] } }], '$.consumers[1].credentials.k[1]: credential already belongs to consumer "a"');
    await rejects([{ name: "" }], "$.consumers[0].name: must not be empty");
    await rejects([{ name: "a", settings: { tier: 1 } }], "$.consumers[0].settings.tier: expected string, got number");
  });

  it("agrees on config text that is not JSON (the built-in consumers plugin parses it with js)", async () => {
    const pair = native.rawPair(consumerFilter, undefined, 1);
    const texts = ['{"consumers": [', '{"consumers" []}', "{'consumers': []}", '{"consumers": [], }', '{"consumers": []} x', '{"consumers": [{"name": "é", "x": tru}]}', "NaN"];
    const errorsSeen: string[] = [];
    for (const text of texts) {
      const answer = await pair.agree((b) => b.config({ op: "config", plugin: "mosn-ts-consumers", config: text, encoding: "string_value", seed: 1 }));
      errorsSeen.push(answer.ok ? "accepted" : answer.error);
    }
    const prefix = 'invalid config for plugin "mosn-ts-consumers": $: invalid JSON: ';
    expect(errorsSeen).toEqual([
      `${prefix}Unexpected end of JSON input`,
      `${prefix}Expected ':' after property name in JSON at position 13`,
      `${prefix}Expected property name or '}' in JSON at position 1`,
      `${prefix}Expected double-quoted property name in JSON at position 18`,
      `${prefix}Unexpected non-whitespace character after JSON at position 18`,
      `${prefix}Unexpected token '}', ...", "x": tru}]}" is not valid JSON`,
      `${prefix}"NaN" is not valid JSON`,
    ]);
  });

  // fixtures/go-probe: scenarios testdata/plugin has no action for.
  group("probe-filter", () => ({ plugin: probeFilter, config: {} }), [
    ["seeded randomUUID before and after an await", { headers: act("uuid-after-await") }, (r) => {
      const [first, second] = (r.upstream?.header("x-uuid") ?? "").split(" ");
      // The first draws of a host seeded with 1 (docs/testing.md), then the next ones.
      expect(first).toBe("910a2dec-8902-4cc1-beeb-8da1658eec67");
      expect(second).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(second).not.toBe(first);
    }],
    ["a panic after the hook's own local reply: answered at the next entry", { headers: act("reply-then-panic") }, (r) => {
      expect(steps(r)).toEqual(["decodeHeaders(end)=Running", "encodeHeaders()=Running", "continue=Continue", "encodeData(end)=LocalReply", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
      expect(errors(r)).toEqual([
        'panic in plugin "probe-filter" decodeHeaders: Error: late',
        'plugin "probe-filter" decodeHeaders: cannot send the panic reply: the stream is not being processed by this filter now (CAPINotInGo)',
      ]);
      // The reply's headers were held by the async encode hook, so the panic reply replaces
      // them on their way to the client.
      expect(r.response).toMatchObject({ status: 500, body: "error happened in filter\r\n" });
      expect(r.localReply).toEqual({ status: 403, body: "early", headers: [], details: "early_reply" });
    }],
    ["metadata written in onLog", { headers: act("metadata-in-log") }, (r) => {
      expect(r.metadata).toEqual({ log: { seen: "yes" } });
      expect(infos(r)).toEqual(["encodeHeaders status=200", 'onLog read back "yes"']);
    }],
    ["work the filter left running lands while the upstream waits", { headers: act("background"), upstream: { delay: 60 } }, (r) =>
      expect(infos(r)).toEqual(["background done", "encodeHeaders status=200"])],
  ], "probe");

  group("probe-inject", () => ({ plugin: probeInject, config: {} }), [
    ["an async data hook injecting data, then StopNoBuffer, then Continue", { method: "POST", chunks: ["a", "b", "c"], upstream: { echo: true } }, (r) => {
      expect(steps(r).slice(0, 5)).toEqual(["decodeHeaders()=Continue", "decodeData()=Running", "continue=StopNoBuffer", "decodeData(end)=Running", "continue=Continue"]);
      expect(infos(r)).toEqual(['decodeData "a" end=false', 'decodeData "bc" end=true']);
      expect(r.upstream?.text()).toBe("<a><bc>bc");
    }],
    // The runtime copied the small map at its first read (the hook's get of x-action).
    ["a header map read after its hook", { method: "POST", body: "b", headers: act("read-after-hook") }, (r) =>
      expect(infos(r)).toEqual(['after the hook: path "/"/true'])],
    ["a header map of 16 entries read after its hook", { method: "POST", body: "b", headers: { ...act("read-after-hook"), ...manyHeaders(11) } }, (r) =>
      expect(infos(r)).toEqual(['after the hook: path "/"/true'])],
    // A map of more than 16 headers is asked for one header at a time until something copies
    // it: after its hook Envoy no longer lends it.
    ["a big header map read after its hook", { method: "POST", body: "b", headers: { ...act("read-after-hook"), ...manyHeaders(12) } }, (r) =>
      expect(errors(r)).toEqual(['panic in plugin "probe-inject" decodeData: cannot read request headers: not available in this phase (CAPIInvalidPhase)'])],
    // Not through async-filter, whose async headers hook comes first: the native host may then
    // stop waiting for the data hook (mockhost/src/capi.c clears the direction's pending flag
    // after posting the headers hook's Continue, racing with the data entry that Continue
    // starts), and the hook's last log line lands in the next answer.
    ["a client reset right after an async data hook", { method: "POST", chunks: ["a"], reset: "decodeData" }, (r) => {
      expect(r.reset).toBe("client");
      expect(errors(r)).toEqual(['plugin "probe-inject" decodeData: cannot continue: the stream was destroyed (CAPIFilterIsDestroy)']);
    }],
  ], "probe");

  // A thrown value that is not an Error is logged as String(value) by both (docs/architecture.md).
  // What each data call's buffer holds after a data hook returned a Stop status, in Envoy
  // v1.39.1 (golang_filter.cc doData/doDataGo, processor_state.cc handleDataGolangStatus): the
  // chunk of that call stays in Envoy's doDataList, out of Go's sight, and goes on when Go
  // continues (StopNoBuffer drops it); the next call sees only what came after it (after
  // StopAndBuffer: everything after it, in one call at the end of the stream).
  const bodyRequest = (action: string): RequestOptions => ({
    method: "POST",
    headers: act(action),
    chunks: ["aa", "bb", "cc"],
    upstream: { chunks: ["xx", "yy", "zz"] },
  });
  group("probe-body", () => ({ plugin: probeBody, config: {} }), [
    ["StopAndBuffer from a data hook: the last call has the rest of the body, not the held chunk", bodyRequest("buffer"), (r) => {
      expect(infos(r)).toEqual([
        'decodeData "aa" end=false',
        'decodeData "bbcc" end=true',
        'encodeData "xx" end=false',
        'encodeData "yyzz" end=true',
      ]);
      expect(r.upstream?.text()).toBe("aabbcc");
      expect(r.response?.text()).toBe("xxyyzz");
    }],
    ["StopAndBufferWatermark from a data hook: one call per chunk, held chunks go on with the last", bodyRequest("watermark"), (r) => {
      expect(infos(r)).toEqual([
        'decodeData "aa" end=false',
        'decodeData "bb" end=false',
        'decodeData "cc" end=true',
        'encodeData "xx" end=false',
        'encodeData "yy" end=false',
        'encodeData "zz" end=true',
      ]);
      expect(r.upstream?.text()).toBe("aabbcc");
      expect(r.response?.text()).toBe("xxyyzz");
    }],
    ["StopNoBuffer from a data hook: the chunk is dropped", bodyRequest("nobuffer"), (r) => {
      expect(infos(r)).toEqual([
        'decodeData "aa" end=false',
        'decodeData "bb" end=false',
        'decodeData "cc" end=true',
        'encodeData "xx" end=false',
        'encodeData "yy" end=false',
        'encodeData "zz" end=true',
      ]);
      expect(r.upstream?.text()).toBe("cc");
      expect(r.response?.text()).toBe("zz");
    }],
  ], "probe");

  group("probe-state throws", () => ({ plugin: probeState, config: {} }), [
    ["throw of a string", { headers: { "x-action": "throw-string" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "probe-state" decodeHeaders: a string'])],
    ["throw of a number", { headers: { "x-action": "throw-number" } }, (r) => expect(errors(r)).toEqual(['panic in plugin "probe-state" decodeHeaders: 42'])],
    ["throw of an object", { headers: { "x-action": "throw-object" } }, (r) => {
      expect(errors(r)).toEqual(['panic in plugin "probe-state" decodeHeaders: [object Object]']);
      expect(r.localReply).toEqual(PANIC_REPLY);
    }],
  ], "probe");

  it("keeps module state across createHost calls, as Envoy keeps a loaded .so across configs", async () => {
    const created = async () => {
      const host = await native.open({ plugin: probeState, config: {} }, "both", native.probeSoPath);
      try {
        return Number((await host.request()).upstream?.header("x-created"));
      } finally {
        await host.close();
      }
    };
    const first = await created();
    // Each createHost makes a new config in the same library: the count goes on, on both backends.
    expect(await created()).toBe(first + 1);
    expect(await created()).toBe(first + 2);
  });

  it("agrees on what a few scenarios mean", async () => {
    const host = await native.open({ plugin: testFilter, config, schema });
    const reply = await host.request({ headers: { "x-action": "reply" } });
    expect(reply.localReply?.headers).toEqual([
      ["x-reply", "yes"],
      ["x-reply-prefix", "p-p1"],
      ["content-type", "text/plain; charset=utf-8"],
    ]);
    const plain = await host.request({ path: "/a", headers: { "x-multi": ["1", "2"] }, upstream: { headers: { server: "s" } } });
    expect(plain.upstream?.header(":path")).toBe("/a?seen=1");
    const panic = await host.request({ headers: { "x-action": "panic" } });
    expect(panic.logMessages("error")).toEqual(['panic in plugin "test-filter" decodeHeaders: Error: boom']);
    expect(steps(panic)[0]).toBe("decodeHeaders(end)=LocalReply");
  });

  it("agrees on which log lines the log level lets through", async () => {
    const host = await native.open({ plugin: testFilter, config, schema, logLevel: "info" });
    const res = await host.request({ method: "POST", body: "b" });
    expect(res.logs.every((l) => l.level === "info")).toBe(true);
    expect(res.logs.length).toBe(3);
  });

  it("agrees on config rejections", async () => {
    await expect(native.open({ plugin: testFilter, rawConfig: { stripResponseHeaders: [] }, schema })).rejects.toThrow(
      'invalid config for plugin "test-filter": $.prefix: missing required field',
    );
    await expect(native.open({ plugin: testFilter, rawConfig: { prefix: 5 }, schema })).rejects.toThrow(
      'invalid config for plugin "test-filter": $.prefix: expected string, got number',
    );
    await expect(native.open({ plugin: testFilter, rawConfig: { prefix: "x", zzz: 1 }, schema })).rejects.toThrow(
      'invalid config for plugin "test-filter": $.zzz: unknown field',
    );
  });

  it("agrees on a plugin without hooks and on a create() that throws", async () => {
    const pass = await native.open({ plugin: passthrough, config: {} });
    const res = await pass.request({ method: "POST", body: "x", upstream: { body: "y" } });
    expect(res.response?.body).toBe("y");
    const binary = await pass.request({ method: "POST", body: new Uint8Array([0xff, 0x00, 0x41]), upstream: { echo: true } });
    expect(binary.response).toMatchObject({ bodyBase64: "/wBB" });
    const failing = await native.open({ plugin: createPanics, config: {} });
    const failed = await failing.request();
    expect(failed.logMessages("error")).toEqual(['panic in plugin "create-panics" create: factory exploded']);
  });

  it("seeds the library's generator with the same SplitMix64 sequence", async () => {
    // The Go plugin writes two draws of api.Random() into x-random for this action.
    const host = await native.open({ plugin: testFilter, config, schema, seed: 99 }, "native");
    const res = await host.request({ headers: { "x-action": "random" } });
    const g = new SplitMix64(99);
    expect(res.upstream?.headerValues("x-random")).toEqual([String(g.next()), String(g.next())]);
  });
});
