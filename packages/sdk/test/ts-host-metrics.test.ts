import { describe, expect, it } from "vitest";
import { definePlugin, type ConfigEnv, type Counter, type Gauge, type Histogram } from "../src/index.js";
import { buildRequestOp, ConfigError, createHost } from "../src/testing/index.js";
import { TsHost } from "../src/testing/ts-host/ts-host.js";
import { runTs } from "./helpers.js";

interface LimitConfig {
  limit: number;
}

interface Prepared {
  doubled: number;
  requests: Counter;
  inflight: Gauge;
  sizes: Histogram;
}

/** Defines its metrics in configure and uses them per request. */
const metered = definePlugin<LimitConfig, Prepared>({
  name: "metered",
  configure(config, env) {
    if (config.limit < 0) throw new Error(`limit ${config.limit} is negative`);
    env.log.info(`configuring limit ${config.limit}`);
    return { doubled: config.limit * 2, requests: env.counter("requests"), inflight: env.gauge("inflight"), sizes: env.histogram("size") };
  },
  create: (ctx, p) => ({
    decodeHeaders(h) {
      p.requests.increment();
      p.inflight.increment(2);
      p.inflight.decrement();
      h.set("x-doubled", String(p.doubled));
      h.set("x-seen", String(p.requests.value()));
    },
    decodeData(b) {
      p.sizes.record(b.length);
    },
  }),
});

describe("TypeScript host: configure", () => {
  it("runs once per config; create gets what it returned", async () => {
    const host = await createHost({ plugin: metered, config: { limit: 21 }, backends: "ts" });
    expect(host.configLogs).toEqual([{ level: "info", message: "configuring limit 21" }]);
    expect(host.configMetrics).toEqual({ counters: { requests: 0 }, gauges: { inflight: 0 }, histograms: { size: [] } });
    const first = await host.request({ method: "POST", body: "abc" });
    expect(first.upstream?.header("x-doubled")).toBe("42");
    expect(first.logs).toEqual([]);
    const second = await host.request({ method: "POST", body: "hello" });
    expect(second.upstream?.header("x-seen")).toBe("2");
    expect(second.metrics).toEqual({ counters: { requests: 2 }, gauges: { inflight: 2 }, histograms: { size: [3, 5] } });
    await host.close();
  });

  it("rejects the config when configure throws, with the thrown value's text", async () => {
    await expect(createHost({ plugin: metered, config: { limit: -1 }, backends: "ts" })).rejects.toThrow(
      new ConfigError('invalid config for plugin "metered": Error: limit -1 is negative'),
    );
  });

  it("keeps metrics defined by a configure that then threw, and shares stats by name across configs", () => {
    const throwing = definePlugin<unknown>({
      name: "t",
      configure(_config, env) {
        env.counter("shared");
        throw new Error("no");
      },
      create: () => ({}),
    });
    const defining = definePlugin<unknown, Counter>({ name: "d", configure: (_c, env) => env.counter("shared"), create: () => ({}) });
    const host = new TsHost({ plugins: [throwing, defining] });
    expect(host.config({ op: "config", plugin: "t", config: {} })).toMatchObject({
      ok: false,
      error: 'invalid config for plugin "t": Error: no',
      metrics: { counters: { shared: 0 }, gauges: {}, histograms: {} },
    });
    expect(host.config({ op: "config", plugin: "d", config: {} })).toMatchObject({ ok: true, metrics: { counters: { shared: 0 } } });
  });

  it("leaves metrics out of answers while none exists", async () => {
    // A host of its own: createHost shares the stats store of every earlier host in this file.
    const host = new TsHost({ plugins: [definePlugin<unknown>({ name: "plain", create: () => ({}) })] });
    expect(host.config({ op: "config", plugin: "plain", config: {} })).not.toHaveProperty("metrics");
    expect(await host.request(buildRequestOp({}, "r1"))).not.toHaveProperty("metrics");
  });
});

describe("TypeScript host: metric rules", () => {
  function using(use: (m: { counter: Counter; gauge: Gauge; histogram: Histogram; env: ConfigEnv }) => void) {
    return definePlugin<unknown, { counter: Counter; gauge: Gauge; histogram: Histogram; env: ConfigEnv }>({
      name: "rules",
      configure: (_c, env) => ({ counter: env.counter("c"), gauge: env.gauge("g"), histogram: env.histogram("h"), env }),
      create: (_ctx, m) => ({ decodeHeaders: () => use(m) }),
    });
  }
  const panicOf = async (use: Parameters<typeof using>[0]) => (await runTs(using(use))).logMessages("error");

  it("refuses amounts that are not non-negative safe integers", async () => {
    expect(await panicOf((m) => m.counter.increment(-1))).toEqual(['panic in plugin "rules" decodeHeaders: counter "c" increment: -1 is not a non-negative safe integer']);
    expect(await panicOf((m) => m.gauge.set(1.5))).toEqual(['panic in plugin "rules" decodeHeaders: gauge "g" set: 1.5 is not a non-negative safe integer']);
    expect(await panicOf((m) => m.histogram.record(2 ** 53))).toEqual([
      'panic in plugin "rules" decodeHeaders: histogram "h" record: 9007199254740992 is not a non-negative safe integer',
    ]);
  });

  it("never takes a gauge below zero", async () => {
    expect(
      await panicOf((m) => {
        m.gauge.set(3);
        m.gauge.decrement(5);
      }),
    ).toEqual(['panic in plugin "rules" decodeHeaders: gauge "g" decrement: 5 is more than its value 3']);
  });

  it("refuses to define metrics after configure returned", async () => {
    expect(await panicOf((m) => m.env.counter("late"))).toEqual([
      'panic in plugin "rules" decodeHeaders: cannot define counter "late": metrics can only be defined in configure',
    ]);
  });

  it("adds to counters and gauges and records histogram samples in order", async () => {
    const res = await runTs(
      using((m) => {
        m.counter.increment(5);
        m.counter.increment(0);
        m.gauge.set(10);
        m.gauge.increment();
        m.gauge.decrement(4);
        m.histogram.record(7);
        m.histogram.record(0);
      }),
    );
    expect(res.metrics).toEqual({ counters: { c: 5 }, gauges: { g: 7 }, histograms: { h: [7, 0] } });
  });
});
