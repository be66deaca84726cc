import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { compileProject, type CompileResult } from "@mosn-ts/compiler";
import { resolveEnvoyTarget, type EnvoyTarget } from "../envoy-versions.js";
import { CliError } from "../errors.js";
import { filterSnippet } from "../envoy-yaml.js";
import { goBuild } from "../go-build.js";
import { runtimeDir } from "../locations.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { loadProject, type Project } from "../project.js";

export interface BuildOptions {
  project?: string;
  envoy?: string;
}

export interface BuildOutput {
  project: Project;
  envoy: EnvoyTarget;
  soPath: string;
  plugins: CompileResult["plugins"];
}

/** `mosn-ts build`: TypeScript → dist/go → dist/<name>.so, plus envoy.yaml and config schemas. */
export async function build(options: BuildOptions, log: (line: string) => void): Promise<BuildOutput> {
  const project = loadProject(options.project);
  const envoy = resolveEnvoyTarget(options.envoy ?? project.envoy);
  const result = compileProject({
    projectDir: project.dir,
    entries: project.entries,
    outDir: project.goDir,
    runtimeDir: runtimeDir(),
    moduleName: `mosnts.local/${goModuleSegment(project.name)}`,
  });
  printDiagnostics(result.diagnostics);
  const soName = result.plugins.length === 1 ? result.plugins[0]!.name : project.name;
  const soPath = join(project.distDir, `${soName}.so`);
  if (!result.ok) {
    // A stale library from an earlier build must not pass for this one.
    rmSync(soPath, { force: true });
    throw new CliError(`build failed: ${countErrors(result)} error(s); no .so was written`);
  }
  mkdirSync(project.distDir, { recursive: true });
  await goBuild({ goDir: project.goDir, output: soPath, mode: "c-shared", tags: [envoy.buildTag] });
  for (const plugin of result.plugins) {
    writeFileSync(join(project.distDir, `${plugin.name}.schema.json`), JSON.stringify(plugin.schema, null, 2) + "\n");
  }
  writeFileSync(
    join(project.distDir, "envoy.yaml"),
    filterSnippet({
      libraryId: soName,
      libraryPath: `/etc/envoy/${soName}.so`,
      plugins: result.plugins.map((p) => ({ name: p.name, config: project.configs[p.name] })),
      consumers: project.consumers,
      envoy,
    }),
  );
  const rel = (p: string) => relative(process.cwd(), p) || ".";
  log(`built ${rel(soPath)} (${result.plugins.map((p) => p.name).join(", ")}) for Envoy ${envoy.version}`);
  log(`  generated Go: ${rel(project.goDir)}   Envoy config: ${rel(join(project.distDir, "envoy.yaml"))}`);
  return { project, envoy, soPath, plugins: result.plugins };
}

function countErrors(result: CompileResult): number {
  return result.diagnostics.filter((d) => d.severity === "error").length;
}

/** A Go module path segment: lower-case letters, digits, dots, dashes. */
function goModuleSegment(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-") || "plugin";
}
