import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** A mosn-ts project as `mosn-ts build` sees it: its folder and plugin entry modules. */
export interface PluginProject {
  dir: string;
  entries: string[];
}

/** The CLI's default entries (packages/cli/src/project.ts), when package.json lists none. */
const DEFAULT_ENTRIES = ["src/filter.ts", "src/index.ts"];

/**
 * The project around `from`: the nearest package.json, if it belongs to a mosn-ts project
 * (it has a "mosn-ts" field) whose entries exist.
 * Null otherwise: then there is nothing to compile.
 */
export function findPluginProject(from: string): PluginProject | null {
  let dir = resolve(from);
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
  const settings = pkg["mosn-ts"];
  // `mosn-ts init` always writes the field; without it this is some other package (the SDK's own).
  if (typeof settings !== "object" || settings === null) return null;
  const listed = (settings as { entries?: unknown }).entries;
  if (Array.isArray(listed) && listed.every((e) => typeof e === "string")) {
    const entries = listed.map((e) => resolve(dir, e));
    return entries.length > 0 && entries.every((e) => existsSync(e)) ? { dir, entries } : null;
  }
  const found = DEFAULT_ENTRIES.map((e) => join(dir, e)).find((p) => existsSync(p));
  return found === undefined ? null : { dir, entries: [found] };
}

const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/**
 * The project's own modules the entries reach through relative imports, entries first. The
 * compiler's answer depends on these (and on packages, which change only on an install).
 */
export function reachableSources(entries: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT_SPECIFIER)) {
      const spec = match[1]!;
      if (!spec.startsWith(".")) continue;
      const target = resolveRelative(dirname(file), spec);
      if (target !== null && !seen.has(target)) pending.push(target);
    }
  }
  return [...seen];
}

/** `./x.js` → `./x.ts` as NodeNext resolution maps it, `./x` → `./x.ts` or `./x/index.ts`. */
function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(from, spec);
  const stem = base.replace(/\.(m|c)?js$/, "");
  const candidates = [
    base.endsWith(".ts") ? base : null,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    `${stem}.cts`,
    join(base, "index.ts"),
  ].filter((c): c is string => c !== null);
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/**
 * A hash of everything the config types are computed from: the sources, the project's
 * package.json and tsconfig.json, and the compiler that reads them.
 */
export function sourcesFingerprint(project: PluginProject, sources: string[], compilerEntry: string): string {
  const hash = createHash("sha256");
  const add = (label: string, content: string | Buffer) => {
    hash.update(`${label}\0${content.length}\0`);
    hash.update(content);
  };
  add("compiler", `${compilerEntry}@${statSync(compilerEntry).mtimeMs}`);
  for (const name of ["package.json", "tsconfig.json"]) {
    const file = join(project.dir, name);
    if (existsSync(file)) add(name, readFileSync(file));
  }
  add("entries", project.entries.join("\n"));
  for (const file of sources) add(file, readFileSync(file));
  return hash.digest("hex").slice(0, 32);
}
