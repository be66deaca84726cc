import { describe, expect, it } from "vitest";
import { definePlugin, LifeSpan, StreamSharing, type Filter, type FilterContext } from "../src/index.js";
import { createHost } from "../src/testing/index.js";
import { runTs } from "./helpers.js";

function pluginOf(make: (ctx: FilterContext) => Filter) {
  return definePlugin<Record<string, never>>({ name: "state", create: (ctx) => make(ctx) });
}

describe("TypeScript host: dynamic metadata", () => {
  it("reads what earlier filters set, by type, and merges what the filter sets key by key", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        const m = ctx.metadata;
        ctx.log.info(
          JSON.stringify([
            m.getBoolean("envoy.lb", "canary"),
            m.getNumber("envoy.lb", "weight"),
            m.getString("envoy.lb", "name"),
            m.getString("envoy.lb", "weight") ?? "no string",
            m.getString("envoy.lb", "obj") ?? "no string",
            m.getString("absent", "x") ?? "no namespace",
          ]),
        );
        m.set("envoy.lb", "weight", 4);
        m.set("mine", "k", "v");
        ctx.log.info(`read back ${String(m.getNumber("envoy.lb", "weight"))}`);
      },
      onLog() {
        // Go is processing the access log: metadata can still be written.
        ctx.metadata.set("mine", "logged", true);
      },
    }));
    const res = await runTs(plugin, { metadata: { "envoy.lb": { canary: true, weight: 3, name: "a", obj: { x: 1 } } } });
    expect(res.logMessages()).toEqual(['[true,3,"a","no string","no string","no namespace"]', "read back 4"]);
    // StreamInfo::setDynamicMetadata merges a one-key Struct: only that key changes.
    expect(res.metadata).toEqual({ "envoy.lb": { canary: true, weight: 4, name: "a", obj: { x: 1 } }, mine: { k: "v", logged: true } });
  });

  it("is absent from the result when the stream has none", async () => {
    const res = await runTs(pluginOf(() => ({})));
    expect(res).not.toHaveProperty("metadata");
    expect(res).not.toHaveProperty("filterState");
  });

  it("refuses numbers that are not finite", async () => {
    const res = await runTs(pluginOf((ctx) => ({ decodeHeaders: () => ctx.metadata.set("ns", "k", Number.NaN) })));
    expect(res.logMessages("error")).toEqual(['panic in plugin "state" decodeHeaders: metadata.set: NaN is not a finite number']);
    expect(res.response?.status).toBe(500);
  });

  it("fails in onDestroy", async () => {
    const res = await runTs(pluginOf((ctx) => ({ onDestroy: () => void ctx.metadata.getString("ns", "k") })));
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "state" onDestroy: metadata.getString: the stream is not being processed by this filter now (CAPINotInGo)',
    ]);
  });
});

describe("TypeScript host: filter state", () => {
  it("reads string objects and keeps each key at its first life span, as Envoy's FilterStateImpl", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        const fs = ctx.filterState;
        ctx.log.info(`${fs.get("a")} ${fs.get("b")} ${fs.get("missing") ?? "none"}`);
        fs.set("a", "x"); // default life span Request; "a" lives at FilterChain: ignored
        ctx.log.info(`a=${fs.get("a")}`);
        fs.set("a", "y", { lifeSpan: LifeSpan.FilterChain });
        fs.set("b", "3");
        fs.set("c", "4", { lifeSpan: LifeSpan.TopSpan, streamSharing: StreamSharing.SharedWithUpstreamConnection });
        fs.set("d", "", { readOnly: true });
        ctx.log.info(`a=${fs.get("a")} d=${JSON.stringify(fs.get("d"))}`);
      },
    }));
    const res = await runTs(plugin, { filterState: { a: "1", b: { value: "2", lifeSpan: 1 } } });
    expect(res.logMessages()).toEqual(["1 2 none", "a=1", 'a=y d=""']);
    expect(res.filterState).toEqual({
      a: { value: "y", lifeSpan: 0, streamSharing: 0 },
      b: { value: "3", lifeSpan: 1, streamSharing: 0 },
      // TopSpan is Envoy's alias of Connection.
      c: { value: "4", lifeSpan: 2, streamSharing: 1 },
      d: { value: "", lifeSpan: 1, streamSharing: 0 },
    });
  });

  it("refuses a life span Envoy does not have", async () => {
    const res = await runTs(pluginOf((ctx) => ({ decodeHeaders: () => ctx.filterState.set("k", "v", { lifeSpan: 3 as LifeSpan }) })));
    expect(res.logMessages("error")).toEqual(['panic in plugin "state" decodeHeaders: filterState.set: invalid lifeSpan 3']);
  });
});

describe("TypeScript host: properties, secrets and the route cache", () => {
  it("finds exactly the properties the request gives", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        ctx.log.info(`${ctx.getProperty("request.path")} ${ctx.getProperty("request.method") ?? "not found"}`);
      },
    }));
    const res = await runTs(plugin, { properties: { "request.path": "/x?y=1", "xds.route_name": "r" } });
    expect(res.logMessages()).toEqual(["/x?y=1 not found"]);
  });

  it("reads the config's secrets, or the ones a request gives instead", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        ctx.log.info(`${ctx.getSecret("a") ?? "none"} ${ctx.getSecret("b") ?? "none"}`);
      },
    }));
    const host = await createHost({ plugin, backends: "ts", secrets: { a: "1", b: "2" } });
    expect((await host.request()).logMessages()).toEqual(["1 2"]);
    expect((await host.request({ secrets: { a: "9" } })).logMessages()).toEqual(["9 none"]);
    await host.close();
  });

  it("records route cache clears and refreshes in order", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders() {
        ctx.clearRouteCache();
        ctx.refreshRouteCache();
      },
      encodeHeaders() {
        ctx.clearRouteCache();
      },
    }));
    expect((await runTs(plugin)).routeCache).toEqual(["clear", "refresh", "clear"]);
    expect(await runTs(pluginOf(() => ({})))).not.toHaveProperty("routeCache");
  });

  it("fails getProperty in onDestroy", async () => {
    const res = await runTs(pluginOf((ctx) => ({ onDestroy: () => void ctx.getProperty("request.path") })));
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "state" onDestroy: getProperty: the stream is not being processed by this filter now (CAPINotInGo)',
    ]);
  });
});
