import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nativeLocation, selectedBackends } from "../src/testing/backend.js";
import { createHost, RequestResult } from "../src/testing/index.js";
import headerGuard from "./fixtures/header-guard.js";

describe("the test API", () => {
  it("reads like the example in docs/testing.md", async () => {
    const host = await createHost({
      plugin: headerGuard,
      config: { requiredHeader: "x-api-key", stripResponseHeaders: ["server"] },
      backends: "ts",
    });
    const res = await host.request({ method: "GET", path: "/", headers: { "x-other": "1" } });
    expect(res.response?.status).toBe(403);
    expect(res.response?.json()).toEqual({ error: "forbidden", reason: "missing header x-api-key" });
    expect(res.response?.header("content-type")).toBe("application/json");
    expect(res.upstream).toBeNull();
    expect(res.hooks()).toEqual(["decodeHeaders", "encodeHeaders", "encodeData", "onStreamComplete", "onLog", "onDestroy"]);
    expect(res.logMessages("info")).toEqual(["rejecting GET /: missing x-api-key"]);
    await host.close();
  });

  it("keeps the raw result shape: JSON sees exactly the protocol's fields", async () => {
    const host = await createHost({ plugin: headerGuard, config: { requiredHeader: "k", stripResponseHeaders: [] }, backends: "ts" });
    const res = await host.request({ headers: { k: "1" }, upstream: { body: "ok" } });
    expect(res).toBeInstanceOf(RequestResult);
    expect(Object.keys(JSON.parse(JSON.stringify(res)))).toEqual(["op", "id", "upstream", "response", "localReply", "reset", "trace", "logs"]);
    expect(Object.keys(JSON.parse(JSON.stringify(res.response)))).toEqual(["status", "headers", "body", "trailers"]);
    expect(res.id).toBe("r1");
    expect((await host.request({ headers: { k: "1" } })).id).toBe("r2");
    await host.close();
    await expect(host.request()).rejects.toThrow("this host is closed");
  });

  it("refuses something that is not a plugin definition", async () => {
    await expect(createHost({ plugin: { name: "x" } as never, backends: "ts" })).rejects.toThrow(/plugin must be a plugin module's default export/);
  });
});

describe("backend selection", () => {
  it("defaults to both when mosn-ts test provided a native host, else to ts", () => {
    expect(selectedBackends({})).toBe("ts");
    expect(selectedBackends({ MOSN_TS_MOCKHOST: "/h", MOSN_TS_SO_DIR: "/d" })).toBe("both");
    expect(selectedBackends({ MOSN_TS_MOCKHOST: "/h", MOSN_TS_SO_DIR: "/d", MOSN_TS_BACKENDS: "ts" })).toBe("ts");
    expect(selectedBackends({ MOSN_TS_BACKENDS: "native" })).toBe("native");
    expect(() => selectedBackends({ MOSN_TS_BACKENDS: "go" })).toThrow('MOSN_TS_BACKENDS must be ts, native or both (got "go")');
  });

  it("finds the .so by plugin name, else the only .so in MOSN_TS_SO_DIR", () => {
    const dir = mkdtempSync(join(tmpdir(), "mosn-ts-so-"));
    const env = { MOSN_TS_MOCKHOST: "/h", MOSN_TS_SO_DIR: dir };
    expect(() => nativeLocation("guard", undefined, env)).toThrow(/cannot find the \.so of plugin "guard"/);
    writeFileSync(join(dir, "project.so"), "");
    expect(nativeLocation("guard", undefined, env)).toEqual({ binary: "/h", soPath: join(dir, "project.so") });
    writeFileSync(join(dir, "guard.so"), "");
    expect(nativeLocation("guard", undefined, env).soPath).toBe(join(dir, "guard.so"));
    writeFileSync(join(dir, "other.so"), "");
    expect(() => nativeLocation("third", undefined, env)).toThrow(/several \.so files/);
    expect(nativeLocation("x", "/explicit.so", env).soPath).toBe("/explicit.so");
    expect(() => nativeLocation("x", undefined, {})).toThrow(/MOSN_TS_MOCKHOST/);
  });
});
