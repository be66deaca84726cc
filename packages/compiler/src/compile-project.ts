import { resolve } from "node:path";
import { compile } from "./compile.js";
import type { CompileProjectOptions, CompileResult } from "./types.js";

/** Compiles plugin modules (each default-exporting definePlugin) into one Go package main. */
export function compileProject(options: CompileProjectOptions): CompileResult {
  return compile({
    entries: options.entries.map((e) => resolve(options.projectDir, e)),
    outDir: options.outDir,
    runtimeDir: options.runtimeDir,
    moduleName: options.moduleName,
    mode: "plugin",
  });
}
