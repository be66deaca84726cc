import { ts } from "ts-morph";
import type { Diagnostic } from "../types.js";
import { catalog, type DiagnosticCode } from "./catalog.js";

function fill(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? "");
}

/** Builds the diagnostic `code` at `node`, filling the catalog's placeholders with `args`. */
export function diagnosticAt(node: ts.Node, code: DiagnosticCode, ...args: string[]): Diagnostic {
  const sf = node.getSourceFile();
  const start = node.getStart(sf);
  const { line, character } = sf.getLineAndCharacterOfPosition(start);
  return diagnosticAtPosition(sf.fileName, line + 1, character + 1, node.getEnd() - start, code, ...args);
}

export function diagnosticAtPosition(
  file: string,
  line: number,
  column: number,
  length: number,
  code: DiagnosticCode,
  ...args: string[]
): Diagnostic {
  const template: { message: string; hint?: string } = catalog[code];
  const d: Diagnostic = { code, severity: "error", file, line, column, message: fill(template.message, args), length };
  if (template.hint) d.hint = fill(template.hint, args);
  return d;
}

/**
 * Thrown by visitors when a construct cannot be lowered; the transformer records the
 * diagnostic and goes on with the next statement, so one compile reports many problems.
 */
export class Unsupported extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Throws the diagnostic `code` at `node`. */
export function unsupported(node: ts.Node, code: DiagnosticCode, ...args: string[]): never {
  throw new Unsupported(diagnosticAt(node, code, ...args));
}

/** The source text of a node, shortened for messages. */
export function snippet(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
