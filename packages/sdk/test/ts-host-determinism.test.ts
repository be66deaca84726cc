import { describe, expect, it } from "vitest";
import { definePlugin } from "../src/index.js";
import { createHost } from "../src/testing/index.js";
import headerGuard from "./fixtures/header-guard.js";

// Known values of the spec's derivation (docs/architecture.md), computed with a separate
// Python implementation: seed 1 gives these UUIDs in order; seed 7's first Math.random().
const SEED1_UUIDS = ["910a2dec-8902-4cc1-beeb-8da1658eec67", "f893a2ee-fb32-455e-b1c1-8690ee42c90b"];

describe("TypeScript host: seeded randomness", () => {
  it("gives header-guard's generated x-request-id from the seeded generator (seed 1 by default)", async () => {
    const host = await createHost({ plugin: headerGuard, config: { requiredHeader: "x-api-key", stripResponseHeaders: ["server"] }, backends: "ts" });
    const first = await host.request({ headers: { "x-api-key": "k" }, upstream: { headers: { server: "s" } } });
    const second = await host.request({ headers: { "x-api-key": "k" } });
    expect(first.upstream?.header("x-request-id")).toBe(`req-${SEED1_UUIDS[0]}`);
    expect(first.response?.headers).toEqual([["x-request-id", `req-${SEED1_UUIDS[0]}`]]);
    expect(second.upstream?.header("x-request-id")).toBe(`req-${SEED1_UUIDS[1]}`);
    await host.close();
  });

  it("draws Math.random from the same generator, in create() too, and restores the real one", async () => {
    const plugin = definePlugin<Record<string, never>>({
      name: "dice",
      create: (ctx) => {
        ctx.log.info(`create ${Math.random()}`);
        return { decodeHeaders: () => ctx.log.info(`hook ${Math.random()}`) };
      },
    });
    const realRandom = Math.random;
    const host = await createHost({ plugin, config: {}, backends: "ts", seed: 7 });
    const res = await host.request();
    expect(res.logMessages()).toEqual(["create 0.3898297483912715", "hook 0.01678829452815611"]);
    expect(Math.random).toBe(realRandom);
    await host.close();
  });

  it("uses real randomness with seed null", async () => {
    const host = await createHost({ plugin: headerGuard, config: { requiredHeader: "k", stripResponseHeaders: [] }, backends: "ts", seed: null });
    const a = await host.request({ headers: { k: "1" } });
    const b = await host.request({ headers: { k: "1" } });
    expect(a.upstream?.header("x-request-id")).toMatch(/^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.upstream?.header("x-request-id")).not.toBe(b.upstream?.header("x-request-id"));
    expect(a.upstream?.header("x-request-id")).not.toBe(`req-${SEED1_UUIDS[0]}`);
    await host.close();
  });
});
