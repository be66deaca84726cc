// The SDK-surface fixture for real: compiled to Go, built into a .so, and run through the mock
// host next to the TypeScript host (the SDK's test API with backends "both"). Every call runs on
// both and any difference throws, so each scenario first of all proves that the compiled code
// does what the TypeScript does; the checks beside it pin down what they agree on (Envoy's
// behaviour, docs/host-protocol.md).
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host, type HostOptions, type RequestOptions, type RequestResult } from "@mosn-ts/sdk/testing";
import emptyConfig from "./fixtures/sdk-surface/src/empty.js";
import surface from "./fixtures/sdk-surface/src/filter.js";
import shapes from "./fixtures/sdk-surface/src/shapes.js";
import { buildNative, missingNativeTools, type NativeBuild } from "./helpers/native.js";
import { fixturesDir } from "./helpers/paths.js";

const missing = missingNativeTools();
if (missing !== null) console.warn(`skipping the compiled SDK-surface tests: ${missing}`);

/** The fixture's config type (test/fixtures/sdk-surface/src/filter.ts). */
interface SurfaceConfig {
  delayMs: number;
  tenant: string;
  replyHeaders?: Record<string, string>;
}

type SurfaceOptions = Omit<HostOptions<SurfaceConfig, unknown>, "backends" | "soPath" | "schema" | "plugin">;

const config: SurfaceConfig = { delayMs: 2, tenant: "acme", replyHeaders: { "x-reason": "policy", "content-type": "text/plain" } };
const consumers = [
  { name: "alice", credentials: { "key-auth": ["k-alice"] }, settings: { tier: "gold" } },
  { name: "bob", credentials: { "key-auth": ["k-bob"] } },
];
/** What decodeHeaders sends on for a request that reached no router yet, with Envoy's stream info defaults. */
const DEFAULT_STREAM = "||HTTP/1.1|0|0";
const DEFAULT_ADDRESSES = "127.0.0.1:10000 127.0.0.1:50000 - upstream -";
const END_LOGS = ["warn line", "error line", "critical line"];

