import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { CliError } from "./errors.js";
import { resolveUserPath } from "./user-paths.js";

/** Settings of a mosn-ts project: package.json plus its optional "mosn-ts" field. */
export interface Project {
  dir: string;
  /** package.json "name", without an npm scope. */
  name: string;
  /** Plugin entry modules, absolute. */
  entries: string[];
  /** Envoy version from settings, if any (the --envoy flag wins). */
  envoy?: string;
  /** Example plugin configs by plugin name, used for the generated envoy.yaml and `mosn-ts run`. */
  configs: Record<string, unknown>;
  /** The library's consumers (the `mosn-ts-consumers` config), if the project declares any. */
  consumers?: unknown[];
  distDir: string;
  goDir: string;
}

interface ProjectSettings {
  entries?: unknown;
  envoy?: unknown;
  configs?: unknown;
  consumers?: unknown;
}

const DEFAULT_ENTRIES = ["src/filter.ts", "src/index.ts"];

/** Loads the project in `dirArg` (as the user typed it, see resolveUserPath), else in the current folder. */
export function loadProject(dirArg: string | undefined): Project {
  const dir = dirArg === undefined ? process.cwd() : resolveUserPath(dirArg);
  const pkgPath = join(dir, "package.json");
  if (!existsSync(pkgPath)) {
    throw new CliError(`${dir} is not a mosn-ts project: no package.json (create one with \`mosn-ts init\`)`);
  }
  let pkg: { name?: unknown; "mosn-ts"?: ProjectSettings };
  try {
    pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
  } catch (err) {
    throw new CliError(`${pkgPath}: invalid JSON: ${(err as Error).message}`);
  }
  const settings = pkg["mosn-ts"] ?? {};
  const name = typeof pkg.name === "string" && pkg.name !== "" ? pkg.name.replace(/^@[^/]+\//, "") : basename(dir);
  const distDir = join(dir, "dist");
  return {
    dir,
    name,
    entries: resolveEntries(dir, settings.entries, pkgPath),
    envoy: typeof settings.envoy === "string" ? settings.envoy : undefined,
    configs: isPlainObject(settings.configs) ? settings.configs : {},
    consumers: readConsumers(settings.consumers, pkgPath),
    distDir,
    goDir: join(distDir, "go"),
  };
}

function resolveEntries(dir: string, configured: unknown, pkgPath: string): string[] {
  if (configured !== undefined) {
    if (!Array.isArray(configured) || configured.length === 0 || !configured.every((e) => typeof e === "string")) {
      throw new CliError(`${pkgPath}: "mosn-ts".entries must be a non-empty array of file paths`);
    }
    return configured.map((entry) => {
      const abs = resolve(dir, entry);
      if (!existsSync(abs)) throw new CliError(`${pkgPath}: entry ${entry} does not exist`);
      return abs;
    });
  }
  const found = DEFAULT_ENTRIES.map((e) => join(dir, e)).find((p) => existsSync(p));
  if (!found) {
    throw new CliError(
      `no plugin entry in ${dir}: create src/filter.ts or list entries in package.json under "mosn-ts"`,
    );
  }
  return [found];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readConsumers(value: unknown, pkgPath: string): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new CliError(`${pkgPath}: "mosn-ts".consumers must be an array of consumers`);
  return value;
}
