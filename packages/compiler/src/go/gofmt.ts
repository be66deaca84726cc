import { spawnSync } from "node:child_process";

/** Formats Go source with gofmt; returns the formatted text or gofmt's error. */
export function gofmt(source: string): { ok: true; text: string } | { ok: false; error: string } {
  const r = spawnSync("gofmt", [], { input: source, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return { ok: false, error: `cannot run gofmt: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, error: r.stderr.trim() };
  return { ok: true, text: r.stdout };
}