describe.skipIf(missing !== null)("the SDK surface, compiled, on both backends", () => {
  let native: NativeBuild;
  const hosts: Host[] = [];

  beforeAll(() => {
    // A fixed folder: Go's build cache and make reuse what an earlier run built.
    native = buildNative(join(fixturesDir, "sdk-surface"), ["src/filter.ts", "src/empty.ts", "src/shapes.ts"], join(tmpdir(), "mosn-ts-sdk-surface"), "sdk-surface");
  }, 600_000);

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.close()));
  });

  async function open<C>(options: Omit<HostOptions<C, unknown>, "backends" | "soPath" | "schema">): Promise<Host> {
    process.env.MOSN_TS_MOCKHOST = native.hostBinary;
    try {
      const schema = native.plugins.get(options.plugin.name)!.schema;
      const host = await createHost<C, unknown>({ ...options, backends: "both", soPath: native.soPath, schema });
      hosts.push(host);
      expect(host.backends).toEqual(["ts", "native"]);
      return host;
    } finally {
      delete process.env.MOSN_TS_MOCKHOST;
    }
  }

  /** A group of scenarios on one host, opened once; they run in order. */
  function group(name: string, options: () => SurfaceOptions, scenarios: [string, RequestOptions, (r: RequestResult) => void][]): void {
    describe(name, () => {
      let host: Host;
      beforeAll(async () => {
        host = await open({ plugin: surface, ...options() });
      }, 60_000);
      it.each(scenarios)("%s", async (_, request, check) => {
        check(await host.request(request));
      });
    });
  }

  const sent = (r: RequestResult, name: string) => r.upstream?.header(name);
  const infos = (r: RequestResult) => r.logMessages("info");

  group("stream info, metadata, filter state, properties, secrets, consumers", () => ({ config, consumers }), [
    ["a GET with the defaults", {}, (r) => {
      expect(sent(r, "x-stream")).toBe(DEFAULT_STREAM);
      expect(sent(r, "x-addresses")).toBe(DEFAULT_ADDRESSES);
      expect(sent(r, "x-response-so-far")).toBe("none none");
      expect(sent(r, "x-request")).toBe("GET localhost http /");
      expect(sent(r, "x-log-level")).toBe("0");
      expect(sent(r, "x-metadata")).toBe("acme 0 false none not a string");
      expect(sent(r, "x-state")).toBe("none 1");
      expect(sent(r, "x-property")).toBe("/ absent");
      expect(sent(r, "x-consumer")).toBe("anonymous");
      // A headers-only request: the data added in decodeHeaders becomes its body.
      expect(r.upstream?.text()).toBe("generated body");
      expect(r.response?.header("x-tenant")).toBe("acme");
      expect(r.response?.header("x-code")).toBe("200 200 via_upstream");
      expect(r.response?.header("x-upstream")).toBe("127.0.0.1:8080 1");
      expect(r.metadata).toEqual({ surface: { tenant: "acme", attempts: 0, streamed: false } });
      expect(r.filterState).toEqual({
        "surface.tenant": { value: "acme", lifeSpan: 1, streamSharing: 0 },
        "surface.conn": { value: "1", lifeSpan: 2, streamSharing: 1 },
        "surface.once": { value: "2", lifeSpan: 1, streamSharing: 2 },
      });
      expect(r.logMessages("debug")).toEqual(["route  via HTTP/1.1 from 127.0.0.1:50000"]);
      expect(r.logMessages("trace")).toEqual(["trace line"]);
      expect(infos(r).slice(1)).toEqual(["log: / -> 200, trailers false false", "destroyed: normal"]);
      expect(r.logs.filter((l) => ["warn", "error", "critical"].includes(l.level)).map((l) => l.message)).toEqual(END_LOGS);
    }],
    ["given stream info, a body and an upstream answer", {
      method: "POST", path: "/upload", body: "hello", upstream: { status: 201, body: "created" },
      streamInfo: { routeName: "r1", filterChainName: "fc", protocol: "HTTP/2", downstreamLocalAddress: "[::1]:443", downstreamRemoteAddress: "10.1.1.1:5",
        upstreamRemoteAddress: "10.2.2.2:80", upstreamClusterName: "c1", virtualClusterName: "vc", attemptCount: 3 },
    }, (r) => {
      expect(sent(r, "x-stream")).toBe("r1|fc|HTTP/2|0|0");
      expect(sent(r, "x-addresses")).toBe("[::1]:443 10.1.1.1:5 - c1 -");
      expect(sent(r, "x-metadata")).toBe("acme 0 true none not a string");
      // The async data hook holds "hello" while it runs: the frame it injects goes on first.
      expect(r.upstream?.text()).toBe("!hello");
      expect(r.response?.text()).toBe("created");
      expect(r.response?.header("x-code")).toBe("201 201 via_upstream");
      expect(r.response?.header("x-upstream")).toBe("10.2.2.2:80 3");
      expect(r.logMessages("debug")).toEqual(["route r1 via HTTP/2 from 10.1.1.1:5"]);
      expect(infos(r)[1]).toBe("log: /upload -> 201, trailers false false");
    }],
    ["no protocol yet", { streamInfo: { protocol: null, upstreamClusterName: null } }, (r) => {
      expect(sent(r, "x-stream")).toBe("||none|0|0");
      expect(sent(r, "x-addresses")).toBe("127.0.0.1:10000 127.0.0.1:50000 - - -");
    }],
    ["what earlier filters left: metadata and filter state", { metadata: { upstream: { weight: 3 } }, filterState: { earlier: "e1" } }, (r) => {
      expect(sent(r, "x-metadata")).toBe("acme 0 false 3 not a string");
      expect(sent(r, "x-state")).toBe("e1 1");
      expect(r.metadata?.upstream).toEqual({ weight: 3 });
      expect(r.filterState?.earlier).toEqual({ value: "e1", lifeSpan: 0, streamSharing: 0 });
    }],
    ["a property, a secret and the consumer owning it", { properties: { "request.path": "/from-property" }, secrets: { "api-key": "k-alice" } }, (r) => {
      expect(sent(r, "x-property")).toBe("/from-property absent");
      expect(sent(r, "x-tier")).toBe("gold");
      expect(sent(r, "x-consumer")).toBe("alice gold");
      expect(r.filterState?.["mosn-ts.consumer"]).toEqual({ value: "alice", lifeSpan: 1, streamSharing: 0 });
      expect(r.metadata?.["mosn-ts"]).toEqual({ consumer: "alice" });
    }],
    ["a consumer without settings", { secrets: { "api-key": "k-bob" } }, (r) => {
      expect(sent(r, "x-tier")).toBe("basic");
      expect(sent(r, "x-consumer")).toBe("bob no tier");
    }],
    ["a credential nobody owns", { secrets: { "api-key": "k-eve" } }, (r) => {
      expect(sent(r, "x-tier")).toBeUndefined();
      expect(sent(r, "x-consumer")).toBe("anonymous");
      expect(r.filterState?.["mosn-ts.consumer"]).toBeUndefined();
    }],
    ["the consumer an earlier filter set", { consumer: "alice" }, (r) => expect(sent(r, "x-consumer")).toBe("alice gold")],
  ]);

  group("route, override host, drain, local replies, body controls", () => ({ config }), [
    ["override host and route refresh", { path: "/reroute/a" }, (r) => {
      // From an async hook Envoy's posted task drops `strict`.
      expect(r.upstreamOverrideHost).toEqual({ host: "10.0.0.1:8080", strict: false });
      expect(r.routeCache).toEqual(["refresh"]);
    }],
    ["route cache clear", { path: "/clear" }, (r) => expect(r.routeCache).toEqual(["clear"])],
    ["drain the connection", { path: "/drain" }, (r) => expect(r.drainConnection).toBe(true)],
    ["a local reply with the config's headers", { path: "/deny" }, (r) => {
      expect(r.upstream).toBeNull();
      expect(r.localReply).toMatchObject({ status: 403, body: "denied acme", details: "surface_denied" });
      expect(r.response?.status).toBe(403);
      expect(r.response?.text()).toBe("denied acme");
      expect(r.response?.header("x-reason")).toBe("policy");
      expect(r.response?.header("content-type")).toBe("text/plain");
      // The encode hooks see the reply; Envoy records its code only at the codec.
      expect(r.response?.header("x-code")).toBe("403 none surface_denied");
    }],
    ["a gRPC local reply", { method: "POST", path: "/grpc/s.S/M", headers: { "content-type": "application/grpc" }, body: "x" }, (r) => {
      expect(r.response?.status).toBe(200);
      expect(r.response?.header("grpc-status")).toBe("8");
      expect(r.response?.header("grpc-message")).toBe("try later");
      expect(r.response?.header("x-why")).toBe("grpc");
    }],
    ["the gRPC reply to a plain request", { path: "/grpc" }, (r) => expect(r.response).toMatchObject({ status: 503, body: "try later" })],
    ["addData with bytes", { path: "/bytes" }, (r) => expect(r.upstream?.text()).toBe("generated bytes")],
    ["request trailers: add, remove, keys, getAll, has, forEach, entries", { method: "POST", path: "/t", body: "b", trailers: { "x-drop": "1", "x-t": "2" } }, (r) => {
      expect(r.upstream?.text()).toBe("b");
      expect(r.upstream?.trailers).toEqual([["x-t", "2"], ["x-trailer", "added"], ["x-seen", "x-drop=1,x-t=2 | x-t,x-trailer | added | false | 2"]]);
      expect(infos(r)[1]).toBe("log: /t -> 200, trailers true false");
    }],
    ["encoder addData on a headers-only response", { path: "/add-response" }, (r) => expect(r.response?.text()).toBe("added by the encoder")],
    ["a buffered response body changed in encodeData", { path: "/buffer-response", upstream: { chunks: ["ab", "c"] } }, (r) => {
      expect(r.response?.text()).toBe("<bc>");
      expect(infos(r)).toContain("response body abc (4 bytes now)");
    }],
    ["a buffered response body replaced", { path: "/buffer-response", upstream: { body: "replace me" } }, (r) => expect(r.response?.text()).toBe("replaced")],
    // As on the request side, the injected frame passes the held one.
    ["encoder injectData from an async encodeData", { path: "/inject-response", upstream: { body: "data" } }, (r) => expect(r.response?.text()).toBe(" and moredata")],
    ["response trailers", { upstream: { body: "x", trailers: { "grpc-status": "0" } } }, (r) => {
      expect(r.response?.trailers).toEqual([["grpc-status", "0"], ["x-response-trailer", "0"]]);
      expect(infos(r)[1]).toBe("log: / -> 200, trailers false true");
    }],
    ["a client reset while decodeHeaders runs", { reset: "decodeHeaders" }, (r) => {
      expect(r.reset).toBe("client");
      expect(infos(r).at(-1)).toBe("destroyed: terminate");
    }],
  ]);

  group("log level warn", () => ({ config, logLevel: "warn" }), [
    ["only warn and above are written; the filter reads the level", {}, (r) => {
      expect(sent(r, "x-log-level")).toBe("3");
      expect(r.logs.map((l) => l.message)).toEqual(END_LOGS);
    }],
  ]);

  describe("configure with metrics", () => {
    it("defines the metrics and logs in configure; the hooks count, set and record", async () => {
      // The metrics belong to the host process, which every earlier group of this file shared
      // (docs/testing.md, "Lifetime"): a seed of its own gets a fresh process, whose stats
      // store starts empty, so the counts below are this test's alone.
      const host = await open({ plugin: surface, config, seed: 2 });
      expect(host.configLogs.map((l) => l.message)).toEqual(["configured for acme"]);
      expect(host.configMetrics).toEqual({ counters: { surface_requests: 0 }, gauges: { surface_in_flight: 0 }, histograms: { surface_sizes: [] } });
      await host.request({ method: "POST", body: "abc" });
      // Both chunks arrive while the async decodeHeaders sleeps: decodeData gets them at once.
      const second = await host.request({ method: "POST", chunks: ["12", "3456"] });
      expect(second.metrics).toEqual({ counters: { surface_requests: 2 }, gauges: { surface_in_flight: 0 }, histograms: { surface_sizes: [3, 6] } });
      expect(infos(second)).toContain("requests so far: 2, in flight 0");
    });

    it("rejects a config configure throws on, with the error's text", async () => {
      await expect(open({ plugin: surface, config: { ...config, delayMs: -1 } })).rejects.toThrow('invalid config for plugin "sdk-surface": RangeError: delayMs must be >= 0, got -1');
    });

    it("rejects configs of another shape with the same path and problem", async () => {
      const rejects = (raw: unknown, message: string) => expect(open({ plugin: surface, rawConfig: raw })).rejects.toThrow(`invalid config for plugin "sdk-surface": ${message}`);
      await rejects({ delayMs: "1", tenant: "t" }, "$.delayMs: expected number, got string");
      await rejects({ delayMs: 1, tenant: "t", replyHeaders: { a: "1", "x-b": 2 } }, '$.replyHeaders["x-b"]: expected string, got number');
      // Unknown members in JavaScript's key order: the array index "5" before "z".
      await rejects({ delayMs: 1, tenant: "t", z: 1, 5: 2 }, '$["5"]: unknown field');
    });
  });

  // Filters made otherwise than `new SomeClass()` in create (fixtures/sdk-surface/src/shapes.ts):
  // natively too their hooks must run, as the TypeScript host runs them.
  describe("filters written as object literals or chosen by a function", () => {
    const shaped = (shape: string) => open({ plugin: shapes, config: { shape } });

    it("runs every hook of an object literal: methods, arrow functions, an async one, closures", async () => {
      const host = await shaped("literal");
      const post = await host.request({ method: "POST", path: "/up", chunks: ["ab", "c"] });
      expect(sent(post, "x-shape")).toBe("literal false");
      // decodeHeaders buffered the body: the async decodeData saw it whole, once.
      expect(post.upstream?.text()).toBe("[abc]");
      expect(post.response?.header("x-seen")).toBe("2");
      expect(infos(post)).toContain("log /up after 2 hooks");
      expect(infos(post)).toContain("literal complete");
      const get = await host.request({});
      expect(sent(get, "x-shape")).toBe("literal true");
      expect(get.response?.header("x-seen")).toBe("1");
    });

    it("runs the hooks of an object literal kept in a variable of type Filter", async () => {
      const host = await shaped("typed");
      const r = await host.request({});
      expect(sent(r, "x-shape")).toBe("typed");
      expect(infos(r)).toContain("typed destroyed normally");
    });

    it("runs the hooks of the class a function returning Filter chose", async () => {
      const first = await (await shaped("chosen-a")).request({});
      expect(sent(first, "x-shape")).toBe("first");
      expect(infos(first)).toContain("first complete");
      const second = await (await shaped("chosen-b")).request({ upstream: { body: "x" } });
      expect(sent(second, "x-shape")).toBeUndefined();
      expect(second.response?.header("x-shape")).toBe("second false");
    });
  });

  describe("definePlugin<{}>", () => {
    it("accepts the empty object", async () => {
      const host = await open({ plugin: emptyConfig, config: {} });
      expect(sent(await host.request({}), "x-config")).toBe("{}");
    });

    it("rejects members and other JSON types", async () => {
      const rejects = (raw: string, message: string) =>
        expect(open({ plugin: emptyConfig, rawConfig: raw, encoding: "string_value" })).rejects.toThrow(`invalid config for plugin "empty-config": ${message}`);
      await rejects('{"b":1,"3":2}', '$["3"]: unknown field');
      await rejects("[]", "$: expected object, got array");
      await rejects("null", "$: expected object, got null");
    });
  });
});
