import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { compileProgram } from "@mosn-ts/compiler";
import { execa } from "execa";
import { CliError } from "../errors.js";
import { goBuild } from "../go-build.js";
import { runtimeDir } from "../locations.js";
import { printDiagnostics } from "../print-diagnostics.js";

/**
 * `mosn-ts exec <file.ts>`: compiles a standalone program to Go, runs it and returns its exit
 * code. Its stdout is exactly the program's console output.
 */
export async function exec(file: string, options: { keep?: boolean }, args: string[]): Promise<number> {
  const source = resolve(file);
  const scratch = mkdtempSync(join(tmpdir(), "mosn-ts-exec-"));
  try {
    const goDir = join(scratch, "go");
    const result = compileProgram({ file: source, outDir: goDir, runtimeDir: runtimeDir() });
    printDiagnostics(result.diagnostics);
    if (!result.ok) throw new CliError(`${file}: compilation failed`);
    const binary = join(scratch, "program");
    await goBuild({ goDir, output: binary, mode: "exe" });
    const run = await execa(binary, args, { stdio: "inherit", reject: false });
    if (options.keep) process.stderr.write(`generated Go kept in ${goDir}\n`);
    return run.exitCode ?? 1;
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}
