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

  describe("caused by a run-time refusal of the compiled code", () => {
    /** What the native host answers when a hook panics with `message`: the panic reply and its log line. */
    const panicked = (message: string) => (r: RequestResultData) => {
      r.upstream = null;
      r.response = { status: 500, headers: [["content-length", "26"], ["content-type", "text/plain"]], body: "error happened in filter\r\n", trailers: null };
      r.logs = [{ level: "error", message: `panic in plugin "tagger" decodeHeaders: ${message}` }];
    };

    it.each([
      "TypeError: non-null assertion failed: index 3 is outside an array of length 2",
      "TypeError: non-null assertion failed: the value is undefined or null",
      "TypeError: JSON.parse: the document does not match the declared type: $.id: expected number, got string",
      "RangeError: writing index 5 of an array of length 2 would leave holes",
      "TypeError: cannot spread undefined into 'limit' (number)",
      "TypeError: Object.assign cannot copy null into 'name' (string)",
      "runtime error: invalid memory address or nil pointer dereference",
    ])("says so, with the runtime's error: %s", async (refusal) => {
      const host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), fakeNative(panicked(refusal))]);
      const err = (await host.request().catch((e: unknown) => e)) as BackendDivergenceError;
      expect(err).toBeInstanceOf(BackendDivergenceError);
      expect(err.message.split("\n")[0]).toBe(
        `the compiled filter refused at run time: ${refusal} (in decodeHeaders), where the TypeScript went on — see docs/subset.md#run-time-refusals`,
      );
      // The first difference still follows, for the details.
      expect(err.message).toContain("backends disagree at upstream: ts={");
      expect(err.refusal).toBe(refusal);
      expect(err.path).toBe("upstream");
      await host.close();
    });

    it("is not claimed for a panic that is no refusal, or one both backends logged", async () => {
      let host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), fakeNative(panicked("Error: boom"))]);
      let err = (await host.request().catch((e: unknown) => e)) as BackendDivergenceError;
      expect(err.message).toMatch(/^backends disagree at upstream: /);
      expect(err.refusal).toBeUndefined();
      await host.close();
      // The TypeScript host logs the same line itself: the refusal is not what differs.
      const refusal = "TypeError: non-null assertion failed: the value is undefined or null";
      const both = fakeNative((r) => {
        panicked(refusal)(r);
        r.logs = [];
      });
      host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), both]);
      err = (await host.request().catch((e: unknown) => e)) as BackendDivergenceError;
      expect(err.refusal).toBeUndefined();
      await host.close();
    });

    it("says so for a refusal the plugin caught and logged", async () => {
      const caught = fakeNative((r) => {
        r.logs = [{ level: "warn", message: "bad order: TypeError: JSON.parse: the document does not match the declared type: $.id: expected number, got string" }];
      });
      const host = await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), caught]);
      const err = (await host.request().catch((e: unknown) => e)) as BackendDivergenceError;
      expect(err.message.split("\n")[0]).toBe(
        "the compiled filter refused at run time: TypeError: JSON.parse: the document does not match the declared type: $.id: expected number, got string" +
          " (in a line the plugin logged), where the TypeScript went on — see docs/subset.md#run-time-refusals",
      );
      await host.close();
    });

    it("says so for a config that only the compiled configure rejects", async () => {
      const refusal = "TypeError: JSON.parse: the document does not match the declared type: $: expected object, got array";
      const native: Backend = {
        ...fakeNative(),
        config: async () => ({
          op: "config",
          ok: false,
          error: `invalid config for plugin "tagger": ${refusal}`,
          logs: [{ level: "error", message: `invalid config for plugin "tagger": ${refusal}` }],
        }),
      };
      const err = (await createHostWithBackends({ plugin, config: { tag: "1" } }, [tsBackend(plugin, schema), native]).catch(
        (e: unknown) => e,
      )) as BackendDivergenceError;
      expect(err).toBeInstanceOf(BackendDivergenceError);
      expect(err.message.split("\n")[0]).toBe(
        `the compiled filter refused at run time: ${refusal} (in configure), where the TypeScript went on — see docs/subset.md#run-time-refusals`,
      );
    });
  });
});
