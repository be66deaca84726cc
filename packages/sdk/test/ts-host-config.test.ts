import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { definePlugin } from "../src/index.js";
import { ConfigError, createHost } from "../src/testing/index.js";
import { TsHost } from "../src/testing/ts-host/ts-host.js";
import type { TypeDescriptor } from "../src/testing/type-descriptor.js";

interface Cfg {
  mode: "allow" | "deny";
  limits?: Record<string, number>;
}

const schema: TypeDescriptor = {
  kind: "object",
  name: "Cfg",
  fields: [
    { name: "mode", optional: false, type: { kind: "union", options: [{ kind: "literal", value: "allow" }, { kind: "literal", value: "deny" }] } },
    { name: "limits", optional: true, type: { kind: "record", value: { kind: "number" } } },
  ],
};

const plugin = definePlugin<Cfg>({
  name: "cfg",
  create: (ctx, config) => ({ decodeHeaders: () => ctx.log.info(JSON.stringify(config)) }),
});

const savedDir = process.env.MOSN_TS_SO_DIR;
afterEach(() => {
  if (savedDir === undefined) delete process.env.MOSN_TS_SO_DIR;
  else process.env.MOSN_TS_SO_DIR = savedDir;
});

async function configError(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as Error).message;
}

describe("TypeScript host: plugin config", () => {
  it("hands the plugin its config as decoded JSON", async () => {
    const host = await createHost({ plugin, config: { mode: "allow", limits: { a: 1 } }, schema, backends: "ts" });
    expect((await host.request()).logMessages()).toEqual(['{"mode":"allow","limits":{"a":1}}']);
    await host.close();
  });

  it("rejects with the runtime's message and path, from a descriptor or a schema file", async () => {
    expect(await configError(createHost({ plugin, rawConfig: { mode: "maybe" }, schema, backends: "ts" }))).toBe(
      'invalid config for plugin "cfg": $.mode: expected "allow" | "deny", got "maybe"',
    );
    const dir = mkdtempSync(join(tmpdir(), "mosn-ts-schema-"));
    writeFileSync(join(dir, "cfg.schema.json"), JSON.stringify(schema));
    expect(await configError(createHost({ plugin, rawConfig: { mode: "deny", limits: { a: "1" } }, schema: join(dir, "cfg.schema.json"), backends: "ts" }))).toBe(
      'invalid config for plugin "cfg": $.limits.a: expected number, got string',
    );
  });

  it("finds <plugin>.schema.json in MOSN_TS_SO_DIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mosn-ts-sodir-"));
    writeFileSync(join(dir, "cfg.schema.json"), JSON.stringify(schema));
    process.env.MOSN_TS_SO_DIR = dir;
    expect(await configError(createHost({ plugin, rawConfig: {}, backends: "ts" }))).toBe('invalid config for plugin "cfg": $.mode: missing required field');
  });

  it("accepts any config when there is no schema", async () => {
    delete process.env.MOSN_TS_SO_DIR;
    const host = await createHost({ plugin, rawConfig: { anything: [1] }, backends: "ts" });
    expect((await host.request()).logMessages()).toEqual(['{"anything":[1]}']);
    await host.close();
  });

  it("reads a string_value config as JSON text, reporting text that is not JSON", async () => {
    const host = await createHost({ plugin, rawConfig: '{"mode":"deny"}', encoding: "string_value", schema, backends: "ts" });
    expect((await host.request()).logMessages()).toEqual(['{"mode":"deny"}']);
    await host.close();
    expect(await configError(createHost({ plugin, rawConfig: '{"mode":', encoding: "string_value", schema, backends: "ts" }))).toBe(
      'invalid config for plugin "cfg": $: invalid JSON: Unexpected end of JSON input',
    );
  });

  it("needs an object for a typed_struct config", async () => {
    await expect(createHost({ plugin, rawConfig: [1], backends: "ts" })).rejects.toThrow(/typed_struct the config must be a JSON object/);
  });

  it("reports a broken schema file clearly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mosn-ts-schema-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ kind: "object", name: "X", fields: [{ name: "a", optional: false, type: { kind: "date" } }] }));
    await expect(createHost({ plugin, config: { mode: "allow" }, schema: join(dir, "bad.json"), backends: "ts" })).rejects.toThrow(
      /bad\.json: type descriptor \$\.fields\[0\]\.type: unknown kind "date"/,
    );
  });
});

