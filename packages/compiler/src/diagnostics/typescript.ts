import { ts } from "ts-morph";
import type { Diagnostic } from "../types.js";

/** Converts a TypeScript checker diagnostic into ours (code MTS1001, TS code in the message). */
export function fromTypeScript(d: ts.Diagnostic): Diagnostic {
  const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return {
      code: "MTS1001",
      severity: d.category === ts.DiagnosticCategory.Warning ? "warning" : "error",
      file: d.file.fileName,
      line: line + 1,
      column: character + 1,
      message,
      length: d.length,
    };
  }
  return { code: "MTS1001", severity: "error", file: "", line: 1, column: 1, message };
}
