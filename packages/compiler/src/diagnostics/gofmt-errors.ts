import type { Diagnostic } from "../types.js";
import { diagnosticAtPosition } from "./factory.js";

/**
 * A gofmt rejection of generated Go as an internal-error diagnostic at the TypeScript line
 * it came from. gofmt follows the `//line` directives itself, so its first error names the
 * TypeScript file and line; an error before any directive (`<standard input>:N:M`) falls
 * back to the start of the module's file, and a line past the module's end (moduleLines)
 * to its last line. gofmt's own text is kept in the message.
 */
export function gofmtDiagnostic(error: string, moduleFile: string, generated: string, moduleLines?: number): Diagnostic {
  let file = moduleFile;
  let line = 1;
  for (const l of error.split("\n")) {
    const m = /^(.+?):(\d+)(?::\d+)?: /.exec(l.trim());
    if (!m) continue;
    // Only a TypeScript file is a place to show: code the compiler generates on its own
    // (helpers, under a Go file name) falls back to the module's start.
    if (m[1] !== "<standard input>" && /\.[mc]?ts$/.test(m[1]!)) {
      file = m[1]!;
      line = Number(m[2]);
    }
    break;
  }
  // A directive's numbering runs on through the Go lines after it: never past the module's end.
  if (file === moduleFile && moduleLines !== undefined && line > moduleLines) line = moduleLines;
  return diagnosticAtPosition(file, line, 1, 0, "MTS9002", `${error}\n--- generated ---\n${numbered(generated)}`);
}

function numbered(text: string): string {
  return text
    .split("\n")
    .map((l, i) => `${String(i + 1).padStart(4)} ${l}`)
    .join("\n");
}
