import type { GoStmt, SourceLine } from "./ir.js";

/**
 * Prints Go statements. Indentation is approximate (gofmt normalizes it); `//line`
 * directives are written at column 1, before each statement whose TypeScript line
 * differs from the previous directive.
 */
export class GoPrinter {
  private lastLine: SourceLine | undefined;
  private out: string[] = [];

  /** Resets the directive state, e.g. at a function boundary. */
  forgetLine(): void {
    this.lastLine = undefined;
  }

  private directive(line: SourceLine | undefined): void {
    if (!line) return;
    if (this.lastLine && this.lastLine.file === line.file && this.lastLine.line === line.line) return;
    this.out.push(`//line ${line.file}:${line.line}`);
    this.lastLine = line;
  }

  /** Forces a directive (used before declarations). */
  lineDirective(line: SourceLine | undefined): void {
    this.directive(line);
  }

  raw(text: string): void {
    this.out.push(text);
  }

  stmts(list: GoStmt[], indent: string): void {
    for (const s of list) this.stmt(s, indent);
  }

  private stmt(s: GoStmt, indent: string): void {
    switch (s.kind) {
      case "simple":
        this.directive(s.line);
        this.out.push(indent + s.code);
        return;
      case "block":
        this.directive(s.line);
        this.out.push(`${indent}{`);
        this.stmts(s.body, `${indent}\t`);
        this.out.push(`${indent}}`);
        return;
      case "if": {
        this.directive(s.line);
        this.out.push(`${indent}if ${s.cond} {`);
        this.stmts(s.then, `${indent}\t`);
        let rest = s.else;
        while (rest) {
          const only = rest.length === 1 ? rest[0] : undefined;
          if (only && only.kind === "if") {
            this.out.push(`${indent}} else if ${only.cond} {`);
            this.stmts(only.then, `${indent}\t`);
            rest = only.else;
          } else {
            this.out.push(`${indent}} else {`);
            this.stmts(rest, `${indent}\t`);
            rest = undefined;
          }
        }
        this.out.push(`${indent}}`);
        return;
      }
      case "for":
        this.directive(s.line);
        if (s.label) this.out.push(`${s.label}:`);
        this.out.push(`${indent}for ${s.header}${s.header ? " " : ""}{`);
        this.stmts(s.body, `${indent}\t`);
        this.out.push(`${indent}}`);
        return;
      case "switch":
        this.directive(s.line);
        if (s.label) this.out.push(`${s.label}:`);
        this.out.push(`${indent}switch ${s.tag}${s.tag ? " " : ""}{`);
        for (const c of s.cases) {
          this.out.push(c.exprs ? `${indent}case ${c.exprs.join(", ")}:` : `${indent}default:`);
          this.stmts(c.body, `${indent}\t`);
        }
        this.out.push(`${indent}}`);
        return;
      case "label":
        this.out.push(`${s.name}:`);
        this.stmt(s.stmt, indent);
        return;
      case "lazy":
        this.stmts(s.render(), indent);
        return;
    }
  }

  text(): string {
    return this.out.join("\n");
  }
}

/** Prints a statement list as the body of a function literal (inside an expression). */
export function printBody(list: GoStmt[]): string {
  const p = new GoPrinter();
  p.stmts(list, "\t");
  return p.text();
}
