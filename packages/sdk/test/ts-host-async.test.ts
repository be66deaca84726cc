import { describe, expect, it } from "vitest";
import { definePlugin, sleep, Status, type Filter, type FilterContext } from "../src/index.js";
import { createHost } from "../src/testing/index.js";
import { runTs, steps } from "./helpers.js";

// Expected traces follow golang_filter.cc: an async hook returns Running (the direction stays
// Processing*, frames that arrive are buffered by the golang filter), Go's Continue is posted
// and runs continueStatusInternal, which then feeds Go what arrived meanwhile.

const END = ["onStreamComplete", "onLog", "onDestroy:Normal"];

function pluginOf(make: (ctx: FilterContext) => Filter) {
  return definePlugin<Record<string, never>>({ name: "async", create: (ctx) => make(ctx) });
}

describe("TypeScript host: async hooks", () => {
  it("reports Running, then the continue, and delivers the frames that arrived meanwhile in one data call", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders(h) {
        ctx.log.info("start");
        await sleep(5);
        h.set("x-after", "1");
        ctx.log.info("end");
        return Status.Continue;
      },
      decodeData(b, end) {
        ctx.log.info(`data ${b.text()} end=${end}`);
      },
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b"] });
    // Both chunks were buffered while Go processed the headers; the stream had ended, so the
    // continuation calls Go once with the whole body and injects it after the headers.
    expect(steps(res)).toEqual(["decodeHeaders()=Running", "continue=Continue", "decodeData(end)=Continue", "encodeHeaders(end)=Continue", ...END]);
    expect(res.logMessages()).toEqual(["start", "end", "data ab end=true"]);
    expect(res.upstream?.header("x-after")).toBe("1");
    expect(res.upstream?.text()).toBe("ab");
  });

  it("continues a headers-only request with the headers ending the stream", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        await sleep(1);
      },
    }));
    const res = await runTs(plugin);
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "continue=Continue", "encodeHeaders(end)=Continue", ...END]);
    expect(res.upstream).toEqual({
      headers: [
        [":method", "GET"],
        [":path", "/"],
        [":authority", "localhost"],
        [":scheme", "http"],
      ],
      body: "",
      trailers: null,
    });
  });

  it("feeds buffered data, then the trailers that waited, after the continue", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        await sleep(1);
        return Status.Continue;
      },
    }));
    const res = await runTs(plugin, { method: "POST", body: "x", trailers: { "x-t": "1" } });
    expect(steps(res)).toEqual([
      "decodeHeaders()=Running",
      "continue=Continue",
      "decodeData()=Continue",
      "decodeTrailers=Continue",
      "encodeHeaders(end)=Continue",
      ...END,
    ]);
    expect(res.upstream?.text()).toBe("x");
    expect(res.upstream?.trailers).toEqual([["x-t", "1"]]);
  });

  it("continues with StopAndBuffer: the data hook then gets the whole body at once", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        await sleep(1);
        return Status.StopAndBuffer;
      },
      decodeData(b) {
        b.set(b.text().toUpperCase());
      },
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b"] });
    expect(steps(res)).toEqual(["decodeHeaders()=Running", "continue=StopAndBuffer", "decodeData(end)=Continue", "encodeHeaders(end)=Continue", ...END]);
    expect(res.upstream?.text()).toBe("AB");
  });

  it("lets an async data hook inject data while it holds the stream back", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeData(b, end) {
        await sleep(1);
        ctx.decoder.injectData(b.text().toUpperCase());
        b.drain(b.length);
        return end ? Status.Continue : Status.StopNoBuffer;
      },
    }));
    const res = await runTs(plugin, { method: "POST", chunks: ["a", "b"] });
    // "a": injected, then dropped (StopNoBuffer); "b" waited in the golang filter's buffer and
    // goes to Go after the continue; its drained chunk ends the stream.
    expect(steps(res)).toEqual([
      "decodeHeaders()=Continue",
      "decodeData()=Running",
      "continue=StopNoBuffer",
      "decodeData(end)=Running",
      "continue=Continue",
      "encodeHeaders(end)=Continue",
      ...END,
    ]);
    expect(res.upstream?.text()).toBe("AB");
  });

  it("ends with the local reply an async hook sends, without a continue", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders() {
        await sleep(1);
        return ctx.sendLocalReply(403, "no", { "x-why": "late" }, "async_denied");
      },
    }));
    const res = await runTs(plugin);
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "encodeHeaders()=Continue", "encodeData(end)=Continue", ...END]);
    expect(res.localReply).toEqual({ status: 403, body: "no", headers: [["x-why", "late"]], details: "async_denied" });
    expect(res.response?.status).toBe(403);
    expect(res.upstream).toBeNull();
  });

  it("answers a rejected promise with the panic reply", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        await sleep(1);
        throw new Error("late failure");
      },
    }));
    const res = await runTs(plugin);
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "encodeHeaders()=Continue", "encodeData(end)=Continue", ...END]);
    expect(res.logs).toEqual([{ level: "error", message: 'panic in plugin "async" decodeHeaders: Error: late failure' }]);
    expect(res.response?.status).toBe(500);
    expect(res.response?.text()).toBe("error happened in filter\r\n");
  });

  it("refuses a status Envoy would wait on forever, as for a synchronous hook", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        return Status.StopAndBuffer;
      },
    }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "async" decodeHeaders: StopAndBuffer returned at the end of the stream: there is no more body to wait for',
    ]);
    expect(res.response?.status).toBe(500);
  });

  it("refuses Running as the result of an async hook", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        return 0 as Status;
      },
    }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual(['panic in plugin "async" decodeHeaders: Running is not a valid result of an async hook']);
  });

  it("times out a hook that never ends: the stream idle timeout, then Terminate", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders() {
        await new Promise(() => undefined);
      },
    }));
    const res = await runTs(plugin, { idleTimeoutMs: 20 });
    // The client sent everything (a GET ends with its headers): 504, as ActiveStream::onIdleTimeout.
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "encodeHeaders()=Continue", "encodeData(end)=Continue", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
    expect(res.response).toMatchObject({ status: 504, body: "stream timeout" });
    expect(res.localReply).toBeNull();
  });

  it("runs a client reset right after the Running entry, then reports what the hook did until it ended", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders() {
        ctx.log.info("before");
        await sleep(5);
        ctx.log.info("after");
        ctx.metadata.set("ns", "k", "v");
      },
    }));
    const res = await runTs(plugin, { reset: "decodeHeaders" });
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
    expect(res.reset).toBe("client");
    expect(res.logMessages()).toEqual([
      "before",
      "after",
      'panic in plugin "async" decodeHeaders: metadata.set: the stream was destroyed (CAPIFilterIsDestroy)',
      'plugin "async" decodeHeaders: cannot send the panic reply: the stream was destroyed (CAPIFilterIsDestroy)',
    ]);
  });

  it("draws Math.random and crypto.randomUUID from the seeded generator after an await", async () => {
    const plugin = pluginOf(() => ({
      async decodeHeaders(h) {
        await sleep(1);
        h.set("x-id", crypto.randomUUID());
      },
    }));
    const res = await runTs(plugin, {}, { seed: 1 });
    // The first UUID of a host seeded with 1 (docs/testing.md).
    expect(res.upstream?.header("x-id")).toBe("910a2dec-8902-4cc1-beeb-8da1658eec67");
  });

  it("runs requests one after the other, each with its own logs", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders(h) {
        ctx.log.info(`start ${h.path}`);
        await sleep(h.path === "/a" ? 10 : 1);
        ctx.log.info(`end ${h.path}`);
      },
    }));
    const host = await createHost({ plugin, backends: "ts" });
    const [a, b] = await Promise.all([host.request({ path: "/a" }), host.request({ path: "/b" })]);
    expect(a.logMessages()).toEqual(["start /a", "end /a"]);
    expect(b.logMessages()).toEqual(["start /b", "end /b"]);
    await host.close();
  });

  it("refuses injectData outside an async data hook", async () => {
    const sync = pluginOf((ctx) => ({
      decodeData() {
        ctx.decoder.injectData("x");
      },
    }));
    const inSync = await runTs(sync, { method: "POST", body: "b" });
    expect(inSync.logMessages("error")).toEqual(['panic in plugin "async" decodeData: decoder.injectData: not allowed here (CAPIInvalidScene)']);

    const headers = pluginOf((ctx) => ({
      async decodeHeaders() {
        ctx.decoder.injectData("x");
      },
    }));
    const inHeaders = await runTs(headers);
    expect(inHeaders.logMessages("error")).toEqual([
      'panic in plugin "async" decodeHeaders: decoder.injectData: not available in this phase (CAPIInvalidPhase)',
    ]);
  });

  it("treats a hook that returns a Promise as async (an async method a transpiler rewrote)", async () => {
    const plugin = pluginOf(() => ({
      decodeHeaders() {
        return sleep(1).then(() => Status.StopAndBuffer);
      },
    }));
    const res = await runTs(plugin, { method: "POST", body: "x" });
    expect(steps(res).slice(0, 3)).toEqual(["decodeHeaders()=Running", "continue=StopAndBuffer", "decodeData(end)=Continue"]);
  });

  it("does not run an async onLog, and logs why", async () => {
    let ran = false;
    const plugin = pluginOf(() => ({
      async onLog() {
        ran = true;
      },
    }));
    const res = await runTs(plugin);
    expect(ran).toBe(false);
    expect(res.logMessages("error")).toEqual(['panic in plugin "async" onLog: onLog cannot be async']);
  });
});

