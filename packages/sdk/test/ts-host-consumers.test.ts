import { describe, expect, it } from "vitest";
import { definePlugin, LifeSpan, sleep, Status, type Consumer, type Filter, type FilterContext } from "../src/index.js";
import type { ConsumerConfig } from "../src/testing/index.js";
import type { RequestOptions } from "../src/testing/request-options.js";
import { runTs, steps } from "./helpers.js";

const consumers: ConsumerConfig[] = [
  { name: "alice", credentials: { "key-auth": ["k-alice-1", "k-alice-2"] }, settings: { tier: "gold", region: "eu" } },
  { name: "bob", credentials: { "key-auth": ["k-bob"], jwt: ["t-bob"] } },
];

function pluginOf(make: (ctx: FilterContext) => Filter) {
  return definePlugin<Record<string, never>>({ name: "auth", create: (ctx) => make(ctx) });
}

/** One request on the TypeScript host, with the consumers above loaded unless told otherwise. */
function run(make: (ctx: FilterContext) => Filter, request: RequestOptions = {}, withConsumers = true) {
  return runTs(pluginOf(make), request, withConsumers ? { consumers } : {});
}

const show = (c: Consumer | undefined) => (c === undefined ? "none" : `${c.name}/${c.setting("tier") ?? "-"}`);

describe("ctx.lookupConsumer", () => {
  it("finds the consumer owning a credential of a kind", async () => {
    const res = await run((ctx) => ({
      decodeHeaders() {
        const look = (kind: string, credential: string) => show(ctx.lookupConsumer(kind, credential));
        ctx.log.info(
          [
            look("key-auth", "k-alice-2"),
            look("key-auth", "k-bob"),
            look("jwt", "t-bob"),
            look("key-auth", "t-bob"), // a credential of another kind
            look("jwt", "k-bob"),
            look("key-auth", "k-nobody"),
            look("basic", "k-bob"), // a kind nobody has
            look("key-auth", ""),
          ].join(" "),
        );
      },
    }));
    expect(res.logMessages()).toEqual(["alice/gold bob/- bob/- none none none none none"]);
    // Looking up changes nothing on the stream.
    expect(res).not.toHaveProperty("filterState");
    expect(res).not.toHaveProperty("metadata");
  });

  it("finds nobody when no consumers were loaded", async () => {
    const res = await run((ctx) => ({ decodeHeaders: () => ctx.log.info(show(ctx.lookupConsumer("key-auth", "k-bob"))) }), {}, false);
    expect(res.logMessages()).toEqual(["none"]);
  });

  it("gives consumers whose settings are exactly the configured ones", async () => {
    const res = await run((ctx) => ({
      decodeHeaders() {
        const alice = ctx.lookupConsumer("key-auth", "k-alice-1")!;
        const bob = ctx.lookupConsumer("key-auth", "k-bob")!;
        const s = (c: Consumer, k: string) => c.setting(k) ?? "undefined";
        ctx.log.info([s(alice, "tier"), s(alice, "region"), s(alice, "Tier"), s(alice, "constructor"), s(alice, "__proto__"), s(bob, "tier")].join(" "));
      },
    }));
    expect(res.logMessages()).toEqual(["gold eu undefined undefined undefined undefined"]);
  });

  it("works in every hook, also onDestroy: the registry is the library's, not Envoy's", async () => {
    const res = await run((ctx) => ({ onDestroy: () => ctx.log.info(show(ctx.lookupConsumer("key-auth", "k-bob"))) }));
    expect(res.logMessages()).toEqual(["bob/-"]);
  });
});

