import { describe, expect, it } from "vitest";
import { definePlugin } from "../src/index.js";
import type { Backend } from "../src/testing/backend.js";
import { tsBackend } from "../src/testing/backend.js";
import { ConfigError } from "../src/testing/errors.js";
import { createHostWithBackends } from "../src/testing/host.js";
import { createHost } from "../src/testing/index.js";
import type { ConfigOp } from "../src/testing/protocol.js";
import { TsHost } from "../src/testing/ts-host/ts-host.js";

// Reports who owns credential "k1" of kind key-auth, per request.
const probe = definePlugin<Record<string, never>>({
  name: "probe",
  create: (ctx) => ({
    decodeHeaders() {
      ctx.log.info(`k1 → ${ctx.lookupConsumer("key-auth", "k1")?.name ?? "nobody"}`);
    },
  }),
});

const PREFIX = 'invalid config for plugin "mosn-ts-consumers": ';

/** The answer to loading `config` as the consumers config of a fresh host. */
function load(config: unknown, encoding?: ConfigOp["encoding"]) {
  const host = new TsHost({ plugins: [probe] });
  const op: ConfigOp = { op: "config", plugin: "mosn-ts-consumers", config };
  if (encoding !== undefined) op.encoding = encoding;
  return host.config(op);
}

/** The error of a rejected consumers config, without the common prefix. */
function problem(config: unknown): string {
  const answer = load(config);
  if (answer.ok) throw new Error("the config was accepted");
  expect(answer.logs).toEqual([{ level: "error", message: answer.error }]);
  expect(answer.error.startsWith(PREFIX)).toBe(true);
  return answer.error.slice(PREFIX.length);
}

