import type { Diagnostic } from "../types.js";
import { diagnosticAtPosition } from "./factory.js";

/**
 * A gofmt rejection of generated Go as an internal-error diagnostic at the TypeScript line
 * it came from. gofmt follows the `//line` directives itself, so its first error names the
 * TypeScript file and line; an error before any directive (`<standard input>:N:M`) falls
 * back to the start of the module's file. gofmt's own text is kept in the message.
 */
export function gofmtDiagnostic(error: string, moduleFile: string, generated: string): Diagnostic {
  let file = moduleFile;
  let line = 1;
  for (const l of error.split("\n")) {
    const m = /^(.+?):(\d+)(?::\d+)?: /.exec(l.trim());
    if (!m) continue;
    if (m[1] !== "<standard input>") {
      file = m[1]!;
      line = Number(m[2]);
    }
    break;
  }
  return diagnosticAtPosition(file, line, 1, 0, "MTS9002", `${error}\n--- generated ---\n${numbered(generated)}`);
}

function numbered(text: string): string {
  return text
    .split("\n")
    .map((l, i) => `${String(i + 1).padStart(4)} ${l}`)
    .join("\n");
}
