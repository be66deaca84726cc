import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileProject } from "@mosn-ts/compiler";
import { CliError } from "../errors.js";
import { runtimeDir } from "../locations.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { loadProject } from "../project.js";

/** `mosn-ts check`: type-checks and compiles without building, printing diagnostics like tsc. */
export function check(options: { project?: string }, log: (line: string) => void): void {
  const project = loadProject(options.project);
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
    log(`no errors (${result.plugins.map((p) => p.name).join(", ")})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
