import { describe, expect, it } from "vitest";
import { SplitMix64, checkSeed } from "../src/testing/random.js";
import { withSeededGlobals } from "../src/testing/seeded-globals.js";

// Expected values were computed outside the code under test: the seed-1234567 and seed-0
// outputs are published SplitMix64 reference values; the rest came from a separate
// 20-line Python implementation of the spec in docs/architecture.md.
describe("SplitMix64", () => {
  it("produces the reference sequence for seed 1234567", () => {
    const g = new SplitMix64(1234567);
    expect([g.next(), g.next(), g.next(), g.next(), g.next()]).toEqual([
      6457827717110365317n,
      3203168211198807973n,
      9817491932198370423n,
      4593380528125082431n,
      16408922859458223821n,
    ]);
  });

  it("produces 0xe220a8397b1dcdaf first for seed 0", () => {
    expect(new SplitMix64(0).next()).toBe(0xe220a8397b1dcdafn);
  });

  it("wraps the state at 2^64 (seed 2^64-1)", () => {
    expect(new SplitMix64(2n ** 64n - 1n).nextUUID()).toBe("e4d97177-1b65-4c20-a99f-f867dbf682c9");
  });

  it("derives Math.random from the top 53 bits", () => {
    const g = new SplitMix64(42);
    expect([g.nextFloat(), g.nextFloat(), g.nextFloat()]).toEqual([0.7415648787718233, 0.1599103928769201, 0.27860113025513866]);
  });

  it("derives version-4 UUIDs from two draws, big-endian", () => {
    const g = new SplitMix64(1);
    // seed 1 draws 0x910a2dec89025cc1 then 0xbeeb8da1658eec67: byte 6 (0x5c) becomes 0x4c.
    expect(g.nextUUID()).toBe("910a2dec-8902-4cc1-beeb-8da1658eec67");
    expect(g.nextUUID()).toBe("f893a2ee-fb32-455e-b1c1-8690ee42c90b");
  });

  it("rejects seeds that do not survive JSON and the command line", () => {
    expect(() => checkSeed(-1)).toThrow(/non-negative safe integer/);
    expect(() => checkSeed(1.5)).toThrow(/non-negative safe integer/);
    expect(() => checkSeed(2 ** 60)).toThrow(/non-negative safe integer/);
    expect(checkSeed(0)).toBe(0);
  });
});

describe("withSeededGlobals", () => {
  it("makes Math.random and crypto.randomUUID draw from the generator, then restores them", () => {
    const realRandom = Math.random;
    const realUUID = crypto.randomUUID;
    const seen = withSeededGlobals(new SplitMix64(1), () => [crypto.randomUUID(), Math.random()]);
    expect(seen).toEqual(["910a2dec-8902-4cc1-beeb-8da1658eec67", 0.9710027535867962]);
    expect(Math.random).toBe(realRandom);
    expect(crypto.randomUUID).toBe(realUUID);
    expect(Object.prototype.hasOwnProperty.call(crypto, "randomUUID")).toBe(false);
  });

  it("restores the originals when the call throws", () => {
    const realRandom = Math.random;
    expect(() =>
      withSeededGlobals(new SplitMix64(1), () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(Math.random).toBe(realRandom);
  });

  it("leaves the real sources alone without a generator", () => {
    const values = withSeededGlobals(null, () => [Math.random(), Math.random()]);
    expect(values[0]).not.toBe(values[1]);
  });
});