describe("mosn-ts-consumers: config validation", () => {
  it("accepts the config of the contract, and an empty list", () => {
    const config = {
      consumers: [
        { name: "alice", credentials: { "key-auth": ["k-alice-1", "k-alice-2"] }, settings: { tier: "gold" } },
        { name: "bob", credentials: { "key-auth": ["k-bob"] } },
      ],
    };
    expect(load(config)).toEqual({ op: "config", ok: true, configId: 1, logs: [] });
    expect(load({ consumers: [] })).toMatchObject({ ok: true });
  });

  it("checks the types of ConsumersConfig with the texts of Config decoding", () => {
    expect(problem({})).toBe("$.consumers: missing required field");
    expect(problem({ consumers: {} })).toBe("$.consumers: expected array, got object");
    expect(problem({ consumers: [], extra: 1 })).toBe("$.extra: unknown field");
    expect(problem({ consumers: ["alice"] })).toBe("$.consumers[0]: expected object, got string");
    expect(problem({ consumers: [{}] })).toBe("$.consumers[0].name: missing required field");
    expect(problem({ consumers: [{ name: 1 }] })).toBe("$.consumers[0].name: expected string, got number");
    expect(problem({ consumers: [{ name: "a", tags: [] }] })).toBe("$.consumers[0].tags: unknown field");
    expect(problem({ consumers: [{ name: "a", credentials: ["k"] }] })).toBe("$.consumers[0].credentials: expected object, got array");
    expect(problem({ consumers: [{ name: "a", credentials: { "key-auth": "k" } }] })).toBe(
      '$.consumers[0].credentials["key-auth"]: expected array, got string',
    );
    expect(problem({ consumers: [{ name: "a", credentials: { jwt: ["k", 2] } }] })).toBe(
      "$.consumers[0].credentials.jwt[1]: expected string, got number",
    );
    expect(problem({ consumers: [{ name: "a", settings: { tier: null } }] })).toBe("$.consumers[0].settings.tier: expected string, got null");
  });

  it("reports JSON that does not parse, given as a string_value", () => {
    const answer = load('{"consumers": [', "string_value");
    expect(answer).toMatchObject({ ok: false, error: `${PREFIX}$: invalid JSON: Unexpected end of JSON input` });
  });

  it("rejects a consumer name used twice", () => {
    expect(problem({ consumers: [{ name: "alice" }, { name: "bob" }, { name: "alice" }] })).toBe(
      '$.consumers[2].name: duplicate consumer "alice"',
    );
  });

  it("rejects an empty name", () => {
    expect(problem({ consumers: [{ name: "" }] })).toBe("$.consumers[0].name: must not be empty");
  });

  it("rejects a credential of a kind another consumer owns, without printing it", () => {
    const config = {
      consumers: [
        { name: "alice", credentials: { "key-auth": ["k-shared"] } },
        { name: "bob", credentials: { "key-auth": ["k-bob", "k-shared"] } },
      ],
    };
    expect(problem(config)).toBe('$.consumers[1].credentials["key-auth"][1]: credential already belongs to consumer "alice"');
  });

  it("rejects a credential a consumer lists twice", () => {
    expect(problem({ consumers: [{ name: "alice", credentials: { jwt: ["t", "t"] } }] })).toBe(
      '$.consumers[0].credentials.jwt[1]: credential already belongs to consumer "alice"',
    );
  });

  it("lets two kinds hold the same credential text", () => {
    const config = { consumers: [{ name: "alice", credentials: { "key-auth": ["same"] } }, { name: "bob", credentials: { jwt: ["same"] } }] };
    expect(load(config)).toMatchObject({ ok: true });
  });

  it("runs the type checks on the whole config before the consumer rules", () => {
    expect(problem({ consumers: [{ name: "" }, { name: 5 }] })).toBe("$.consumers[1].name: expected string, got number");
  });

  it("applies the rules in array order; within a consumer the name before its credentials", () => {
    // consumers[1]'s empty name comes before consumers[2]'s duplicate.
    expect(problem({ consumers: [{ name: "a" }, { name: "" }, { name: "a" }] })).toBe("$.consumers[1].name: must not be empty");
    // consumers[0]'s own duplicate credential comes before consumers[1]'s duplicate name.
    expect(problem({ consumers: [{ name: "a", credentials: { k: ["x", "x"] } }, { name: "a" }] })).toBe(
      '$.consumers[0].credentials.k[1]: credential already belongs to consumer "a"',
    );
    // Both are wrong at consumers[1]: the name is reported.
    expect(problem({ consumers: [{ name: "a", credentials: { k: ["x"] } }, { name: "a", credentials: { k: ["x"] } }] })).toBe(
      '$.consumers[1].name: duplicate consumer "a"',
    );
    // Kinds in JavaScript's property order (here: document order; see the next test).
    const kinds = { consumers: [{ name: "a", credentials: { jwt: ["j"], basic: ["b"] } }, { name: "b", credentials: { basic: ["b"], jwt: ["j"] } }] };
    expect(problem(kinds)).toBe('$.consumers[1].credentials.basic[0]: credential already belongs to consumer "a"');
  });

  it("takes credential kinds in JavaScript's property order: array-index keys first", () => {
    const kinds = JSON.parse('{"consumers": [{"name": "a", "credentials": {"k": ["x"], "1": ["y"]}}, {"name": "b", "credentials": {"k": ["x"], "1": ["y"]}}]}') as unknown;
    expect(problem(kinds)).toBe('$.consumers[1].credentials["1"][0]: credential already belongs to consumer "a"');
    const types = JSON.parse('{"consumers": [{"name": "a", "credentials": {"k": [1], "1": [2]}}]}') as unknown;
    expect(problem(types)).toBe('$.consumers[0].credentials["1"][0]: expected string, got number');
  });

  it("quotes consumer names as the Go runtime does", () => {
    expect(problem({ consumers: [{ name: 'a"b' }, { name: 'a"b' }] })).toBe('$.consumers[1].name: duplicate consumer "a\\"b"');
    expect(problem({ consumers: [{ name: "tab\there" }, { name: "tab\there" }] })).toBe('$.consumers[1].name: duplicate consumer "tab\\there"');
  });
});

