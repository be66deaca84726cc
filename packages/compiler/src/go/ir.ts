/**
 * Go statements as a small tree, printed by printer.ts. Expressions inside are already
 * Go text (see expr.ts). `line` attaches a `//line` directive naming the TypeScript
 * source position the statement came from.
 */
export interface SourceLine {
  file: string;
  line: number;
  column?: number;
}

export type GoStmt =
  | { kind: "simple"; code: string; line?: SourceLine }
  | { kind: "if"; cond: string; then: GoStmt[]; else?: GoStmt[]; line?: SourceLine }
  | { kind: "for"; header: string; body: GoStmt[]; label?: string; line?: SourceLine }
  | { kind: "switch"; tag: string; cases: GoCase[]; label?: string; line?: SourceLine }
  | { kind: "block"; body: GoStmt[]; line?: SourceLine }
  | { kind: "label"; name: string; stmt: GoStmt }
  /** Rendered at print time: for decisions that depend on the rest of the function (unused variables). */
  | { kind: "lazy"; render: () => GoStmt[] };

export interface GoCase {
  /** null for default. */
  exprs: string[] | null;
  body: GoStmt[];
}

export function simple(code: string, line?: SourceLine): GoStmt {
  return line ? { kind: "simple", code, line } : { kind: "simple", code };
}

/** Go's terminating-statement rule, for deciding whether a function needs a final return. */
export function isTerminating(stmts: GoStmt[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  switch (last.kind) {
    case "simple":
      return /^(return\b|panic\(|goto\b)/.test(last.code);
    case "block":
      return isTerminating(last.body);
    case "if":
      return last.else !== undefined && isTerminating(last.then) && isTerminating(last.else);
    case "for":
      return last.header === "" && !containsBreak(last.body, last.label, true);
    case "switch":
      return (
        last.cases.some((c) => c.exprs === null) &&
        last.cases.every((c) => (isTerminating(c.body) || endsWithFallthrough(c.body)) && !containsBreak(c.body, last.label, true))
      );
    case "label":
      return isTerminating([last.stmt]);
    case "lazy":
      return isTerminating(last.render());
  }
}

function endsWithFallthrough(body: GoStmt[]): boolean {
  const last = body[body.length - 1];
  return last?.kind === "simple" && last.code === "fallthrough";
}

/** Whether body holds a break that leaves the enclosing statement (unlabeled at top, or to label). */
function containsBreak(body: GoStmt[], label: string | undefined, top: boolean): boolean {
  for (const s of body) {
    switch (s.kind) {
      case "simple":
        if ((top && s.code === "break") || (label && s.code === `break ${label}`)) return true;
        break;
      case "if":
        if (containsBreak(s.then, label, top) || (s.else && containsBreak(s.else, label, top))) return true;
        break;
      case "block":
        if (containsBreak(s.body, label, top)) return true;
        break;
      case "for":
        if (containsBreak(s.body, label, false)) return true;
        break;
      case "switch":
        for (const c of s.cases) if (containsBreak(c.body, label, false)) return true;
        break;
      case "label":
        if (containsBreak([s.stmt], label, top)) return true;
        break;
      case "lazy":
        if (containsBreak(s.render(), label, top)) return true;
        break;
    }
  }
  return false;
}
