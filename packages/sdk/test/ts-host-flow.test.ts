import { describe, expect, it } from "vitest";
import { definePlugin, Status, type BodyBuffer, type Filter, type HookResult } from "../src/index.js";
import { runTs, steps } from "./helpers.js";

type Hooks = Partial<Filter>;

/** A plugin whose filter is `hooks`, built per stream; `ctx.log.info` records what hooks saw. */
function pluginOf(make: (log: (m: string) => void) => Hooks) {
  return definePlugin<Record<string, never>>({ name: "flow", create: (ctx) => make((m) => ctx.log.info(m)) as Filter });
}

const END = ["onStreamComplete", "onLog", "onDestroy:Normal"];
const BASE = [
  [":method", "POST"],
  [":path", "/"],
  [":authority", "localhost"],
  [":scheme", "http"],
];

describe("TypeScript host: statuses and buffering", () => {
  it("passes a request through a filter without hooks, tracing every phase as Continue", async () => {
    const res = await runTs(pluginOf(() => ({})), { method: "POST", body: "hi" });
    expect(steps(res)).toEqual(["decodeHeaders()=Continue", "decodeData(end)=Continue", "encodeHeaders(end)=Continue", ...END]);
    expect(res.upstream).toEqual({ headers: BASE, body: "hi", trailers: null });
    expect(res.response).toEqual({ status: 200, headers: [], body: "", trailers: null });
    expect(res.localReply).toBeNull();
    expect(res.reset).toBeNull();
  });

  it("ends a headers-only request on the headers and streams the upstream's answer", async () => {
    const res = await runTs(pluginOf(() => ({})), { upstream: { status: 201, headers: { "content-type": "text/plain" }, chunks: ["o", "k"] } });
    expect(steps(res)).toEqual([
      "decodeHeaders(end)=Continue",
      "encodeHeaders()=Continue",
      "encodeData()=Continue",
      "encodeData(end)=Continue",
      ...END,
    ]);
    expect(res.response).toEqual({ status: 201, headers: [["content-type", "text/plain"]], body: "ok", trailers: null });
    expect(res.response?.text()).toBe("ok");
  });

  it("sends an empty body as one empty data frame", async () => {
    const res = await runTs(pluginOf(() => ({})), { method: "POST", body: "" });
    expect(steps(res).slice(0, 2)).toEqual(["decodeHeaders()=Continue", "decodeData(end)=Continue"]);
  });

  it("StopAndBuffer from decodeHeaders: one decodeData call with the whole body", async () => {
    const plugin = pluginOf((log) => ({
      decodeHeaders: () => Status.StopAndBuffer,
      decodeData: (b: BodyBuffer) => log(b.text()),
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b", "c"] });
    expect(steps(res).slice(0, 2)).toEqual(["decodeHeaders()=StopAndBuffer", "decodeData(end)=Continue"]);
    expect(res.logMessages()).toEqual(["abc"]);
    expect(res.upstream?.body).toBe("abc");
  });

  it("StopAndBufferWatermark from decodeHeaders: decodeData per chunk, headers held until then", async () => {
    const plugin = pluginOf((log) => ({
      decodeHeaders: () => Status.StopAndBufferWatermark,
      decodeData: (b: BodyBuffer) => log(b.text()),
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b"] });
    expect(steps(res).slice(0, 3)).toEqual(["decodeHeaders()=StopAndBufferWatermark", "decodeData()=Continue", "decodeData(end)=Continue"]);
    expect(res.logMessages()).toEqual(["a", "b"]);
    expect(res.upstream).toMatchObject({ headers: BASE, body: "ab" });
  });

  it("StopNoBuffer from decodeData drops that chunk, as Envoy does", async () => {
    const plugin = pluginOf(() => ({
      decodeData: (b: BodyBuffer): HookResult => (b.text() === "b" ? Status.StopNoBuffer : Status.Continue),
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b", "c"] });
    expect(steps(res).slice(1, 4)).toEqual(["decodeData()=Continue", "decodeData()=StopNoBuffer", "decodeData(end)=Continue"]);
    expect(res.upstream?.body).toBe("ac");
  });

  it("StopAndBufferWatermark from decodeData holds the chunk and sends it with the next", async () => {
    const plugin = pluginOf((log) => ({
      decodeData: (b: BodyBuffer): HookResult => {
        log(b.text());
        return b.text() === "a" ? Status.StopAndBufferWatermark : Status.Continue;
      },
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b"] });
    expect(res.logMessages()).toEqual(["a", "b"]);
    expect(res.upstream?.body).toBe("ab");
  });

  it("StopAndBuffer from decodeData buffers the rest, which Go then sees without the held chunk", async () => {
    const plugin = pluginOf((log) => ({
      decodeData: (b: BodyBuffer, end: boolean): HookResult => {
        log(`${b.text()}${end ? "!" : ""}`);
        return b.text() === "a" ? Status.StopAndBuffer : Status.Continue;
      },
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b", "c"] });
    expect(res.logMessages()).toEqual(["a", "bc!"]);
    expect(steps(res).slice(1, 3)).toEqual(["decodeData()=StopAndBuffer", "decodeData(end)=Continue"]);
    expect(res.upstream?.body).toBe("abc");
  });

  it("lets data hooks rewrite the body in both directions", async () => {
    const plugin = pluginOf(() => ({
      decodeData: (b: BodyBuffer) => {
        b.set(b.text().toUpperCase());
        b.append("!");
      },
      encodeData: (b: BodyBuffer) => {
        b.drain(1);
        b.prepend(new Uint8Array([0x3e]));
      },
    }));
    const res = await runTs(plugin, { method: "POST", body: "hi", upstream: { body: "xyz" } });
    expect(res.upstream?.body).toBe("HI!");
    expect(res.response?.body).toBe(">yz");
  });

  it("reports a body that is not UTF-8 as bodyBase64", async () => {
    const plugin = pluginOf(() => ({ encodeData: (b: BodyBuffer) => b.set(new Uint8Array([0xff, 0xfe])) }));
    const res = await runTs(plugin, { upstream: { body: "x" } });
    expect(res.response).toMatchObject({ bodyBase64: "//4=" });
    expect(res.response?.bytes()).toEqual(new Uint8Array([0xff, 0xfe]));
  });
});

describe("TypeScript host: trailers", () => {
  it("runs the trailer hooks and passes changed trailers on", async () => {
    const plugin = pluginOf(() => ({
      decodeTrailers: (t) => t.add("x-t2", "v"),
      encodeTrailers: (t) => t.set("grpc-status", "1"),
    }));
    const res = await runTs(plugin, {
      method: "POST",
      body: "x",
      trailers: { "x-t": "1" },
      upstream: { body: "y", trailers: { "grpc-status": "0" } },
    });
    expect(steps(res)).toEqual([
      "decodeHeaders()=Continue",
      "decodeData()=Continue",
      "decodeTrailers=Continue",
      "encodeHeaders()=Continue",
      "encodeData()=Continue",
      "encodeTrailers=Continue",
      ...END,
    ]);
    expect(res.upstream?.trailers).toEqual([
      ["x-t", "1"],
      ["x-t2", "v"],
    ]);
    expect(res.response?.trailers).toEqual([["grpc-status", "1"]]);
    expect(res.response?.trailer("GRPC-STATUS")).toBe("1");
  });

  it("StopAndBuffer then trailers: the whole body reaches Go before the trailers, not as the end", async () => {
    const plugin = pluginOf((log) => ({
      decodeHeaders: () => Status.StopAndBuffer,
      decodeData: (b: BodyBuffer, end: boolean) => log(`${b.text()} end=${end}`),
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b"], trailers: [["x-t", "1"]] });
    expect(steps(res).slice(0, 3)).toEqual(["decodeHeaders()=StopAndBuffer", "decodeData()=Continue", "decodeTrailers=Continue"]);
    expect(res.logMessages()).toEqual(["ab end=false"]);
    expect(res.upstream).toEqual({ headers: BASE, body: "ab", trailers: [["x-t", "1"]] });
  });
});

describe("TypeScript host: upstream scripts, resets, logs", () => {
  it("echoes the request's content-type, body and trailers", async () => {
    const res = await runTs(pluginOf(() => ({})), { method: "POST", json: { a: 1 }, trailers: { "x-t": "1" }, upstream: { echo: true } });
    expect(res.response).toEqual({
      status: 200,
      headers: [["content-type", "application/json"]],
      body: '{"a":1}',
      trailers: [["x-t", "1"]],
    });
    expect(res.response?.json()).toEqual({ a: 1 });
  });

  it("resets the stream after the named hook: no response, the rest of the request never arrives", async () => {
    const res = await runTs(pluginOf(() => ({})), { method: "POST", body: "hi", reset: "decodeHeaders" });
    expect(res.reset).toBe("client");
    expect(res.response).toBeNull();
    expect(steps(res)).toEqual(["decodeHeaders()=Continue", ...END]);
    expect(res.upstream).toEqual({ headers: BASE, body: "", trailers: null });
  });

  it("destroys with Terminate when Go is still processing at the reset", async () => {
    const plugin = definePlugin<Record<string, never>>({
      name: "flow",
      create: (ctx) => ({ decodeHeaders: () => ctx.sendLocalReply(403, "no") }),
    });
    const res = await runTs(plugin, { reset: "decodeHeaders" });
    expect(steps(res)).toEqual(["decodeHeaders(end)=LocalReply", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
    // The reply was posted but the stream was gone before it could run.
    expect(res.localReply).toBeNull();
    expect(res.response).toBeNull();
  });

  it("writes only log lines at or above the configured level", async () => {
    const plugin = definePlugin<Record<string, never>>({
      name: "flow",
      create: (ctx) => ({
        decodeHeaders: () => {
          ctx.log.debug("d");
          ctx.log.warn("w");
          ctx.log.critical("c");
        },
      }),
    });
    const res = await runTs(plugin, {}, { logLevel: "warn" });
    expect(res.logs).toEqual([
      { level: "warn", message: "w" },
      { level: "critical", message: "c" },
    ]);
  });

  it("rejects an upstream status outside 100..999", async () => {
    await expect(runTs(pluginOf(() => ({})), { upstream: { status: 42 } })).rejects.toThrow("upstream.status must be an integer in 100..999");
  });
});