describe("mosn-ts-consumers: the registry", () => {
  const alice = { consumers: [{ name: "alice", credentials: { "key-auth": ["k1"] } }] };
  const bob = { consumers: [{ name: "bob", credentials: { "key-auth": ["k1"] } }] };

  async function k1Owner(host: TsHost, configId: number): Promise<string> {
    const res = await host.request({ op: "request", id: "r", configId, request: { headers: [[":path", "/"]] } });
    return res.logs.map((l) => l.message).join();
  }

  it("is empty before a consumers config is loaded", async () => {
    const host = new TsHost({ plugins: [probe] });
    const plugin = host.config({ op: "config", plugin: "probe", config: {} });
    expect(await k1Owner(host, plugin.ok ? plugin.configId : -1)).toBe("k1 → nobody");
  });

  it("is the most recently loaded config's, for streams of configs loaded before it too", async () => {
    const host = new TsHost({ plugins: [probe] });
    host.config({ op: "config", plugin: "mosn-ts-consumers", config: alice });
    const plugin = host.config({ op: "config", plugin: "probe", config: {} });
    const id = plugin.ok ? plugin.configId : -1;
    expect(await k1Owner(host, id)).toBe("k1 → alice");
    host.config({ op: "config", plugin: "mosn-ts-consumers", config: bob });
    expect(await k1Owner(host, id)).toBe("k1 → bob");
  });

  it("is kept when a consumers config is rejected", async () => {
    const host = new TsHost({ plugins: [probe] });
    host.config({ op: "config", plugin: "mosn-ts-consumers", config: alice });
    const plugin = host.config({ op: "config", plugin: "probe", config: {} });
    expect(host.config({ op: "config", plugin: "mosn-ts-consumers", config: { consumers: [{ name: "" }] } })).toMatchObject({ ok: false });
    expect(await k1Owner(host, plugin.ok ? plugin.configId : -1)).toBe("k1 → alice");
  });

  it("passes every phase of its own streams through", async () => {
    const host = new TsHost({ plugins: [probe] });
    const loaded = host.config({ op: "config", plugin: "mosn-ts-consumers", config: alice });
    const res = await host.request({
      op: "request",
      id: "r",
      configId: loaded.ok ? loaded.configId : -1,
      request: { headers: [[":method", "POST"], [":path", "/x"], ["x-a", "1"]], body: "hi" },
      upstream: { status: 201, body: "ok" },
    });
    expect(res.upstream).toEqual({ headers: [[":method", "POST"], [":path", "/x"], ["x-a", "1"]], body: "hi", trailers: null });
    expect(res.response).toEqual({ status: 201, headers: [], body: "ok", trailers: null });
    expect(res.trace.map((t) => `${t.hook}:${t.status ?? t.reason ?? ""}`)).toEqual([
      "decodeHeaders:Continue",
      "decodeData:Continue",
      "encodeHeaders:Continue",
      "encodeData:Continue",
      "onStreamComplete:",
      "onLog:",
      "onDestroy:Normal",
    ]);
    expect(res.logs).toEqual([]);
  });

  it("reserves the built-in plugin's name", () => {
    const impostor = definePlugin<Record<string, never>>({ name: "mosn-ts-consumers", create: () => ({}) });
    expect(() => new TsHost({ plugins: [impostor] })).toThrow(
      `the plugin name "mosn-ts-consumers" is reserved for the runtime's built-in consumers plugin`,
    );
  });
});

describe("createHost with consumers", () => {
  /** The TypeScript host, recording the config ops it gets. */
  function recording(ops: ConfigOp[]): Backend {
    const inner = tsBackend(probe, undefined);
    return { ...inner, name: "recorder", config: (op) => (ops.push(op), inner.config(op)) };
  }

  it("loads them first, through the same config op, with the host's seed, log level and concurrency", async () => {
    const ops: ConfigOp[] = [];
    const consumers = [{ name: "alice", credentials: { "key-auth": ["k1"] } }];
    const host = await createHostWithBackends(
      { plugin: probe, config: {}, consumers, seed: 9, logLevel: "debug", concurrency: 2, secrets: { s: "1" } },
      [recording(ops)],
    );
    expect(ops).toEqual([
      { op: "config", plugin: "mosn-ts-consumers", config: { consumers }, seed: 9, logLevel: "debug", concurrency: 2 },
      { op: "config", plugin: "probe", config: {}, seed: 9, logLevel: "debug", concurrency: 2, secrets: { s: "1" } },
    ]);
    // The plugin's config is the host's: requests go to it.
    expect(host.configId).toBe(2);
    expect((await host.request()).logMessages()).toEqual(["k1 → alice"]);
    await host.close();
  });

  it("sends no consumers config without the option", async () => {
    const ops: ConfigOp[] = [];
    const host = await createHostWithBackends({ plugin: probe, config: {} }, [recording(ops)]);
    expect(ops.map((op) => op.plugin)).toEqual(["probe"]);
    await host.close();
  });

  it("throws a ConfigError with the runtime's line when the consumers are rejected, before loading the plugin", async () => {
    const ops: ConfigOp[] = [];
    const consumers = [{ name: "alice" }, { name: "alice" }];
    const err = await createHostWithBackends({ plugin: probe, config: {}, consumers }, [recording(ops)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe('invalid config for plugin "mosn-ts-consumers": $.consumers[1].name: duplicate consumer "alice"');
    expect(ops.map((op) => op.plugin)).toEqual(["mosn-ts-consumers"]);
  });

  it("reports a consumer of the wrong shape by its path", async () => {
    const consumers = [{ name: "bob", credentials: { "key-auth": "k-bob" } }] as never;
    await expect(createHost({ plugin: probe, consumers, backends: "ts" })).rejects.toThrow(
      'invalid config for plugin "mosn-ts-consumers": $.consumers[0].credentials["key-auth"]: expected array, got string',
    );
  });
});
