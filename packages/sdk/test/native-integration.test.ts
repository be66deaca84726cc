// Runs scenarios on both backends: the TypeScript host with the plugins of
// fixtures/test-filter.ts, and the native mock host with the Go library built from their
// hand-written Go twins in envoy-go-runtime/testdata/plugin. Any difference throws.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost, type Host, type HostOptions } from "../src/testing/index.js";
import type { RequestOptions } from "../src/testing/request-options.js";
import { SplitMix64 } from "../src/testing/random.js";
import { createPanics, passthrough, testConfigSchema, testFilter, type TestConfig } from "./fixtures/test-filter.js";
import { steps } from "./helpers.js";

const runtimeDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "envoy-go-runtime");

/** Why the native backend cannot be built here, or null when it can. */
function missingTools(): string | null {
  if (!existsSync(join(runtimeDir, "mockhost", "Makefile"))) return `no mock host sources in ${runtimeDir}/mockhost`;
  if (!existsSync(join(runtimeDir, "testdata", "plugin", "go.mod"))) return "no Go test plugin in envoy-go-runtime/testdata/plugin";
  for (const [tool, arg] of [
    ["go", "version"],
    ["make", "--version"],
    ["cc", "--version"],
  ] as const) {
    if (spawnSync(tool, [arg], { stdio: "ignore" }).status !== 0) return `\`${tool}\` is not available`;
  }
  return null;
}

const missing = missingTools();
if (missing !== null) console.warn(`skipping the native integration tests: ${missing}`);

