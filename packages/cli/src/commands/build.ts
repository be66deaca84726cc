import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { compileProject, type CompileResult, goModuleElement } from "@mosn-ts/compiler";
import { removeArtifacts, removeStaleGoFiles, replaceArtifacts } from "../artifacts.js";
import { checkProjectConfigs } from "../config-check.js";
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
    moduleName: `mosnts.local/${goModuleElement(project.name, "plugin")}`,
  });
  printDiagnostics(result.diagnostics);
  const soName = result.plugins.length === 1 ? result.plugins[0]!.name : project.name;
  const soPath = join(project.distDir, `${soName}.so`);
  try {
    if (!result.ok) throw new CliError(`build failed: ${countErrors(result)} error(s); no .so was written`);
    removeStaleGoFiles(project.goDir, result.goFiles);
    const pkgPath = join(project.dir, "package.json");
    for (const warning of checkProjectConfigs(pkgPath, result.plugins, project.configs, project.consumers)) {
      log(`warning: ${warning}`);
    }
    mkdirSync(project.distDir, { recursive: true });
    await goBuild({ goDir: project.goDir, output: soPath, mode: "c-shared", tags: [envoy.buildTag] });
  } catch (err) {
    // A stale library from an earlier build must not pass for this one.
    removeArtifacts(project.distDir);
    rmSync(soPath, { force: true });
    throw err;
  }
  const written = [`${soName}.so`];
  // Go writes a C header beside a c-shared library when the main package exports functions.
  if (existsSync(join(project.distDir, `${soName}.h`))) written.push(`${soName}.h`);
  for (const plugin of result.plugins) {
    const schemaFile = `${plugin.name}.schema.json`;
    writeFileSync(join(project.distDir, schemaFile), JSON.stringify(plugin.schema, null, 2) + "\n");
    written.push(schemaFile);
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
  written.push("envoy.yaml");
  replaceArtifacts(project.distDir, written);
  const rel = (p: string) => relative(process.cwd(), p) || ".";
  log(`built ${rel(soPath)} (${result.plugins.map((p) => p.name).join(", ")}) for Envoy ${envoy.version}`);
  log(`  generated Go: ${rel(project.goDir)}   Envoy config: ${rel(join(project.distDir, "envoy.yaml"))}`);
  return { project, envoy, soPath, plugins: result.plugins };
}

function countErrors(result: CompileResult): number {
  return result.diagnostics.filter((d) => d.severity === "error").length;
}

