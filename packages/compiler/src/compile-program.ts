import { basename } from "node:path";
import { type CompileRequest, compile, compileMany } from "./compile.js";
import { goModuleElement } from "./go/module-path.js";
import type { CompileProgramOptions, CompileResult } from "./types.js";

function request(options: CompileProgramOptions): CompileRequest {
  const name = goModuleElement(basename(options.file).replace(/\.[^.]*$/, ""), "program");
  return {
    entries: [options.file],
    outDir: options.outDir,
    runtimeDir: options.runtimeDir,
    moduleName: `mosnts.local/${name}`,
    mode: "program",
    ...(options.asPackage ? { asPackage: options.asPackage } : {}),
    ...(options.injectGoErrorForTest ? { injectGoError: true } : {}),
  };
}

/** Compiles a standalone program (top-level statements, console.log) into a Go program. */
export function compileProgram(options: CompileProgramOptions): CompileResult {
  return compile(request(options));
}

/**
 * Compiles many standalone programs with one TypeScript type-check (the differential
 * corpus, benchmarks): faster than compileProgram per file, same output.
 */
export function compilePrograms(options: CompileProgramOptions[]): CompileResult[] {
  return compileMany(options.map(request));
}
