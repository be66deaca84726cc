// Builds what the native backend needs for a compiled plugin project: the generated Go as a
// c-shared library and the mock host (envoy-go-runtime/mockhost), as `mosn-ts test` does.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { compileProject, formatDiagnostic, type CompiledPlugin } from "../../src/index.js";
import { runtimeDir } from "./paths.js";

/** Why the native backend cannot be built here, or null when it can. */
export function missingNativeTools(): string | null {
  if (!existsSync(join(runtimeDir, "mockhost", "Makefile"))) return `no mock host sources in ${runtimeDir}/mockhost`;
  for (const [tool, arg] of [
    ["go", "version"],
    ["make", "--version"],
    ["cc", "--version"],
  ] as const) {
    if (spawnSync(tool, [arg], { stdio: "ignore" }).status !== 0) return `\`${tool}\` is not available`;
  }
  return null;
}

export interface NativeBuild {
  /** The mock host binary (what MOSN_TS_MOCKHOST names). */
  hostBinary: string;
  soPath: string;
  /** The compiled plugins with their config type descriptors, by name. */
  plugins: Map<string, CompiledPlugin>;
}

/**
 * Compiles the plugin entries of `projectDir`, builds them into `<workDir>/<name>.so` and the
 * mock host into `workDir`. Keeping `workDir` between runs lets Go's build cache and make
 * skip what did not change.
 */
export function buildNative(projectDir: string, entries: string[], workDir: string, name: string): NativeBuild {
  const goDir = join(workDir, "go");
  const result = compileProject({ projectDir, entries, outDir: goDir, runtimeDir, moduleName: `mosnts.local/${name}` });
  if (!result.ok) throw new Error(`compiling ${projectDir} failed:\n${result.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}`);
  const soPath = join(workDir, `${name}.so`);
  const go = spawnSync("go", ["build", "-buildmode=c-shared", "-o", soPath, "."], { cwd: goDir, env: { ...process.env, GOWORK: "off", CGO_ENABLED: "1" }, encoding: "utf8" });
  if (go.status !== 0) throw new Error(`go build of the generated code failed:\n${go.stderr}`);
  mkdirSync(workDir, { recursive: true });
  const make = spawnSync("make", ["-s", "-C", join(runtimeDir, "mockhost"), `BUILD_DIR=${workDir}`], { encoding: "utf8" });
  if (make.status !== 0) throw new Error(`building the mock host failed:\n${make.stdout}${make.stderr}`);
  return { hostBinary: join(workDir, "mosn-ts-mockhost"), soPath, plugins: new Map(result.plugins.map((p) => [p.name, p])) };
}
