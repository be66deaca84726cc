// Building what the suite and the benchmark drive: the TypeScript packages (when their
// dist is stale), the mock host, the official-SDK reference libraries and the TypeScript
// twins (through the mosn-ts CLI).
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { goEnv, run } from "./proc.mjs";

export const conformanceDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(conformanceDir, "..");
export const referenceModule = join(conformanceDir, "reference");
const runtimeDir = join(repoRoot, "envoy-go-runtime");

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** Builds @mosn-ts/sdk, compiler and cli with tsc when a source is newer than their dist. */
export function ensureTypeScriptPackages(log) {
  for (const name of ["sdk", "compiler", "cli"]) {
    const pkg = join(repoRoot, "packages", name);
    const dist = join(pkg, "dist");
    if (existsSync(dist) && newestMtime(join(pkg, "src")) <= newestMtime(dist)) continue;
    log(`building packages/${name} (dist is stale)`);
    run(join(pkg, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], { cwd: pkg });
  }
}

/** The mock host binary, built by its own Makefile into buildDir. */
export function buildMockHost(buildDir) {
  run("make", ["-s", "-C", join(runtimeDir, "mockhost"), `BUILD_DIR=${buildDir}`]);
  return join(buildDir, "mosn-ts-mockhost");
}

/**
 * A reference library: `go build -buildmode=c-shared` of a main package of the reference
 * module (which downloads github.com/envoyproxy/envoy through the Go proxy on first use).
 */
export function buildReference(pkg, output, { experiment, tags = [] } = {}) {
  mkdirSync(dirname(output), { recursive: true });
  const args = ["build", "-buildmode=c-shared", "-o", output];
  if (tags.length > 0) args.push("-tags", tags.join(","));
  args.push(pkg);
  run("go", args, { cwd: referenceModule, env: goEnv(experiment ? { GOEXPERIMENT: experiment } : {}) });
  return output;
}

/**
 * A TypeScript project built by the CLI (`mosn-ts build -p dir`); the library it wrote is
 * copied to output. Returns the generated Go folder as well.
 */
export function buildTwin(projectDir, soName, output, { experiment } = {}) {
  const cli = join(repoRoot, "packages", "cli", "bin", "mosn-ts.js");
  run(process.execPath, [cli, "build", "-p", projectDir], {
    cwd: repoRoot,
    env: goEnv(experiment ? { GOEXPERIMENT: experiment } : {}),
  });
  mkdirSync(dirname(output), { recursive: true });
  copyFileSync(join(projectDir, "dist", `${soName}.so`), output);
  return { library: output, goDir: join(projectDir, "dist", "go") };
}
