import { describe, expect, it } from "vitest";
import { definePlugin, sleep, type Filter, type FilterContext } from "../src/index.js";
import { createHost } from "../src/testing/index.js";
import { runTs, steps } from "./helpers.js";

// docs/host-protocol.md, "Upstream delay": the upstream waits `delay` ms from the moment it
// has the whole request before its response headers; the wait is idle time.

function pluginOf(make: (ctx: FilterContext) => Filter) {
  return definePlugin<Record<string, never>>({ name: "delay", create: (ctx) => make(ctx) });
}

const logging = pluginOf((ctx) => ({
  encodeHeaders(h) {
    ctx.log.info(`encodeHeaders ${h.status}`);
  },
}));

describe("TypeScript host: upstream delay", () => {
  it("sends the response headers once the delay has passed, the rest at once, with the same answer", async () => {
    const plain = await runTs(logging, { method: "POST", body: "b", upstream: { chunks: ["o", "k"], trailers: { t: "1" } } });
    const started = performance.now();
    const delayed = await runTs(logging, { method: "POST", body: "b", upstream: { chunks: ["o", "k"], trailers: { t: "1" }, delay: 40 } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    expect(delayed).toEqual(plain);
    expect(delayed.response?.text()).toBe("ok");
  });

  it("delays an echo too", async () => {
    const res = await runTs(logging, { method: "POST", body: "e", upstream: { echo: true, delay: 5 } });
    expect(res.response?.text()).toBe("e");
  });

  it("counts the wait as idle time: a delay of idleTimeoutMs or more ends the stream with a 504", async () => {
    const res = await runTs(logging, { upstream: { body: "never", delay: 200 }, idleTimeoutMs: 30 });
    expect(res.upstream?.headers.length).toBe(4);
    expect(res.response).toMatchObject({ status: 504, body: "stream timeout" });
    expect(res.logMessages()).toEqual(["encodeHeaders 504"]);
    expect(steps(res)).toEqual(["decodeHeaders(end)=Continue", "encodeHeaders()=Continue", "encodeData(end)=Continue", "onStreamComplete", "onLog", "onDestroy:Normal"]);
  });

  it("runs what the filter left running while the upstream waits", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        void (async () => {
          await sleep(5);
          ctx.log.info("background done");
        })();
      },
      encodeHeaders() {
        ctx.log.info("encodeHeaders");
      },
    }));
    const res = await runTs(plugin, { upstream: { delay: 40 } });
    expect(res.logMessages()).toEqual(["background done", "encodeHeaders"]);
  });

  it.each([-1, 1.5, 600_001, "5"])("refuses the delay %j", async (delay) => {
    const host = await createHost({ plugin: logging, backends: "ts" });
    const op = { op: "request" as const, id: "d", request: { headers: [] as [string, string][] }, upstream: { delay: delay as number } };
    await expect(host.send(op)).rejects.toThrow("upstream.delay must be an integer number of milliseconds in 0..600000");
    await host.close();
  });
});
