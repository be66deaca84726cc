import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";

export const repoRoot = resolve(import.meta.dirname, "..", "..", "..");
const cliBin = resolve(import.meta.dirname, "..", "bin", "mosn-ts.js");

/**
 * Runs the built CLI as a user would, never throwing on a non-zero exit. What npm or pnpm set
 * for the run of these tests (INIT_CWD, the running script) is not passed on: it would change
 * how the CLI resolves paths. Tests that want it give it in `env`.
 */
export async function mosnTs(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const base = { ...process.env };
  for (const key of ["INIT_CWD", "npm_package_json", "npm_lifecycle_event"]) delete base[key];
  const run = await execa(process.execPath, [cliBin, ...args], { cwd, env: { ...base, ...env }, extendEnv: false, reject: false, all: true });
  return { exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr, all: run.all };
}

/** What a CLI run printed and how it ended. */
export interface CliRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved. */
  all: string;
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
