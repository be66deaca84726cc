import { describe, expect, it } from "vitest";
import { definePlugin, Status, type FilterContext, type StreamInfo } from "../src/index.js";
import { createHost } from "../src/testing/index.js";
import { runTs } from "./helpers.js";

// Expected values follow Envoy: the route (and its cluster) is matched before the filter chain;
// the router records the attempt, the virtual cluster and the upstream addresses once it takes
// the request; the response code comes from the router (upstream) or the codec (local reply).

function snapshot(si: StreamInfo): Record<string, unknown> {
  return {
    routeName: si.routeName,
    filterChainName: si.filterChainName,
    protocol: si.protocol,
    responseCode: si.responseCode,
    responseCodeDetails: si.responseCodeDetails,
    attemptCount: si.attemptCount,
    downstreamLocalAddress: si.downstreamLocalAddress,
    downstreamRemoteAddress: si.downstreamRemoteAddress,
    upstreamLocalAddress: si.upstreamLocalAddress,
    upstreamRemoteAddress: si.upstreamRemoteAddress,
    upstreamClusterName: si.upstreamClusterName,
    virtualClusterName: si.virtualClusterName,
    workerId: si.workerId,
  };
}

/** Records the stream info as JSON log lines: `<hook> {...}`. */
function recorder(reply = false) {
  const record = (ctx: FilterContext, hook: string) => ctx.log.info(`${hook} ${JSON.stringify(snapshot(ctx.streamInfo))}`);
  return definePlugin<Record<string, never>>({
    name: "si",
    create: (ctx) => ({
      decodeHeaders() {
        record(ctx, "decodeHeaders");
        if (reply) return ctx.sendLocalReply(403, "no", undefined, "denied_here");
        return Status.Continue;
      },
      encodeHeaders() {
        record(ctx, "encodeHeaders");
      },
      onLog() {
        record(ctx, "onLog");
      },
    }),
  });
}

function seen(logs: string[], hook: string): Record<string, unknown> {
  const line = logs.find((l) => l.startsWith(`${hook} `));
  if (line === undefined) throw new Error(`no ${hook} line in ${JSON.stringify(logs)}`);
  return JSON.parse(line.slice(hook.length + 1)) as Record<string, unknown>;
}

describe("TypeScript host: stream info", () => {
  it("has the documented defaults, and the router's values once the request reached it", async () => {
    const res = await runTs(recorder(), { upstream: { status: 201 } });
    const logs = res.logMessages();
    // JSON drops undefined: absent members are values Envoy does not have yet.
    expect(seen(logs, "decodeHeaders")).toEqual({
      routeName: "",
      filterChainName: "",
      protocol: "HTTP/1.1",
      attemptCount: 0,
      downstreamLocalAddress: "127.0.0.1:10000",
      downstreamRemoteAddress: "127.0.0.1:50000",
      upstreamClusterName: "upstream",
      workerId: 0,
    });
    expect(seen(logs, "encodeHeaders")).toEqual({
      routeName: "",
      filterChainName: "",
      protocol: "HTTP/1.1",
      responseCode: 201,
      responseCodeDetails: "via_upstream",
      attemptCount: 1,
      downstreamLocalAddress: "127.0.0.1:10000",
      downstreamRemoteAddress: "127.0.0.1:50000",
      upstreamLocalAddress: "127.0.0.1:50001",
      upstreamRemoteAddress: "127.0.0.1:8080",
      upstreamClusterName: "upstream",
      workerId: 0,
    });
    expect(seen(logs, "onLog")).toMatchObject({ responseCode: 201, responseCodeDetails: "via_upstream" });
  });

  it("takes the values a request gives; null means Envoy has none", async () => {
    const host = await createHost({ plugin: recorder(), backends: "ts", concurrency: 4 });
    const res = await host.request({
      streamInfo: {
        routeName: "r1",
        filterChainName: "fc",
        protocol: "HTTP/2",
        downstreamLocalAddress: "[::1]:443",
        downstreamRemoteAddress: "10.1.2.3:5555",
        upstreamLocalAddress: null,
        upstreamRemoteAddress: "10.0.0.9:80",
        upstreamClusterName: null,
        virtualClusterName: "vc",
        attemptCount: 3,
        workerId: 2,
      },
    });
    const logs = res.logMessages();
    expect(seen(logs, "decodeHeaders")).toEqual({
      routeName: "r1",
      filterChainName: "fc",
      protocol: "HTTP/2",
      attemptCount: 0,
      downstreamLocalAddress: "[::1]:443",
      downstreamRemoteAddress: "10.1.2.3:5555",
      workerId: 2,
    });
    expect(seen(logs, "encodeHeaders")).toMatchObject({ attemptCount: 3, upstreamRemoteAddress: "10.0.0.9:80", virtualClusterName: "vc" });
    expect(seen(logs, "encodeHeaders")).not.toHaveProperty("upstreamLocalAddress");
    expect(seen(logs, "encodeHeaders")).not.toHaveProperty("upstreamClusterName");
    const unknownProtocol = await host.request({ streamInfo: { protocol: null } });
    expect(seen(unknownProtocol.logMessages(), "decodeHeaders")).not.toHaveProperty("protocol");
    await host.close();
  });

  it("records a local reply's details at once and its code only when the client gets the headers", async () => {
    const res = await runTs(recorder(true));
    const logs = res.logMessages();
    expect(seen(logs, "encodeHeaders")).toMatchObject({ responseCodeDetails: "denied_here", attemptCount: 0 });
    expect(seen(logs, "encodeHeaders")).not.toHaveProperty("responseCode");
    expect(seen(logs, "onLog")).toMatchObject({ responseCode: 403, responseCodeDetails: "denied_here" });
  });

  it("refuses a worker id the host's concurrency does not have", async () => {
    const host = await createHost({ plugin: recorder(), backends: "ts" });
    await expect(host.request({ streamInfo: { workerId: 1 } })).rejects.toThrow("streamInfo.workerId must be an integer in 0..0");
    await host.close();
  });

  it("fails in onDestroy, where Go no longer processes the stream, except the worker id", async () => {
    const plugin = definePlugin<Record<string, never>>({
      name: "si",
      create: (ctx) => ({
        onDestroy() {
          ctx.log.info(`worker ${ctx.streamInfo.workerId}`);
          ctx.log.info(ctx.streamInfo.routeName);
        },
      }),
    });
    const res = await runTs(plugin);
    expect(res.logs).toEqual([
      { level: "info", message: "worker 0" },
      {
        level: "error",
        message: 'panic in plugin "si" onDestroy: streamInfo.routeName: the stream is not being processed by this filter now (CAPINotInGo)',
      },
    ]);
  });

  it("records a request to drain the connection", async () => {
    const drain = definePlugin<Record<string, never>>({
      name: "si",
      create: (ctx) => ({
        decodeHeaders() {
          ctx.streamInfo.drainConnectionUponCompletion();
        },
      }),
    });
    expect((await runTs(drain)).drainConnection).toBe(true);
    expect(await runTs(recorder())).not.toHaveProperty("drainConnection");
  });
});
