import { formatDiagnostic, type Diagnostic } from "@mosn-ts/compiler";

/** Prints diagnostics to stderr the way tsc does, colored when stderr is a terminal. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  for (const d of diagnostics) {
    process.stderr.write(formatDiagnostic(d, { color }) + "\n");
  }
}
