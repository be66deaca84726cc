import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa, type Result } from "execa";

export const repoRoot = resolve(import.meta.dirname, "..", "..", "..");
const cliBin = resolve(import.meta.dirname, "..", "bin", "mosn-ts.js");

/** Runs the built CLI as a user would, never throwing on a non-zero exit. */
export function mosnTs(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Result> {
  return execa(process.execPath, [cliBin, ...args], { cwd, env, reject: false, all: true });
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mosn-ts-${prefix}-`));
}

/** The dynamic symbols a shared object defines (`nm -D --defined-only`). */
export async function exportedSymbols(so: string): Promise<string[]> {
  const { stdout } = await execa("nm", ["-D", "--defined-only", so]);
  return stdout
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((parts) => parts.length === 3 && parts[1] === "T")
    .map((parts) => parts[2]!);
}

/** Every symbol Envoy v1.39's golang-filter loader resolves with dlsym (contrib/golang/common/dso/dso.cc). */
export const ENVOY_HTTP_SYMBOLS = [
  "envoyGoFilterNewHttpPluginConfig",
  "envoyGoFilterMergeHttpPluginConfig",
  "envoyGoFilterDestroyHttpPluginConfig",
  "envoyGoFilterOnHttpHeader",
  "envoyGoFilterOnHttpData",
  "envoyGoFilterOnHttpLog",
  "envoyGoFilterOnHttpStreamComplete",
  "envoyGoFilterOnHttpDestroy",
  "envoyGoRequestSemaDec",
  "envoyGoFilterCleanUp",
];

/** Text without ANSI color codes (child tools color their output when FORCE_COLOR is inherited). */
export function plain(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (text ?? "").replace(/\u001b\[[0-9;]*m/g, "");
}
