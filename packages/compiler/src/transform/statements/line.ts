import type { GoStmt, SourceLine } from "../../go/ir.js";

/** Gives the first of stmts the TypeScript line of the statement they lower, unless it has one. */
export function attachLine(stmts: GoStmt[], line: SourceLine): GoStmt[] {
  const first = stmts[0];
  if (first && first.kind !== "lazy" && first.kind !== "label" && !first.line) {
    stmts[0] = { ...first, line } as GoStmt;
  }
  return stmts;
}
