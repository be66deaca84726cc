import { CliError } from "./errors.js";

/** Where plugin code runs: its TypeScript in Node, the compiled .so in the mock host, or both, compared. */
export type Backends = "ts" | "native" | "both";

export function parseBackends(value: string | undefined): Backends {
  const v = value ?? "both";
  if (v === "ts" || v === "native" || v === "both") return v;
  throw new CliError(`--backend must be ts, native or both (got ${value})`);
}
