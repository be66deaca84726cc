import { CliError } from "./errors.js";

/**
 * Envoy releases whose golang-filter ABI the runtime implements. 1.38.3 and 1.39.1 ship a
 * byte-identical api.h and the same exports, so both map to one ABI shape.
 */
const SUPPORTED: Record<string, { release: string; abi: string }> = {
  "1.39": { release: "v1.39.1", abi: "envoy1.39" },
  "1.38": { release: "v1.38.3", abi: "envoy1.39" },
};

export const DEFAULT_ENVOY = "1.39";

export interface EnvoyTarget {
  /** The user's spelling, normalised to major.minor. */
  version: string;
  /** The Envoy release whose api.h defines the ABI. */
  release: string;
  /** The Go build tag selecting the ABI shape. */
  buildTag: string;
}

export function resolveEnvoyTarget(requested: string | undefined): EnvoyTarget {
  const version = normalise(requested ?? DEFAULT_ENVOY);
  const target = SUPPORTED[version];
  if (!target) {
    throw new CliError(
      `Envoy ${requested} is not supported: the golang filter ABI is unversioned and a .so built ` +
        `for another release can crash Envoy. Supported: ${Object.keys(SUPPORTED).join(", ")}.`,
    );
  }
  return { version, release: target.release, buildTag: target.abi };
}

function normalise(v: string): string {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(v.trim());
  return m ? `${m[1]}.${m[2]}` : v;
}
