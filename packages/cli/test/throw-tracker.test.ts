import { describe, expect, it } from "vitest";
import type { PluginDefinition } from "@mosn-ts/sdk";
import { describeThrow, ThrowTracker } from "../src/throw-tracker.js";

class Hooks {
  readonly #secret = "kept";
  pending: Promise<string> | null = null;

  decodeHeaders(): string {
    return this.#secret;
  }

  encodeHeaders(): never {
    throw new Error("sync boom");
  }

  async decodeData(): Promise<string> {
    throw new Error("async boom");
  }
}

const plugin: PluginDefinition<unknown, unknown> = {
  name: "p",
  create: () => new Hooks() as never,
};

describe("ThrowTracker", () => {
  it("notes sync throws and async rejections, changing nothing the host sees", async () => {
    const tracker = new ThrowTracker();
    const filter = tracker.track(plugin).create(null as never, {}) as unknown as Hooks;
    // Methods still run on the object itself (its #private fields work).
    expect(filter.decodeHeaders()).toBe("kept");
    expect(() => filter.encodeHeaders()).toThrow("sync boom");
    // An async hook stays recognisably async, as the host decides on that.
    expect(Object.prototype.toString.call(filter.decodeData)).toBe("[object AsyncFunction]");
    expect(Object.prototype.toString.call(filter.encodeHeaders)).toBe("[object Function]");
    await expect(filter.decodeData()).rejects.toThrow("async boom");
    const thrown = tracker.take();
    expect(thrown.map((e) => (e as Error).message)).toEqual(["sync boom", "async boom"]);
    expect(tracker.take()).toEqual([]);
  });

  it("notes a throw in create and configure", () => {
    const tracker = new ThrowTracker();
    const failing = tracker.track({
      name: "f",
      configure: () => {
        throw new Error("bad config");
      },
      create: () => {
        throw new TypeError("no filter");
      },
    });
    expect(() => failing.configure!({}, null as never)).toThrow("bad config");
    expect(() => failing.create(null as never, {})).toThrow("no filter");
    expect(tracker.take().map(String)).toEqual(["Error: bad config", "TypeError: no filter"]);
  });
});

describe("describeThrow", () => {
  it("keeps the frames in the given folder", () => {
    const err = new Error("x");
    err.stack = "Error: x\n    at a (/elsewhere/lib.js:1:1)\n    at b (/proj/src/f.ts:3:4)\n    at c (/proj/node_modules/m/i.js:1:1)";
    expect(describeThrow(err, "/proj")).toEqual(["Error: x", "at b (/proj/src/f.ts:3:4)"]);
  });

  it("falls back to the first frame, and to the text of a non-Error", () => {
    const err = new Error("y");
    err.stack = "Error: y\n    at a (/elsewhere/lib.js:1:1)\n    at z (/other.js:2:2)";
    expect(describeThrow(err, "/proj")).toEqual(["Error: y", "at a (/elsewhere/lib.js:1:1)"]);
    expect(describeThrow("plain", "/proj")).toEqual(["plain"]);
  });
});