describe("ctx.setConsumer", () => {
  it("sets filter state mosn-ts.consumer (Request, not shared) and metadata mosn-ts/consumer to the name", async () => {
    const res = await run((ctx) => ({ decodeHeaders: () => ctx.setConsumer(ctx.lookupConsumer("key-auth", "k-alice-1")!) }));
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "alice", lifeSpan: 1, streamSharing: 0 } });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "alice" } });
    expect(res.response?.status).toBe(200);
  });

  it("is what ctx.consumer, filterState.get and metadata.getString read back, in later hooks too", async () => {
    const res = await run((ctx) => ({
      decodeHeaders() {
        ctx.log.info(`before: ${show(ctx.consumer)}`);
        ctx.setConsumer(ctx.lookupConsumer("key-auth", "k-alice-1")!);
        ctx.log.info(`after: ${show(ctx.consumer)} ${ctx.filterState.get("mosn-ts.consumer")} ${ctx.metadata.getString("mosn-ts", "consumer")}`);
      },
      encodeHeaders() {
        ctx.log.info(`response: ${show(ctx.consumer)}`);
      },
      onLog() {
        ctx.log.info(`log: ${show(ctx.consumer)}`);
      },
    }));
    expect(res.logMessages()).toEqual(["before: none", "after: alice/gold alice alice", "response: alice/gold", "log: alice/gold"]);
  });

  it("replaces the consumer an earlier filter set", async () => {
    const res = await run((ctx) => ({ decodeHeaders: () => ctx.setConsumer(ctx.lookupConsumer("jwt", "t-bob")!) }), { consumer: "alice" });
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "bob", lifeSpan: 1, streamSharing: 0 } });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "bob" } });
  });

  it("cannot replace filter state an earlier filter set at another life span (Envoy ignores it), but sets the metadata", async () => {
    const res = await run((ctx) => ({ decodeHeaders: () => ctx.setConsumer(ctx.lookupConsumer("jwt", "t-bob")!) }), {
      filterState: { "mosn-ts.consumer": "alice" },
    });
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "alice", lifeSpan: 0, streamSharing: 0 } });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "bob" } });
  });

  it("keeps other metadata of the mosn-ts namespace", async () => {
    const res = await run((ctx) => ({ decodeHeaders: () => ctx.setConsumer(ctx.lookupConsumer("key-auth", "k-bob")!) }), {
      metadata: { "mosn-ts": { consumer: "alice", other: 1 } },
    });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "bob", other: 1 } });
  });

  it("works from an async hook after an await", async () => {
    const res = await run((ctx) => ({
      async decodeHeaders() {
        await sleep(1);
        ctx.setConsumer(ctx.lookupConsumer("key-auth", "k-bob")!);
        return Status.Continue;
      },
    }));
    expect(steps(res).slice(0, 2)).toEqual(["decodeHeaders(end)=Running", "continue=Continue"]);
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "bob", lifeSpan: 1, streamSharing: 0 } });
    expect(res.metadata).toEqual({ "mosn-ts": { consumer: "bob" } });
  });

  it("panics without a consumer (a lookup that found nobody, asserted with !)", async () => {
    const res = await run((ctx) => ({ decodeHeaders: () => ctx.setConsumer(ctx.lookupConsumer("key-auth", "wrong")!) }));
    expect(res.response?.status).toBe(500);
    expect(res.logMessages("error")).toEqual(['panic in plugin "auth" decodeHeaders: setConsumer: no consumer']);
    expect(res).not.toHaveProperty("filterState");
  });

  it("fails in onDestroy like the filter state it writes", async () => {
    const res = await run((ctx) => ({ onDestroy: () => ctx.setConsumer(ctx.lookupConsumer("key-auth", "k-bob")!) }));
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "auth" onDestroy: setConsumer: the stream is not being processed by this filter now (CAPINotInGo)',
    ]);
    expect(res).not.toHaveProperty("filterState");
    expect(res).not.toHaveProperty("metadata");
  });
});

describe("ctx.consumer", () => {
  const report = (ctx: FilterContext): Filter => ({ decodeHeaders: () => ctx.log.info(show(ctx.consumer)) });

  it("is undefined when no filter set one", async () => {
    expect((await run(report)).logMessages()).toEqual(["none"]);
  });

  it("is the consumer an earlier filter set (the consumer request option), with its settings", async () => {
    const res = await run(report, { consumer: "alice" });
    expect(res.logMessages()).toEqual(["alice/gold"]);
    expect(res.filterState).toEqual({ "mosn-ts.consumer": { value: "alice", lifeSpan: 1, streamSharing: 0 } });
  });

  it("reads any filter state object under mosn-ts.consumer, whatever its life span", async () => {
    const res = await run(report, { filterState: { "mosn-ts.consumer": { value: "bob", lifeSpan: LifeSpan.Connection } } });
    expect(res.logMessages()).toEqual(["bob/-"]);
  });

  it("is undefined for a name this library's registry does not hold, or without a registry", async () => {
    expect((await run(report, { consumer: "mallory" })).logMessages()).toEqual(["none"]);
    expect((await run(report, { consumer: "alice" }, false)).logMessages()).toEqual(["none"]);
  });

  it("fails in onDestroy like filterState.get", async () => {
    const res = await run((ctx) => ({ onDestroy: () => void ctx.consumer }), { consumer: "alice" });
    expect(res.logMessages("error")).toEqual([
      'panic in plugin "auth" onDestroy: consumer: the stream is not being processed by this filter now (CAPINotInGo)',
    ]);
  });
});
