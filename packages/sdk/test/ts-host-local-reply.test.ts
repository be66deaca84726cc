import { describe, expect, it } from "vitest";
import { definePlugin, Status, type Filter, type FilterContext } from "../src/index.js";
import { runTs, steps } from "./helpers.js";

function pluginOf(make: (ctx: FilterContext) => Partial<Filter>, name = "lr") {
  return definePlugin<Record<string, never>>({ name, create: (ctx) => make(ctx) as Filter });
}

const END = ["onStreamComplete", "onLog", "onDestroy:Normal"];
const PANIC_RESPONSE = {
  status: 500,
  headers: [
    ["content-length", "26"],
    ["content-type", "text/plain"],
  ],
  body: "error happened in filter\r\n",
  trailers: null,
};
const PANIC_REPLY = { status: 500, body: "error happened in filter\r\n", headers: [], details: "" };

describe("TypeScript host: local replies", () => {
  it("runs a decodeHeaders local reply through the encode hooks, with Envoy's body headers", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: () => ctx.sendLocalReply(403, '{"error":"no"}', { "Content-Type": "application/json", "X-Empty": "" }, "denied"),
      encodeHeaders: (h) => h.add("x-seen", String(h.status)),
    }));
    const res = await runTs(plugin, { method: "POST", body: "ignored" });
    expect(steps(res)).toEqual(["decodeHeaders()=LocalReply", "encodeHeaders()=Continue", "encodeData(end)=Continue", ...END]);
    expect(res.upstream).toBeNull();
    expect(res.localReply).toEqual({
      status: 403,
      body: '{"error":"no"}',
      headers: [["content-type", "application/json"]],
      details: "denied",
    });
    expect(res.response).toEqual({
      status: 403,
      headers: [
        ["content-type", "application/json"],
        ["content-length", "14"],
        ["x-seen", "403"],
      ],
      body: '{"error":"no"}',
      trailers: null,
    });
    expect(res.response?.header("Content-Length")).toBe("14");
    expect(res.response?.json()).toEqual({ error: "no" });
  });

  it("sends a body-less local reply as headers only, without body headers", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.sendLocalReply(204, "", { "content-type": "text/html" }) }));
    const res = await runTs(plugin);
    expect(steps(res)).toEqual(["decodeHeaders(end)=LocalReply", "encodeHeaders(end)=Continue", ...END]);
    expect(res.response).toEqual({ status: 204, headers: [], body: "", trailers: null });
  });

  it("answers HEAD with the headers only", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.sendLocalReply(404, "missing") }));
    const res = await runTs(plugin, { method: "HEAD" });
    expect(res.response).toEqual({
      status: 404,
      headers: [
        ["content-length", "7"],
        ["content-type", "text/plain"],
      ],
      body: "",
      trailers: null,
    });
  });

  it("answers a gRPC request as gRPC: status 200 with grpc-status and grpc-message", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.sendLocalReply(403, "no access") }));
    const res = await runTs(plugin, { method: "POST", path: "/pkg.Svc/Call", headers: { "content-type": "application/grpc" }, body: "x" });
    expect(res.response).toEqual({
      status: 200,
      headers: [
        ["content-type", "application/grpc"],
        ["grpc-status", "7"],
        ["grpc-message", "no access"],
      ],
      body: "",
      trailers: null,
    });
  });

  it("sends an encodeHeaders local reply straight to the client, and destroys with Terminate", async () => {
    const plugin = pluginOf((ctx) => ({
      encodeHeaders: (h) => (h.status >= 500 ? ctx.sendLocalReply(502, "upstream failed") : Status.Continue),
    }));
    const res = await runTs(plugin, { upstream: { status: 503, body: "secret details" } });
    expect(steps(res)).toEqual(["decodeHeaders(end)=Continue", "encodeHeaders()=LocalReply", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
    expect(res.response).toEqual({
      status: 502,
      headers: [
        ["content-length", "15"],
        ["content-type", "text/plain"],
      ],
      body: "upstream failed",
      trailers: null,
    });
  });

  it("resets the stream for a local reply after the client got the response headers", async () => {
    const plugin = pluginOf((ctx) => ({ encodeData: () => ctx.sendLocalReply(500, "too late") }));
    const res = await runTs(plugin, { upstream: { body: "data" } });
    expect(res.reset).toBe("local");
    expect(res.response).toBeNull();
    expect(steps(res)).toEqual(["decodeHeaders(end)=Continue", "encodeHeaders()=Continue", "encodeData(end)=LocalReply", "onStreamComplete", "onLog", "onDestroy:Terminate"]);
    expect(res.localReply).toMatchObject({ status: 500, body: "too late" });
  });

  it("lets the upstream see what passed before a decodeData local reply", async () => {
    const plugin = pluginOf((ctx) => ({ decodeData: (b) => (b.text() === "2" ? ctx.sendLocalReply(413, "too big") : Status.Continue) }));
    const res = await runTs(plugin, { method: "POST", chunks: ["1", "2", "3"] });
    expect(res.upstream).toMatchObject({ body: "1", trailers: null });
    expect(res.response?.status).toBe(413);
    expect(steps(res)).toEqual([
      "decodeHeaders()=Continue",
      "decodeData()=Continue",
      "decodeData()=LocalReply",
      "encodeHeaders()=Continue",
      "encodeData(end)=Continue",
      ...END,
    ]);
  });
});

