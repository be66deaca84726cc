import { basename } from "node:path";
import { compile } from "./compile.js";
import type { CompileProgramOptions, CompileResult } from "./types.js";

/** Compiles a standalone program (top-level statements, console.log) into a Go program. */
export function compileProgram(options: CompileProgramOptions): CompileResult {
  const name = basename(options.file).replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_.-]/g, "-") || "program";
  return compile({
    entries: [options.file],
    outDir: options.outDir,
    runtimeDir: options.runtimeDir,
    moduleName: `mosnts.local/${name}`,
    mode: "program",
    ...(options.asPackage ? { asPackage: options.asPackage } : {}),
  });
}