describe.skipIf(missing !== null)("both backends, against envoy-go-runtime/testdata/plugin", () => {
  let buildDir = "";
  let hostBinary = "";
  let soPath = "";
  const hosts: Host[] = [];

  beforeAll(() => {
    buildDir = mkdtempSync(join(tmpdir(), "mosn-ts-sdk-native-"));
    const make = spawnSync("make", ["-s", "-C", join(runtimeDir, "mockhost"), `BUILD_DIR=${buildDir}`], { encoding: "utf8" });
    if (make.status !== 0) throw new Error(`building the mock host failed:\n${make.stdout}${make.stderr}`);
    hostBinary = join(buildDir, "mosn-ts-mockhost");
    soPath = join(buildDir, "testplugin.so");
    const go = spawnSync("go", ["build", "-buildmode=c-shared", "-o", soPath, "."], {
      cwd: join(runtimeDir, "testdata", "plugin"),
      env: { ...process.env, GOWORK: "off", CGO_ENABLED: "1" },
      encoding: "utf8",
    });
    if (go.status !== 0) throw new Error(`building the Go test plugin failed:\n${go.stderr}`);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.close()));
    if (buildDir !== "") rmSync(buildDir, { recursive: true, force: true });
  });

  async function open<C>(options: Omit<HostOptions<C>, "backends" | "soPath">): Promise<Host> {
    process.env.MOSN_TS_MOCKHOST = hostBinary;
    try {
      const host = await createHost<C>({ ...options, backends: "both", soPath });
      hosts.push(host);
      return host;
    } finally {
      delete process.env.MOSN_TS_MOCKHOST;
    }
  }

  const config: TestConfig = { prefix: "p1", stripResponseHeaders: ["server"] };
  const schema = testConfigSchema;

  const scenarios: [string, RequestOptions][] = [
    ["plain GET", { headers: { "x-multi": ["a", "b"], "x-remove-me": "1", "X-Upper": "V" } }],
    ["POST with body and response headers", { method: "POST", body: "hello", upstream: { headers: { server: "s", "x-keep": "k" }, body: "ok" } }],
    ["local reply", { headers: { "x-action": "reply" }, method: "POST", body: "ignored" }],
    ["empty local reply", { headers: { "x-action": "reply-empty" } }],
    ["HEAD local reply", { method: "HEAD", headers: { "x-action": "reply" } }],
    ["gRPC local reply", { method: "POST", path: "/s.S/M", headers: { "x-action": "reply", "content-type": "application/grpc" }, body: "x" }],
    ["panic", { headers: { "x-action": "panic" } }],
    ["panic with a value", { headers: { "x-action": "panic-value" } }],
    ["StopAndBuffer", { method: "POST", headers: { "x-action": "buffer" }, chunks: ["ab", "cd", "ef"] }],
    ["StopAndBuffer with trailers", { method: "POST", headers: { "x-action": "buffer-trailers" }, chunks: ["ab", "cd"], trailers: { "x-drop": "1", "x-t": "2" } }],
    ["watermark", { method: "POST", headers: { "x-action": "watermark" }, chunks: ["abc", "def"] }],
    ["StopNoBuffer", { method: "POST", headers: { "x-action": "nobuffer" }, chunks: ["a", "b", "c"] }],
    ["appending per chunk", { method: "POST", headers: { "x-action": "chunks" }, chunks: ["a", "b"] }],
    ["StopAndBuffer at the end", { method: "POST", headers: { "x-action": "buffer-at-end" }, body: "x" }],
    ["bad status", { headers: { "x-action": "bad-status" } }],
    ["LocalReply without a reply", { headers: { "x-action": "unsent-reply" } }],
    ["invalid header value", { headers: { "x-action": "bad-header" } }],
    ["counting", { headers: { "x-action": "count", a: "1", b: ["2", "3"] } }],
    ["data local reply", { method: "POST", headers: { "x-action": "data-reply" }, chunks: ["x", "y"] }],
    ["encode local reply", { headers: { "x-action": "encode-reply" }, upstream: { body: "secret" } }],
    ["encode panic", { headers: { "x-action": "encode-panic" }, upstream: { body: "secret" } }],
    ["encodeData local reply after the headers", { headers: { "x-action": "encode-data-reply" }, upstream: { body: "data" } }],
    ["response rewrite and trailers", { headers: { "x-action": "upper-response" }, upstream: { chunks: ["ab", "c"], trailers: { "grpc-status": "0" } } }],
    ["echo", { method: "POST", json: { a: 1 }, trailers: { "x-t": "1" }, upstream: { echo: true } }],
    ["sendLocalReply in onLog", { headers: { "x-action": "reply-in-log" } }],
    ["write in onLog", { headers: { "x-action": "write-in-log" } }],
    ["client reset after decodeData", { method: "POST", chunks: ["a", "b"], reset: "decodeData" }],
    ["client reset after a local reply was posted", { headers: { "x-action": "reply" }, reset: "decodeHeaders" }],
    ["a stalled stream (Running) meets the idle timeout", { headers: { "x-action": "running" } }],
  ];

  it.each(scenarios)("%s: both backends agree", async (_, request) => {
    const host = await open({ plugin: testFilter, config, schema });
    const res = await host.request(request);
    expect(res.trace.length).toBeGreaterThan(0);
  });

  it("agrees on what a few scenarios mean", async () => {
    const host = await open({ plugin: testFilter, config, schema });
    const reply = await host.request({ headers: { "x-action": "reply" } });
    expect(reply.response?.status).toBe(403);
    expect(reply.response?.text()).toBe("denied by p1");
    expect(reply.localReply?.headers).toEqual([
      ["x-reply", "yes"],
      ["x-reply-prefix", "p-p1"],
      ["content-type", "text/plain; charset=utf-8"],
    ]);
    const plain = await host.request({ path: "/a", headers: { "x-multi": ["1", "2"] }, upstream: { headers: { server: "s" } } });
    expect(plain.upstream?.header(":path")).toBe("/a?seen=1");
    expect(plain.upstream?.header("x-multi-joined")).toBe("1|2");
    expect(plain.response?.header("server")).toBeUndefined();
    const panic = await host.request({ headers: { "x-action": "panic" } });
    expect(panic.logMessages("error")).toEqual(['panic in plugin "test-filter" decodeHeaders: Error: boom']);
    expect(steps(panic)[0]).toBe("decodeHeaders(end)=LocalReply");
  });

  it("agrees on which log lines the log level lets through", async () => {
    const host = await open({ plugin: testFilter, config, schema, logLevel: "info" });
    const res = await host.request({ method: "POST", body: "b" });
    expect(res.logs.every((l) => l.level === "info")).toBe(true);
    expect(res.logs.length).toBe(3);
  });

  it("agrees on config rejections", async () => {
    await expect(open({ plugin: testFilter, rawConfig: { stripResponseHeaders: [] }, schema })).rejects.toThrow(
      'invalid config for plugin "test-filter": $.prefix: missing required field',
    );
    await expect(open({ plugin: testFilter, rawConfig: { prefix: 5 }, schema })).rejects.toThrow(
      'invalid config for plugin "test-filter": $.prefix: expected string, got number',
    );
    await expect(open({ plugin: testFilter, rawConfig: { prefix: "x", zzz: 1 }, schema })).rejects.toThrow(
      'invalid config for plugin "test-filter": $.zzz: unknown field',
    );
  });

  it("agrees on a plugin without hooks and on a create() that throws", async () => {
    const pass = await open({ plugin: passthrough, config: {} });
    const res = await pass.request({ method: "POST", body: "x", upstream: { body: "y" } });
    expect(res.response?.body).toBe("y");
    const binary = await pass.request({ method: "POST", body: new Uint8Array([0xff, 0x00, 0x41]), upstream: { echo: true } });
    expect(binary.response).toMatchObject({ bodyBase64: "/wBB" });
    const failing = await open({ plugin: createPanics, config: {} });
    const failed = await failing.request();
    expect(failed.logMessages("error")).toEqual(['panic in plugin "create-panics" create: factory exploded']);
  });

  it("seeds the library's generator with the same SplitMix64 sequence", async () => {
    // The Go plugin writes two draws of api.Random() into x-random for this action.
    process.env.MOSN_TS_MOCKHOST = hostBinary;
    const host = await createHost({ plugin: testFilter, config, schema, backends: "native", soPath, seed: 99 });
    delete process.env.MOSN_TS_MOCKHOST;
    hosts.push(host);
    const res = await host.request({ headers: { "x-action": "random" } });
    const g = new SplitMix64(99);
    expect(res.upstream?.headerValues("x-random")).toEqual([String(g.next()), String(g.next())]);
  });
});