describe("TsHost protocol operations", () => {
  it("logs and answers an unknown plugin as the runtime does", () => {
    const host = new TsHost({ plugins: [plugin] });
    const answer = host.config({ op: "config", plugin: "other", config: {} });
    expect(answer).toEqual({
      op: "config",
      ok: false,
      // Every library also registers the runtime's built-in consumers plugin.
      error: 'unknown plugin "other": this library registers "cfg", "mosn-ts-consumers"',
      logs: [{ level: "error", message: 'unknown plugin "other": this library registers "cfg", "mosn-ts-consumers"' }],
    });
  });

  it("answers with Envoy's generic text when the error line is below the log level", () => {
    const host = new TsHost({ plugins: [plugin], schemas: { cfg: schema } });
    const answer = host.config({ op: "config", plugin: "cfg", config: {}, logLevel: "critical" });
    expect(answer).toEqual({ op: "config", ok: false, error: "golang filter failed to parse plugin config", logs: [] });
  });

  it("keeps one generator per host: a later config cannot change the seed", () => {
    const host = new TsHost({ plugins: [plugin] });
    expect(host.config({ op: "config", plugin: "cfg", config: {}, seed: 1 })).toMatchObject({ ok: true, configId: 1 });
    expect(host.config({ op: "config", plugin: "cfg", config: {}, seed: 1 })).toMatchObject({ ok: true, configId: 2 });
    expect(() => host.config({ op: "config", plugin: "cfg", config: {}, seed: 2 })).toThrow(/already seeded with 1/);
  });

  it("runs a request on the config it names, by default the latest", async () => {
    const host = new TsHost({ plugins: [plugin] });
    host.config({ op: "config", plugin: "cfg", config: { mode: "allow" } });
    host.config({ op: "config", plugin: "cfg", config: { mode: "deny" } });
    const request = { headers: [[":method", "GET"], [":path", "/"]] as [string, string][] };
    expect((await host.request({ op: "request", id: "a", request })).logs).toEqual([{ level: "info", message: '{"mode":"deny"}' }]);
    expect((await host.request({ op: "request", id: "b", configId: 1, request })).logs).toEqual([{ level: "info", message: '{"mode":"allow"}' }]);
    await expect(host.request({ op: "request", id: "c", configId: 9, request })).rejects.toThrow("unknown configId 9");
  });
});

describe("TsHost: protocol v2 compatibility", () => {
  it("answers a v1 request for a v1 plugin with exactly the v1 fields", async () => {
    const host = new TsHost({ plugins: [plugin] });
    expect(Object.keys(host.config({ op: "config", plugin: "cfg", config: {} })).sort()).toEqual(["configId", "logs", "ok", "op"]);
    const result = await host.request({ op: "request", id: "a", request: { headers: [[":method", "GET"], [":path", "/"]] } });
    expect(Object.keys(result).sort()).toEqual(["id", "localReply", "logs", "op", "reset", "response", "trace", "upstream"]);
  });

  it("announces one worker count: a later config cannot change it", () => {
    const host = new TsHost({ plugins: [plugin] });
    expect(host.config({ op: "config", plugin: "cfg", config: {}, concurrency: 2 })).toMatchObject({ ok: true });
    expect(host.config({ op: "config", plugin: "cfg", config: {} })).toMatchObject({ ok: true });
    expect(() => host.config({ op: "config", plugin: "cfg", config: {}, concurrency: 3 })).toThrow(/announced concurrency 2/);
  });
});
