import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkTypeDescriptor, type TypeDescriptor } from "../type-descriptor.js";
import { findPluginProject, reachableSources, sourcesFingerprint, type PluginProject } from "./project-sources.js";

/** The part of @mosn-ts/compiler used here (its public API, docs/architecture.md). */
interface Compiler {
  compileProject(options: { projectDir: string; entries: string[]; outDir: string; runtimeDir: string; moduleName: string }): {
    ok: boolean;
    diagnostics: { severity: string }[];
    plugins: { name: string; schema: unknown }[];
  };
  formatDiagnostic(d: unknown, options?: { cwd?: string }): string;
}

/** Config types by plugin name. */
type Schemas = Record<string, TypeDescriptor>;

/** One computation per fingerprint in this process; vitest workers share the disk cache. */
const computed = new Map<string, Promise<Schemas>>();
let warnedNoCompiler = false;

/**
 * The config type of `pluginName` as `mosn-ts build` derives it from the TypeScript source,
 * for runs without a build (`npx vitest run`, `mosn-ts test --backend ts`): so the TypeScript
 * host rejects a config with the text the compiled plugin would. Undefined when `from` is in
 * no mosn-ts project, when its entries define no such plugin, or when @mosn-ts/compiler is
 * not installed (a warning says so). Cached on disk by a hash of the sources.
 */
export async function sourceSchema(pluginName: string, from: string = process.cwd()): Promise<TypeDescriptor | undefined> {
  return (await projectSchemas(from))?.[pluginName];
}

/**
 * Starts computing the config types of the project around `from` without waiting: called
 * when a vitest worker imports the test API, so that a cold computation (a few seconds after
 * a source change) runs while vitest collects the test file, not inside a test's timeout.
 */
export function prefetchSourceSchemas(from: string = process.cwd()): void {
  projectSchemas(from).catch(() => {
    // createHost reports it, if a test needs the schema.
  });
}

/** The config types of the project around `from`; undefined when there is none to compile. */
async function projectSchemas(from: string): Promise<Schemas | undefined> {
  const project = findPluginProject(from);
  if (project === null) return undefined;
  const compilerEntry = findCompiler(project.dir);
  if (compilerEntry === null) {
    if (!warnedNoCompiler) {
      warnedNoCompiler = true;
      console.warn(`mosn-ts: @mosn-ts/compiler is not installed in ${project.dir}: plugin configs are not validated on the TypeScript backend`);
    }
    return undefined;
  }
  const fingerprint = sourcesFingerprint(project, reachableSources(project.entries), compilerEntry);
  let schemas = computed.get(fingerprint);
  if (schemas === undefined) {
    schemas = cachedOrCompiled(project, compilerEntry, fingerprint);
    computed.set(fingerprint, schemas);
    schemas.catch(() => computed.delete(fingerprint));
  }
  return schemas;
}

/** @mosn-ts/compiler as the project resolves it: its own dependency, or the CLI's. */
function findCompiler(projectDir: string): string | null {
  const fromProject = createRequire(join(projectDir, "package.json"));
  try {
    return fromProject.resolve("@mosn-ts/compiler");
  } catch {
    // Not a direct dependency: the CLI brings it.
  }
  try {
    return createRequire(fromProject.resolve("@mosn-ts/cli/package.json")).resolve("@mosn-ts/compiler");
  } catch {
    return null;
  }
}

async function cachedOrCompiled(project: PluginProject, compilerEntry: string, fingerprint: string): Promise<Schemas> {
  const cacheDir = join(project.dir, "node_modules", ".cache", "mosn-ts", "config-schemas");
  const cacheFile = join(cacheDir, `${fingerprint}.json`);
  try {
    return checked(JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, unknown>);
  } catch {
    // Not computed yet for these sources (or unreadable): compute it.
  }
  const compiler = (await import(pathToFileURL(compilerEntry).href)) as Compiler;
  const schemas = compile(compiler, project);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Only the current sources' entry is worth keeping.
    for (const old of readdirSync(cacheDir)) if (old.endsWith(".json")) rmSync(join(cacheDir, old), { force: true });
    const partial = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(schemas));
    renameSync(partial, cacheFile);
  } catch {
    // A cache that cannot be written costs time, not correctness.
  }
  return schemas;
}

/** Runs the compiler's front end and lowering into a scratch folder; only the schemas are kept. */
function compile(compiler: Compiler, project: PluginProject): Schemas {
  const outDir = mkdtempSync(join(tmpdir(), "mosn-ts-schema-"));
  try {
    const result = compiler.compileProject({ projectDir: project.dir, entries: project.entries, outDir, runtimeDir: outDir, moduleName: "mosnts.local/schema" });
    if (!result.ok) {
      const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => compiler.formatDiagnostic(d, { cwd: project.dir }));
      throw new Error(
        `cannot derive the config types of the plugins in ${project.dir}: the compiler reports\n${errors.join("\n")}\n` +
          "(fix the source, as `mosn-ts build` would need; or pass `schema: null` to createHost to skip config validation)",
      );
    }
    return checked(Object.fromEntries(result.plugins.map((p) => [p.name, p.schema])));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function checked(raw: Record<string, unknown>): Schemas {
  return Object.fromEntries(Object.entries(raw).map(([name, schema]) => [name, checkTypeDescriptor(schema)]));
}
