import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * What `mosn-ts build` wrote into dist/ last time, so the next build can remove what it no
 * longer produces (a renamed plugin's old .so must not be found by tests) without touching
 * files it did not write.
 */
const MANIFEST = ".mosn-ts-artifacts.json";

/** The file names (relative to dist/) the previous build recorded. */
export function previousArtifacts(distDir: string): string[] {
  const path = join(distDir, MANIFEST);
  if (!existsSync(path)) return [];
  try {
    const files = (JSON.parse(readFileSync(path, "utf8")) as { files?: unknown }).files;
    // Only plain names: a hand-edited manifest must not make a build delete outside dist/.
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === "string" && /^[^/\\]+$/.test(f) && f !== "..") : [];
  } catch {
    return [];
  }
}

/** Removes the previous build's files that are not in `keep`, then records `keep`. */
export function replaceArtifacts(distDir: string, keep: string[]): void {
  for (const name of previousArtifacts(distDir)) {
    if (!keep.includes(name)) rmSync(join(distDir, name), { force: true });
  }
  writeFileSync(join(distDir, MANIFEST), JSON.stringify({ files: keep }, null, 2) + "\n");
}

/** After a failed build: nothing an earlier build left may pass for this one. */
export function removeArtifacts(distDir: string): void {
  for (const name of previousArtifacts(distDir)) rmSync(join(distDir, name), { force: true });
  rmSync(join(distDir, MANIFEST), { force: true });
}

/** Removes .go files in the generated Go folder that this compile did not write (a renamed module's). */
export function removeStaleGoFiles(goDir: string, written: readonly string[]): void {
  if (!existsSync(goDir)) return;
  const keep = new Set(written.map((p) => resolve(p)));
  for (const name of readdirSync(goDir)) {
    const path = resolve(goDir, name);
    if (name.endsWith(".go") && !keep.has(path)) rmSync(path, { force: true });
  }
}