describe("TypeScript host: panics", () => {
  it("turns a throwing hook into Envoy's panic reply and an error log", async () => {
    const plugin = pluginOf(
      () => ({
        decodeHeaders: () => {
          throw new Error("boom");
        },
      }),
      "boomer",
    );
    const res = await runTs(plugin);
    expect(steps(res)).toEqual(["decodeHeaders(end)=LocalReply", "encodeHeaders()=Continue", "encodeData(end)=Continue", ...END]);
    expect(res.response).toEqual(PANIC_RESPONSE);
    expect(res.localReply).toEqual(PANIC_REPLY);
    expect(res.logs).toEqual([{ level: "error", message: 'panic in plugin "boomer" decodeHeaders: Error: boom' }]);
  });

  it("shows a thrown non-Error as String(value)", async () => {
    const plugin = pluginOf(() => ({
      encodeHeaders: () => {
        throw "plain";
      },
    }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual(['panic in plugin "lr" encodeHeaders: plain']);
    // A panic reply from encodeHeaders goes straight to the client.
    expect(res.response).toEqual(PANIC_RESPONSE);
  });

  it("reports a throwing create() as a panic in create; the stream then passes through", async () => {
    const plugin = definePlugin<Record<string, never>>({
      name: "nocreate",
      create: () => {
        throw new TypeError("bad state");
      },
    });
    const res = await runTs(plugin, { upstream: { body: "x" } });
    expect(res.logMessages("error")).toEqual(['panic in plugin "nocreate" create: TypeError: bad state']);
    expect(res.response).toEqual(PANIC_RESPONSE);
    expect(steps(res)).toEqual(["decodeHeaders(end)=LocalReply", "encodeHeaders()=Continue", "encodeData(end)=Continue", ...END]);
  });

  it("only logs a throw in onLog, onStreamComplete or onDestroy", async () => {
    const fail = (what: string) => () => {
      throw new Error(what);
    };
    const plugin = pluginOf(() => ({ onLog: fail("l"), onStreamComplete: fail("s"), onDestroy: fail("d") }));
    const res = await runTs(plugin);
    expect(res.response?.status).toBe(200);
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "lr" onStreamComplete: Error: s',
      'panic in plugin "lr" onLog: Error: l',
      'panic in plugin "lr" onDestroy: Error: d',
    ]);
  });

  it.each([
    ["StopAndBuffer at the end of the stream", () => Status.StopAndBuffer, "StopAndBuffer returned at the end of the stream: there is no more body to wait for"],
    ["StopNoBuffer from a header hook", () => Status.StopNoBuffer, "StopNoBuffer is not a valid status for decodeHeaders"],
    ["LocalReply without a local reply", () => Status.LocalReply, "LocalReply returned without sendLocalReply"],
    ["a number that is no status", () => 9 as Status, "9 is not a valid status"],
  ])("answers %s with a panic reply", async (_, hook, message) => {
    const res = await runTs(pluginOf(() => ({ decodeHeaders: hook })));
    expect(res.logMessages("error")).toEqual([`panic in plugin "lr" decodeHeaders: ${message}`]);
    expect(res.response).toEqual(PANIC_RESPONSE);
  });

  it("rejects misuse of the context and maps with the runtime's messages", async () => {
    let saved: { set(n: string, v: string): void } | undefined;
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: (h) => {
        saved = h;
      },
      encodeHeaders: () => saved!.set("x", "1"),
      onLog: (entry) => entry.requestHeaders!.set("x", "1"),
      onDestroy: () => {
        ctx.sendLocalReply(500, "x");
      },
    }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual([
      // The map was never read in its hook, so the write first tries to copy it from Envoy.
      'panic in plugin "lr" encodeHeaders: cannot read request headers: the stream is not being processed by this filter now (CAPINotInGo)',
      'panic in plugin "lr" onLog: request headers of a log entry are read-only here',
      'panic in plugin "lr" onDestroy: sendLocalReply called outside a request or response hook',
    ]);
  });

  it("keeps a map's copy readable after its hook, while writes fail as Envoy's C API does", async () => {
    let saved: { get(n: string): string | undefined; set(n: string, v: string): void } | undefined;
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: (h) => {
        saved = h;
        // The first read copies a map of up to 16 headers.
        h.get(":path");
      },
      decodeData: () => {
        ctx.log.info(`path ${saved!.get(":path")}`);
        saved!.set("x", "1");
      },
    }));
    const res = await runTs(plugin, { path: "/p", method: "POST", body: "b" });
    expect(res.logMessages()).toEqual([
      "path /p",
      'panic in plugin "lr" decodeData: cannot set "x" in request headers: not available in this phase (CAPIInvalidPhase)',
    ]);
  });

  it("reads a map of more than 16 headers one header at a time until something copies it (GetHeader)", async () => {
    let saved: { get(n: string): string | undefined; has(n: string): boolean; keys(): string[] } | undefined;
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: (h) => {
        saved = h;
        ctx.log.info(`in the hook: path ${h.get(":PATH")} has x-a ${h.has("x-a")} has x-b ${h.has("x-b")}`);
      },
      decodeData: () => {
        ctx.log.info(`after: has ${saved!.has(":path")}`);
      },
    }));
    // 4 pseudo-headers and 13 others: 17 entries.
    const headers = Object.fromEntries([["x-a", ""], ...Array.from({ length: 12 }, (_, i) => [`x-h${i}`, "v"])]);
    const res = await runTs(plugin, { path: "/p", method: "POST", body: "b", headers });
    // Without a copy, a read after the hook asks Envoy, which no longer lends the map.
    expect(res.logMessages()).toEqual([
      "in the hook: path /p has x-a true has x-b false",
      'panic in plugin "lr" decodeData: cannot read request headers: not available in this phase (CAPIInvalidPhase)',
    ]);
  });

  it("copies a big map once a read needs all of it, and reads the copy after the hook", async () => {
    let saved: { get(n: string): string | undefined; keys(): string[] } | undefined;
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: (h) => {
        saved = h;
        h.keys();
      },
      decodeData: () => {
        ctx.log.info(`after: path ${saved!.get(":path")}`);
      },
    }));
    const headers = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`x-h${i}`, "v"]));
    const res = await runTs(plugin, { path: "/p", method: "POST", body: "b", headers });
    expect(res.logMessages()).toEqual(["after: path /p"]);
  });

  it.each([
    [(ctx: FilterContext) => ctx.sendLocalReply(99, "x"), "sendLocalReply: status 99 is not in 200..599"],
    [(ctx: FilterContext) => ctx.sendLocalReply(400, "x", { "bad name": "v" }), 'sendLocalReply: invalid header name "bad name"'],
    [(ctx: FilterContext) => ctx.sendLocalReply(400, "x", { ok: "a\r\nb" }), 'sendLocalReply: invalid value for header "ok": contains NUL, CR or LF'],
  ])("checks sendLocalReply's arguments (%#)", async (call, message) => {
    const res = await runTs(pluginOf((ctx) => ({ decodeHeaders: () => call(ctx) })));
    expect(res.logMessages("error")).toEqual([`panic in plugin "lr" decodeHeaders: ${message}`]);
    expect(res.localReply).toEqual(PANIC_REPLY);
  });
});
