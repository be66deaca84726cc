import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileProject, type CompileResult } from "@mosn-ts/compiler";
import { CliError } from "./errors.js";
import { runtimeDir } from "./locations.js";
import { printDiagnostics } from "./print-diagnostics.js";
import type { Project } from "./project.js";

/**
 * Type-checks and compiles the project's entries into a scratch folder that is then removed,
 * printing diagnostics like tsc; throws when there are errors. What is kept: the plugins'
 * names and config types, as `mosn-ts build` would write them.
 */
export function compileWithoutBuild(project: Project): CompileResult["plugins"] {
  const scratch = mkdtempSync(join(tmpdir(), "mosn-ts-check-"));
  try {
    const result = compileProject({
      projectDir: project.dir,
      entries: project.entries,
      outDir: join(scratch, "go"),
      runtimeDir: runtimeDir(),
      moduleName: "mosnts.local/check",
    });
    printDiagnostics(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    if (errors > 0) throw new CliError(`found ${errors} error(s)`);
    return result.plugins;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