describe("TypeScript host: async hooks after their stream", () => {
  it("does not wait for a hook that sent its local reply and went on running", async () => {
    let resumed = false;
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders() {
        ctx.sendLocalReply(403, "no");
        await sleep(30);
        resumed = true;
        ctx.log.info("too late to be reported");
        return Status.LocalReply;
      },
    }));
    const res = await runTs(plugin);
    expect(resumed).toBe(false);
    expect(res.response?.status).toBe(403);
    expect(res.logs).toEqual([]);
    await sleep(40);
    expect(resumed).toBe(true);
  });
});

describe("TypeScript host: a panic Envoy refused", () => {
  it("answers it at the stream's next entry, instead of running that hook", async () => {
    let encodeDataRan = false;
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders() {
        ctx.sendLocalReply(403, "early");
        // The reply runs meanwhile: the request side is no longer processing in Go.
        await sleep(5);
        throw new Error("late");
      },
      async encodeHeaders() {
        // Holds the reply's headers until after the panic.
        await sleep(30);
      },
      encodeData() {
        encodeDataRan = true;
      },
    }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "async" decodeHeaders: Error: late',
      'plugin "async" decodeHeaders: cannot send the panic reply: the stream is not being processed by this filter now (CAPINotInGo)',
    ]);
    // The reply's body reaches encodeData, whose entry sends the remembered panic reply.
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "encodeHeaders()=Running", "continue=Continue", "encodeData(end)=LocalReply", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
    expect(encodeDataRan).toBe(false);
    expect(res.response).toMatchObject({ status: 500, body: "error happened in filter\r\n" });
  });
});
