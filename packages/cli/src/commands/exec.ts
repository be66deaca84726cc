import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileProgram } from "@mosn-ts/compiler";
import { execa } from "execa";
import { CliError } from "../errors.js";
import { goBuild } from "../go-build.js";
import { runtimeDir } from "../locations.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { resolveUserPath } from "../user-paths.js";

/**
 * `mosn-ts exec <file.ts>`: compiles a standalone program to Go, runs it and returns its exit
 * code. Its stdout is exactly the program's console output.
 */
export async function exec(file: string, options: { keep?: boolean }, args: string[]): Promise<number> {
  const source = resolveUserPath(file);
  checkProgramFile(file, source);
  const scratch = mkdtempSync(join(tmpdir(), "mosn-ts-exec-"));
  try {
    const goDir = join(scratch, "go");
    const result = compileProgram({ file: source, outDir: goDir, runtimeDir: runtimeDir() });
    printDiagnostics(result.diagnostics);
    if (!result.ok) {
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      throw new CliError(`cannot compile the program ${file}: ${errors} error(s)`);
    }
    const binary = join(scratch, "program");
    await goBuild({ goDir, output: binary, mode: "exe", temporary: !options.keep });
    const run = await execa(binary, args, { stdio: "inherit", reject: false });
    if (options.keep) process.stderr.write(`generated Go of ${file} kept in ${goDir}\n`);
    return run.exitCode ?? 1;
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

/** A missing file or a folder is the user's mistake, said plainly rather than as a compiler diagnostic. */
function checkProgramFile(typed: string, path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new CliError(`cannot run the program ${typed}: no such file (${path})`);
  }
  if (!isFile) throw new CliError(`cannot run the program ${typed}: ${path} is not a file`);
}
