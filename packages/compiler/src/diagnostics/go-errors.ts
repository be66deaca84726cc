import { isAbsolute, resolve } from "node:path";
import type { Diagnostic } from "../types.js";

/**
 * Maps the output of `go build` / `go vet` on generated code to diagnostics at TypeScript
 * positions: the generated files carry `//line <ts-file>:<line>` directives, so Go already
 * names TypeScript files; this picks those lines out. Lines that name no .ts file are
 * dropped (the caller keeps the raw output for the internal-error report).
 *
 * Go prints a file relative to the directory it ran in when that is shorter: pass that
 * directory (the generated module) as goDir to get absolute TypeScript paths back.
 */
export function mapGoErrors(output: string, goDir?: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const line of output.split("\n")) {
    const m = /^(?:\.\/)?(.+\.(?:ts|mts|cts)):(\d+)(?::(\d+))?: (.*)$/.exec(line.trim());
    if (!m) continue;
    result.push({
      code: "MTS9003",
      severity: "error",
      file: goDir && !isAbsolute(m[1]!) ? resolve(goDir, m[1]!) : m[1]!,
      line: Number(m[2]),
      column: m[3] ? Number(m[3]) : 1,
      message: `Internal compiler error: the generated Go does not build here: ${m[4]}`,
      hint: "This is a bug in mosn-ts, not in your code; please report it with the TypeScript that triggers it.",
    });
  }
  return result;
}
