import { ts } from "ts-morph";

/** What one TypeScript module becomes: one Go file of package main (or the test package). */
export class FileEmitter {
  readonly imports = new Set<string>();
  /** Top-level declarations with their TypeScript position, printed in source order. */
  private readonly decls: { pos: number; text: string }[] = [];

  constructor(readonly source: ts.SourceFile) {}

  use = (pkg: string): void => {
    this.imports.add(pkg);
  };

  addDecl(pos: number, text: string): void {
    this.decls.push({ pos, text });
  }

  declarations(): string[] {
    return [...this.decls].sort((a, b) => a.pos - b.pos).map((d) => d.text);
  }
}

const IMPORT_PATHS: Record<string, string> = {
  js: "github.com/mosn-ts/envoy-go-runtime/js",
  api: "github.com/mosn-ts/envoy-go-runtime/api",
  math: "math",
  strings: "strings",
  strconv: "strconv",
};

/** The import block for the packages a file uses, standard library first. */
export function importBlock(imports: Iterable<string>, extra: string[] = []): string {
  const paths = [...new Set([...imports].map((p) => IMPORT_PATHS[p] ?? p))];
  const std = paths.filter((p) => !p.includes(".")).sort();
  const other = paths.filter((p) => p.includes(".")).sort();
  const lines = [...std.map((p) => `\t"${p}"`), ...(std.length && (other.length || extra.length) ? [""] : []), ...other.map((p) => `\t"${p}"`), ...extra];
  if (lines.length === 0) return "";
  return `import (\n${lines.join("\n")}\n)\n`;
}
