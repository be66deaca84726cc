import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PluginDefinition } from "../plugin.js";
import { NativeHost } from "./native/native-host.js";
import type { ConfigAnswer, ConfigOp, RequestOp, RequestResultData } from "./protocol.js";
import { sourceSchema } from "./source-schema/source-schemas.js";
import { TsHost } from "./ts-host/ts-host.js";
import { checkTypeDescriptor, type TypeDescriptor } from "./type-descriptor.js";

/** One implementation of the host protocol. */
export interface Backend {
  /** "ts", "native", or a test's own name. */
  readonly name: string;
  config(op: ConfigOp): Promise<ConfigAnswer>;
  request(op: RequestOp): Promise<RequestResultData>;
  close(): Promise<void>;
}

export type BackendSelection = "ts" | "native" | "both";

/** MOSN_TS_BACKENDS, defaulting to both when `mosn-ts test` provided a native host, else ts. */
export function selectedBackends(env: NodeJS.ProcessEnv = process.env): BackendSelection {
  const value = env.MOSN_TS_BACKENDS;
  if (value === undefined || value === "") {
    return env.MOSN_TS_MOCKHOST && env.MOSN_TS_SO_DIR ? "both" : "ts";
  }
  if (value === "ts" || value === "native" || value === "both") return value;
  throw new Error(`MOSN_TS_BACKENDS must be ts, native or both (got ${JSON.stringify(value)})`);
}

export function tsBackend(plugin: PluginDefinition<unknown, unknown>, schema: TypeDescriptor | undefined): Backend {
  const host = new TsHost({ plugins: [plugin], schemas: { [plugin.name]: schema } });
  return {
    name: "ts",
    config: async (op) => host.config(op),
    request: async (op) => host.request(op),
    close: async () => {},
  };
}

export interface NativeLocation {
  binary: string;
  soPath: string;
}

/**
 * The native host and the .so for `pluginName`: an explicit `soPath`, else
 * `$MOSN_TS_SO_DIR/<plugin>.so`, else the only .so in that folder (a project with several
 * plugins names its .so after the package).
 */
export function nativeLocation(pluginName: string, soPath: string | undefined, env: NodeJS.ProcessEnv = process.env): NativeLocation {
  const binary = env.MOSN_TS_MOCKHOST;
  if (!binary) throw new Error("the native backend needs MOSN_TS_MOCKHOST (the mock host binary); run the tests with `mosn-ts test`");
  if (soPath !== undefined) return { binary, soPath };
  const dir = env.MOSN_TS_SO_DIR;
  if (!dir) throw new Error("the native backend needs MOSN_TS_SO_DIR (the folder of the built .so) or the soPath option");
  const named = join(dir, `${pluginName}.so`);
  if (existsSync(named)) return { binary, soPath: named };
  const all = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".so")) : [];
  if (all.length === 1) return { binary, soPath: join(dir, all[0]!) };
  throw new Error(
    `cannot find the .so of plugin ${JSON.stringify(pluginName)}: no ${named}` +
      (all.length > 1 ? ` and several .so files in ${dir} (${all.join(", ")}); pass soPath` : ""),
  );
}

export function nativeBackend(location: NativeLocation, seed: number | undefined): Backend {
  const host = new NativeHost({ binary: location.binary, soPath: location.soPath, seed });
  return {
    name: "native",
    config: (op) => host.config(op),
    request: (op) => host.request(op),
    close: () => host.close(),
  };
}

/**
 * The config type the TypeScript host validates against: the given descriptor or schema file;
 * else `$MOSN_TS_SO_DIR/<plugin>.schema.json`, which `mosn-ts build` wrote with the .so; else
 * (no build: `npx vitest run`, `mosn-ts test --backend ts`) the one the compiler derives from
 * the project's source. Undefined (accept any config) with `null`, or when none is found.
 */
export async function configSchema(pluginName: string, option: TypeDescriptor | string | null | undefined, env: NodeJS.ProcessEnv = process.env): Promise<TypeDescriptor | undefined> {
  if (option !== undefined) return loadSchema(pluginName, option, env);
  return loadSchema(pluginName, undefined, env) ?? (await sourceSchema(pluginName));
}

/**
 * The config type the TypeScript host validates against: the given descriptor, the given
 * schema file, or `$MOSN_TS_SO_DIR/<plugin>.schema.json`; none means accept any config.
 */
export function loadSchema(pluginName: string, option: TypeDescriptor | string | null | undefined, env: NodeJS.ProcessEnv = process.env): TypeDescriptor | undefined {
  if (option === null) return undefined;
  if (typeof option === "object") return checkTypeDescriptor(option);
  let file = option;
  if (file === undefined) {
    if (!env.MOSN_TS_SO_DIR) return undefined;
    file = join(env.MOSN_TS_SO_DIR, `${pluginName}.schema.json`);
    if (!existsSync(file)) return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`cannot read the config schema ${file}: ${(err as Error).message}`);
  }
  try {
    return checkTypeDescriptor(parsed);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
