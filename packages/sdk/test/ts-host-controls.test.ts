import { describe, expect, it } from "vitest";
import { definePlugin, LogLevel, sleep, Status, type Filter, type FilterContext } from "../src/index.js";
import { runTs, steps } from "./helpers.js";

// Expected values follow Envoy's Filter::addData (golang_filter.cc) and the filter manager's
// addDecodedData / addEncodedData (filter_manager.cc), per filter call in progress.

const END = ["onStreamComplete", "onLog", "onDestroy:Normal"];

function pluginOf(make: (ctx: FilterContext) => Filter) {
  return definePlugin<Record<string, never>>({ name: "ctl", create: (ctx) => make(ctx) });
}

describe("TypeScript host: addData", () => {
  it("turns a headers-only request into one with a body: headers without end of stream, then the data", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.decoder.addData("added", false) }));
    const res = await runTs(plugin);
    // The body goes on past the golang filter: no decodeData entry.
    expect(steps(res)).toEqual(["decodeHeaders(end)=Continue", "encodeHeaders(end)=Continue", ...END]);
    expect(res.upstream).toMatchObject({ body: "added", trailers: null });
  });

  it("loses data added in the headers of a request that has a body, as Envoy does", async () => {
    // Envoy buffers it in the filter manager; the headers continue normally and the client's data
    // passes the iterating filter, so nothing ever sends the buffered data.
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.decoder.addData("lost", false) }));
    const res = await runTs(plugin, { method: "POST", body: "abc" });
    expect(res.upstream?.text()).toBe("abc");
  });

  it("sends data added in the trailers before the trailers", async () => {
    const plugin = pluginOf((ctx) => ({ decodeTrailers: () => ctx.decoder.addData("T", false) }));
    const res = await runTs(plugin, { method: "POST", body: "abc", trailers: { "x-t": "1" } });
    expect(res.upstream).toMatchObject({ body: "abcT", trailers: [["x-t", "1"]] });
  });

  it("buffers data added in the trailers of a stopped filter and sends it when the filter continues", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: () => Status.StopAndBuffer,
      decodeTrailers: () => ctx.decoder.addData("T", false),
    }));
    const res = await runTs(plugin, { method: "POST", body: "abc", trailers: { "x-t": "1" } });
    expect(steps(res).slice(0, 3)).toEqual(["decodeHeaders()=StopAndBuffer", "decodeData()=Continue", "decodeTrailers=Continue"]);
    expect(res.upstream).toMatchObject({ body: "abcT", trailers: [["x-t", "1"]] });
  });

  it("refuses addData in a data hook", async () => {
    const plugin = pluginOf((ctx) => ({ decodeData: () => ctx.decoder.addData("x", false) }));
    const res = await runTs(plugin, { method: "POST", body: "b" });
    expect(res.logMessages("error")).toEqual(['panic in plugin "ctl" decodeData: decoder.addData: not available in this phase (CAPIInvalidPhase)']);
    expect(res.response?.status).toBe(500);
  });

  it("refuses the encoder's addData while only the request is being processed", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.encoder.addData("x", false) }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "ctl" decodeHeaders: encoder.addData: the stream is not being processed by this filter now (CAPINotInGo)',
    ]);
  });

  it("gives a headers-only response a body from encodeHeaders", async () => {
    const plugin = pluginOf((ctx) => ({ encodeHeaders: () => ctx.encoder.addData(new TextEncoder().encode("from filter"), false) }));
    const res = await runTs(plugin);
    expect(res.response).toEqual({ status: 200, headers: [], body: "from filter", trailers: null });
  });

  it("posts data an async header hook adds; the continue sends it as the body", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders() {
        await sleep(1);
        ctx.decoder.addData("late", true);
      },
    }));
    const res = await runTs(plugin);
    expect(steps(res)).toEqual(["decodeHeaders(end)=Running", "continue=Continue", "encodeHeaders(end)=Continue", ...END]);
    expect(res.upstream?.text()).toBe("late");
  });
});

describe("TypeScript host: upstream override host", () => {
  it("records the last host set, with strict", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        ctx.decoder.setUpstreamOverrideHost("10.0.0.1", false);
        ctx.decoder.setUpstreamOverrideHost("[::1]:8443", true);
      },
    }));
    expect((await runTs(plugin)).upstreamOverrideHost).toEqual({ host: "[::1]:8443", strict: true });
  });

  it("drops strict when an async hook sets it (Envoy's posted task does)", async () => {
    const plugin = pluginOf((ctx) => ({
      async decodeHeaders() {
        ctx.decoder.setUpstreamOverrideHost("10.0.0.1:80", true);
      },
    }));
    expect((await runTs(plugin)).upstreamOverrideHost).toEqual({ host: "10.0.0.1:80", strict: false });
  });

  it("refuses a host that is not an IP address", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: () => ctx.decoder.setUpstreamOverrideHost("backend.local:80", true) }));
    const res = await runTs(plugin);
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "ctl" decodeHeaders: decoder.setUpstreamOverrideHost: invalid IP address (CAPIInvalidIPAddress)',
    ]);
    expect(res).not.toHaveProperty("upstreamOverrideHost");
  });
});

describe("TypeScript host: gRPC local replies and the log level", () => {
  const grpcReply = (grpcStatus?: number) =>
    pluginOf((ctx) => ({ decodeHeaders: () => ctx.sendLocalReply(403, "denied", undefined, "", grpcStatus) }));
  const grpcRequest = { method: "POST", path: "/pkg.Svc/Call", headers: { "content-type": "application/grpc" }, body: "" };

  it("uses the given gRPC status for a gRPC request", async () => {
    const res = await runTs(grpcReply(13), grpcRequest);
    // Utility::prepareLocalReply for gRPC: 200, application/grpc, grpc-status, grpc-message.
    expect(res.response).toEqual({
      status: 200,
      headers: [
        ["content-type", "application/grpc"],
        ["grpc-status", "13"],
        ["grpc-message", "denied"],
      ],
      body: "",
      trailers: null,
    });
  });

  it("derives the gRPC status from the HTTP status without one (403 is PermissionDenied, 7)", async () => {
    const res = await runTs(grpcReply(), grpcRequest);
    expect(res.response?.header("grpc-status")).toBe("7");
  });

  it("ignores the gRPC status for other requests", async () => {
    const res = await runTs(grpcReply(13));
    expect(res.response).toMatchObject({ status: 403, body: "denied" });
    expect(res.response?.header("grpc-status")).toBeUndefined();
  });

  it("refuses a gRPC status outside 0..16", async () => {
    const res = await runTs(grpcReply(17), grpcRequest);
    expect(res.logMessages("error")).toEqual(['panic in plugin "ctl" decodeHeaders: sendLocalReply: grpcStatus 17 is not in 0..16']);
  });

  it("tells the filter Envoy's log level", async () => {
    const plugin = pluginOf((ctx) => ({ decodeHeaders: (h) => h.set("x-level", String(ctx.log.level)) }));
    expect((await runTs(plugin, {}, { logLevel: "warn" })).upstream?.header("x-level")).toBe(String(LogLevel.Warn));
    expect((await runTs(plugin, {}, { logLevel: "off" })).upstream?.header("x-level")).toBe("6");
  });
});
