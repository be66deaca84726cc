import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { parseBackends } from "../backends.js";
import { CliError } from "../errors.js";
import { ensureMockHost } from "../mockhost-build.js";
import { loadProject } from "../project.js";
import { build } from "./build.js";

export interface TestOptions {
  project?: string;
  envoy?: string;
  backend?: string;
}

/**
 * `mosn-ts test`: builds the .so and the mock host, then runs the project's vitest tests with
 * every host request executed on the TypeScript source and on the compiled .so, compared.
 */
export async function test(options: TestOptions, vitestArgs: string[], log: (line: string) => void): Promise<number> {
  const backends = parseBackends(options.backend);
  const project = loadProject(options.project);
  const vitest = join(project.dir, "node_modules", ".bin", "vitest");
  if (!existsSync(vitest)) {
    throw new CliError(`vitest is not installed in ${project.dir}: add "vitest" to devDependencies and install`);
  }
  const env: Record<string, string> = { MOSN_TS_BACKENDS: backends };
  if (backends !== "ts") {
    const built = await build({ project: project.dir, envoy: options.envoy }, log);
    env.MOSN_TS_MOCKHOST = await ensureMockHost();
    env.MOSN_TS_SO_DIR = project.distDir;
    log(`testing on backends: ${backends === "both" ? "TypeScript and native (compared)" : "native"} — ${built.soPath}`);
  } else {
    // No build: the SDK derives the config types from the source (docs/testing.md, createHost).
    log("testing on the TypeScript backend only (configs checked against the types in the source)");
  }
  const result = await execa(vitest, ["run", ...vitestArgs], {
    cwd: project.dir,
    env,
    stdio: "inherit",
    reject: false,
  });
  return result.exitCode ?? 1;
}
