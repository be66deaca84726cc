import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CliError } from "./errors.js";

const cliRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The @mosn-ts/cli package folder (holds templates/). */
export function cliPackageDir(): string {
  return cliRoot;
}

export function templatesDir(): string {
  return join(cliRoot, "templates");
}

/**
 * The envoy-go-runtime Go module. A packed CLI carries it in `runtime/`; in the repository it
 * sits two levels up. MOSN_TS_RUNTIME_DIR overrides both, for development.
 */
export function runtimeDir(): string {
  const candidates = [
    process.env.MOSN_TS_RUNTIME_DIR,
    join(cliRoot, "runtime"),
    resolve(cliRoot, "..", "..", "envoy-go-runtime"),
  ].filter((p): p is string => typeof p === "string" && p !== "");
  for (const dir of candidates) {
    if (existsSync(join(dir, "go.mod"))) return dir;
  }
  throw new CliError(
    `cannot find envoy-go-runtime (looked in ${candidates.join(", ")}); set MOSN_TS_RUNTIME_DIR`,
  );
}

/** Where built tools (the mock host) are cached between runs. */
export function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "mosn-ts");
}

/** The monorepo packages a scaffolded project links to. */
export function sdkPackageDir(): string {
  return resolve(cliRoot, "..", "sdk");
}
