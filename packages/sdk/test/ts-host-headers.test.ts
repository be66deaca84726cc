import { describe, expect, it } from "vitest";
import { definePlugin, type Filter, type FilterContext } from "../src/index.js";
import { runTs } from "./helpers.js";

function pluginOf(make: (ctx: FilterContext) => Partial<Filter>) {
  return definePlugin<Record<string, never>>({ name: "hdr", create: (ctx) => make(ctx) as Filter });
}

describe("TypeScript host: header maps as the plugin sees them", () => {
  it("reads case-insensitively, with repeats in order and the pseudo-headers as properties", async () => {
    const plugin = pluginOf((ctx) => ({
      decodeHeaders: (h) => {
        ctx.log.info(`${h.method} ${h.path} ${h.host} ${h.scheme}`);
        ctx.log.info(`${h.get("X-A")} ${JSON.stringify(h.getAll("x-a"))} ${h.has("X-B")} ${h.get("nope")}`);
        ctx.log.info(JSON.stringify(h.keys()));
        const seen: string[] = [];
        h.forEach((value, name) => seen.push(`${name}=${value}`));
        ctx.log.info(seen.join(","));
      },
    }));
    const res = await runTs(plugin, { method: "PUT", path: "/p?q=1", authority: "example.com", headers: [["X-A", "1"], ["x-b", "2"], ["x-a", "3"]] });
    expect(res.logMessages()).toEqual([
      "PUT /p?q=1 example.com http",
      '1 ["1","3"] true undefined',
      '[":method",":path",":authority",":scheme","x-a","x-b"]',
      ":method=PUT,:path=/p?q=1,:authority=example.com,:scheme=http,x-a=1,x-b=2,x-a=3",
    ]);
  });

  it("writes with Envoy's map semantics: set moves to the end, add repeats, pseudo-headers stay first", async () => {
    const plugin = pluginOf(() => ({
      decodeHeaders: (h) => {
        h.set("x-a", "new");
        h.add("X-B", "again");
        h.remove("x-gone");
        h.set(":path", "/rewritten");
        h.add("x-late", "1");
      },
    }));
    const res = await runTs(plugin, { headers: [["x-a", "1"], ["x-gone", "1"], ["x-b", "2"], ["x-a", "3"]] });
    expect(res.upstream?.headers).toEqual([
      [":method", "GET"],
      [":authority", "localhost"],
      [":scheme", "http"],
      [":path", "/rewritten"],
      ["x-b", "2"],
      ["x-a", "new"],
      ["x-b", "again"],
      ["x-late", "1"],
    ]);
  });

  it("gives response headers their status as a number, and rewrites the status", async () => {
    const plugin = pluginOf((ctx) => ({
      encodeHeaders: (h) => {
        ctx.log.info(`status ${h.status}`);
        h.set(":status", "299");
      },
    }));
    const res = await runTs(plugin, { upstream: { status: 404 } });
    expect(res.logMessages()).toEqual(["status 404"]);
    expect(res.response?.status).toBe(299);
  });

  it("shows an onLog entry's maps, absent ones as undefined", async () => {
    const plugin = pluginOf((ctx) => ({
      onLog: (e) => {
        ctx.log.info(
          [e.requestHeaders?.get(":path"), e.requestTrailers?.get("x-t"), e.responseHeaders?.get(":status"), e.responseTrailers === undefined].join(" "),
        );
      },
    }));
    const res = await runTs(plugin, { method: "POST", body: "b", trailers: { "x-t": "1" }, upstream: { status: 201 } });
    expect(res.logMessages()).toEqual(["/ 1 201 true"]);
  });
});
