import type { ts } from "ts-morph";

/** What one TypeScript module becomes: one Go file of package main (or the test package). */
export class FileEmitter {
  /** Packages the file refers to (the import block is computed from the final text; kept for callers). */
  readonly imports = new Set<string>();
  /** Top-level declarations with their TypeScript position, printed in source order. */
  private readonly decls: { pos: number; seq: number; text: string }[] = [];

  constructor(
    readonly source: ts.SourceFile,
    readonly goFile: string,
  ) {}

  use = (pkg: string): void => {
    this.imports.add(pkg);
  };

  addDecl(pos: number, text: string): void {
    this.decls.push({ pos, seq: this.decls.length, text });
  }

  declarations(): string[] {
    return [...this.decls].sort((a, b) => a.pos - b.pos || a.seq - b.seq).map((d) => d.text);
  }
}
