import { describe, expect, it } from "vitest";
import { definePlugin, Status } from "../src/index.js";
import type { Backend } from "../src/testing/backend.js";
import { tsBackend } from "../src/testing/backend.js";
import { BackendDivergenceError, ConfigError } from "../src/testing/errors.js";
import { createHostWithBackends } from "../src/testing/host.js";
import type { RequestResultData } from "../src/testing/protocol.js";
import type { TypeDescriptor } from "../src/testing/type-descriptor.js";

const plugin = definePlugin<{ tag: string }>({
  name: "tagger",
  create: (_ctx, config) => ({
    encodeHeaders(headers) {
      headers.add("x-a", config.tag);
      return Status.Continue;
    },
  }),
});

const schema: TypeDescriptor = { kind: "object", name: "C", fields: [{ name: "tag", optional: false, type: { kind: "string" } }] };

/** A stand-in for the native backend: the TypeScript host, with its answers rewritten. */
function fakeNative(rewrite: (result: RequestResultData) => void = () => {}, configError?: string): Backend {
  const inner = tsBackend(plugin, schema);
  return {
    name: "native",
    config: async (op) => {
      const answer = await inner.config(op);
      if (configError !== undefined) return { op: "config", ok: false, error: configError, logs: answer.logs };
      return answer;
    },
    request: async (op) => {
      const result = await inner.request(op);
      rewrite(result);
      return result;
    },
    close: () => inner.close(),
  };
}

describe("running on two backends", () => {
  it("returns the result when both backends agree", async () => {
    const host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), fakeNative()]);
    expect(host.backends).toEqual(["ts", "native"]);
    const res = await host.request({ upstream: { headers: { "x-u": "u" } } });
    expect(res.response?.headers).toEqual([
      ["x-u", "u"],
      ["x-a", "1"],
    ]);
    await host.close();
  });

  it("throws BackendDivergenceError naming the first differing path and both values", async () => {
    const native = fakeNative((r) => {
      r.response!.headers[1] = ["x-a", "2"];
    });
    const host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), native]);
    const err = await host.request({ upstream: { headers: { "x-u": "u" } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendDivergenceError);
    const divergence = err as BackendDivergenceError;
    expect(divergence.message.split("\n")[0]).toBe('backends disagree at response.headers[1]: ts=["x-a","1"] native=["x-a","2"]');
    expect(divergence.path).toBe("response.headers[1]");
    expect(Object.keys(divergence.answers)).toEqual(["ts", "native"]);
    await host.close();
  });

  it("names a member one backend lacks, and a missing array element", async () => {
    const extraTrace = fakeNative((r) => {
      r.trace.push({ hook: "onDestroy", reason: "Normal" });
    });
    let host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), extraTrace]);
    await expect(host.request()).rejects.toThrow(/^backends disagree at trace\[5\]: ts=\(absent\) native=\{"hook":"onDestroy","reason":"Normal"\}/);
    await host.close();
    const noBody = fakeNative((r) => {
      delete (r.response as { body?: string }).body;
      (r.response as { bodyBase64?: string }).bodyBase64 = "";
    });
    host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), noBody]);
    await expect(host.request()).rejects.toThrow(/^backends disagree at response\.body: ts="" native=\(absent\)/);
    await host.close();
  });

  it("throws ConfigError when both backends reject the config with the same message", async () => {
    const err = await createHostWithBackends({ plugin, rawConfig: { tag: 5 } }, [tsBackend(plugin, schema), fakeNative()]).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe('invalid config for plugin "tagger": $.tag: expected string, got number');
  });

  it("throws BackendDivergenceError when only one backend rejects the config", async () => {
    const native = fakeNative(undefined, "invalid config for plugin \"tagger\": $.tag: something else");
    await expect(createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), native])).rejects.toThrow(
      /^backends disagree at ok: ts=true native=false/,
    );
  });
});
