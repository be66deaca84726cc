import type { GoStmt, SourceLine } from "./ir.js";

const DIRECTIVE = /^\/\/line (.+?):(\d+)(?::\d+)?$/;

/**
 * Prints Go statements. Indentation is approximate (gofmt normalizes it). `//line`
 * directives map Go lines to TypeScript lines: after `//line f.ts:10` the next
 * Go line is line 10 of f.ts, the one after it 11, and so on. A directive is written before
 * a statement only when that counting would give it the wrong TypeScript line, so straight
 * code carries few of them.
 */
export class GoPrinter {
  /** The TypeScript position the next Go line has under the directives printed so far. */
  private next: { file: string; line: number } | undefined;
  private out: string[] = [];

  private push(text: string): void {
    for (const line of text.split("\n")) {
      this.out.push(line);
      const m = DIRECTIVE.exec(line);
      if (m) this.next = { file: m[1]!, line: Number(m[2]) };
      else if (this.next) this.next = { file: this.next.file, line: this.next.line + 1 };
    }
  }

  private directive(line: SourceLine | undefined): void {
    if (!line) return;
    if (this.next && this.next.file === line.file && this.next.line === line.line) return;
    // Lines only: a column would count gofmt's indentation, which the printer cannot know.
    this.push(`//line ${line.file}:${line.line}`);
  }

  /** Forces a directive (used before declarations). */
  lineDirective(line: SourceLine | undefined): void {
    this.directive(line);
  }

  raw(text: string): void {
    this.push(text);
  }

  stmts(list: GoStmt[], indent: string): void {
    for (const s of list) this.stmt(s, indent);
  }

  private stmt(s: GoStmt, indent: string): void {
    switch (s.kind) {
      case "simple":
        this.directive(s.line);
        this.push(indent + s.code);
        return;
      case "block":
        this.directive(s.line);
        this.push(`${indent}{`);
        this.stmts(s.body, `${indent}\t`);
        this.push(`${indent}}`);
        return;
      case "if": {
        this.directive(s.line);
        this.push(`${indent}if ${s.cond} {`);
        this.stmts(s.then, `${indent}\t`);
        let rest = s.else;
        while (rest) {
          const only = rest.length === 1 ? rest[0] : undefined;
          if (only && only.kind === "if" && !only.line) {
            this.push(`${indent}} else if ${only.cond} {`);
            this.stmts(only.then, `${indent}\t`);
            rest = only.else;
          } else if (only && only.kind === "if" && only.line && this.next?.line === only.line.line && this.next.file === only.line.file) {
            this.push(`${indent}} else if ${only.cond} {`);
            this.stmts(only.then, `${indent}\t`);
            rest = only.else;
          } else {
            this.push(`${indent}} else {`);
            this.stmts(rest, `${indent}\t`);
            rest = undefined;
          }
        }
        this.push(`${indent}}`);
        return;
      }
      case "for":
        this.directive(s.line);
        if (s.label) this.push(`${s.label}:`);
        this.push(`${indent}for ${s.header}${s.header ? " " : ""}{`);
        this.stmts(s.body, `${indent}\t`);
        this.push(`${indent}}`);
        return;
      case "switch":
        this.directive(s.line);
        if (s.label) this.push(`${s.label}:`);
        this.push(`${indent}switch ${s.tag}${s.tag ? " " : ""}{`);
        for (const c of s.cases) {
          this.push(c.exprs ? `${indent}case ${c.exprs.join(", ")}:` : `${indent}default:`);
          this.stmts(c.body, `${indent}\t`);
        }
        this.push(`${indent}}`);
        return;
      case "label":
        this.push(`${s.name}:`);
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
export function printBody(list: GoStmt[], start?: SourceLine): string {
  const p = new GoPrinter();
  if (start) p.lineDirective(start);
  p.stmts(list, "\t");
  return p.text();
}
