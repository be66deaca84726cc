import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Diagnostic } from "../types.js";

const RED = "\u001b[91m";
const YELLOW = "\u001b[93m";
const CYAN = "\u001b[96m";
const GREY = "\u001b[90m";
const RESET = "\u001b[0m";

function readLine(file: string, line: number): string | undefined {
  try {
    return readFileSync(file, "utf8").split(/\r?\n/)[line - 1];
  } catch {
    return undefined;
  }
}

/**
 * Formats a diagnostic as tsc does: `file:line:col - error MTS2003: message`, then a
 * code frame with the offending span underlined, then the hint.
 */
export function formatDiagnostic(d: Diagnostic, options: { color?: boolean; cwd?: string } = {}): string {
  const color = options.color ?? false;
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const file = relative(options.cwd ?? process.cwd(), d.file) || d.file;
  const severity = paint(d.severity === "error" ? RED : YELLOW, d.severity);
  const lines = [`${paint(CYAN, file)}:${paint(YELLOW, String(d.line))}:${paint(YELLOW, String(d.column))} - ${severity} ${paint(GREY, `${d.code}:`)} ${d.message}`];
  const source = readLine(d.file, d.line);
  if (source !== undefined) {
    const gutter = String(d.line);
    const expanded = source.replace(/\t/g, " ");
    const width = Math.max(1, Math.min(d.length ?? 1, expanded.length - d.column + 1));
    lines.push("");
    lines.push(`${paint(GREY, gutter)} ${expanded}`);
    lines.push(`${" ".repeat(gutter.length)} ${" ".repeat(d.column - 1)}${paint(RED, "~".repeat(width))}`);
  }
  if (d.hint) {
    lines.push(`  hint: ${d.hint}`);
  }
  return `${lines.join("\n")}\n`;
}
