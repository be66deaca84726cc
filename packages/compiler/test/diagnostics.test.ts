import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProgram, formatDiagnostic } from "../src/index.js";
import { runtimeDir } from "./helpers/paths.js";

const work = mkdtempSync(join(tmpdir(), "mosn-ts-diag-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
function compileSnippet(source: string) {
  const file = join(work, `snippet${counter++}.ts`);
  writeFileSync(file, source);
  const outDir = join(work, `out${counter}`);
  return { file, outDir, result: compileProgram({ file, outDir, runtimeDir }) };
}

/** Each rejected construct: the code and the 1-based position of the offending node. */
const cases: { name: string; source: string; code: string; line: number; column: number }[] = [
  { name: "var", source: "var x = 1;\nconsole.log(x);\n", code: "MTS2003", line: 1, column: 1 },
  { name: "null", source: "const x: string | null = null;\nconsole.log(x);\n", code: "MTS2006", line: 1, column: 26 },
  { name: "mixed union", source: "let x: string | number = 1;\nx = \"a\";\nconsole.log(x);\n", code: "MTS2005", line: 1, column: 5 },
  { name: "class extends", source: "class A {}\nclass B extends A {}\nconsole.log(1);\n", code: "MTS2007", line: 2, column: 9 },
  { name: "getter", source: "class A {\n  get x(): number { return 1; }\n}\nconsole.log(new A().x);\n", code: "MTS2008", line: 2, column: 3 },
  { name: "generic function", source: "function id<T>(x: T): T { return x; }\nconsole.log(id(1));\n", code: "MTS2009", line: 1, column: 13 },
  { name: "array destructuring", source: "const [a, b] = [1, 2];\nconsole.log(a + b);\n", code: "MTS2010", line: 1, column: 7 },
  { name: "spread", source: "const a = [1];\nconst b = [...a];\nconsole.log(b);\n", code: "MTS2011", line: 2, column: 12 },
  { name: "regex", source: "const r = /a+/;\nconsole.log(String(r));\n", code: "MTS2012", line: 1, column: 11 },
  { name: "async", source: "async function f(): Promise<void> {}\nf();\n", code: "MTS2013", line: 1, column: 1 },
  { name: "typeof", source: "const x = 1;\nconsole.log(typeof x);\n", code: "MTS2015", line: 2, column: 13 },
  { name: "unknown string method", source: "console.log(\"abc\".localeCompare(\"b\"));\n", code: "MTS2035", line: 1, column: 13 },
  { name: "unknown global", source: "setTimeout(() => {}, 1);\n", code: "MTS1001", line: 1, column: 1 },
  { name: "property order", source: "interface P { a: number; b: number }\nconst p: P = { b: 1, a: 2 };\nconsole.log(p.a);\n", code: "MTS2019", line: 2, column: 22 },
  { name: "tuple", source: "const t: [number, string] = [1, \"a\"];\nconsole.log(t);\n", code: "MTS2021", line: 1, column: 29 },
  { name: "increment as value", source: "let i = 0;\nconst j = i++;\nconsole.log(j);\n", code: "MTS2023", line: 2, column: 11 },
  { name: "enum", source: "enum E { A, B }\nconsole.log(E.A);\n", code: "MTS2024", line: 1, column: 1 },
  { name: "static member", source: "class A {\n  static n = 1;\n}\nconsole.log(A.n);\n", code: "MTS2025", line: 2, column: 3 },
  { name: "parameter property", source: "class A {\n  constructor(private n: number) {}\n}\nconsole.log(new A(1));\n", code: "MTS2026", line: 2, column: 15 },
  { name: "rest parameter", source: "function f(...xs: number[]): number { return xs.length; }\nconsole.log(f(1));\n", code: "MTS2027", line: 1, column: 12 },
  { name: "JSON.parse untyped", source: "const v = JSON.parse(\"1\");\nconsole.log(v);\n", code: "MTS2029", line: 1, column: 11 },
  { name: "console.log of class instance", source: "class A { x = 1; }\nconsole.log(new A());\n", code: "MTS2031", line: 2, column: 13 },
  { name: "type error", source: "const x: number = \"a\";\nconsole.log(x);\n", code: "MTS1001", line: 1, column: 7 },
  { name: "for-in over a Map", source: "const m = new Map<string, number>();\nfor (const k in m) console.log(k);\n", code: "MTS2028", line: 2, column: 17 },
];

describe("diagnostics for constructs outside the subset", () => {
  for (const c of cases) {
    it(`${c.name} → ${c.code}`, () => {
      const { file, result } = compileSnippet(c.source);
      expect(result.ok).toBe(false);
      expect(result.goFiles).toEqual([]);
      const d = result.diagnostics.find((x) => x.code === c.code);
      expect(d, JSON.stringify(result.diagnostics, null, 2)).toBeDefined();
      expect({ file: d!.file, line: d!.line, column: d!.column }).toEqual({ file, line: c.line, column: c.column });
      expect(d!.severity).toBe("error");
    });
  }

  it("every non-TypeScript diagnostic carries a hint", () => {
    const { result } = compileSnippet("var x = 1;\nconsole.log(x);\n");
    expect(result.diagnostics[0]!.hint).toBe("Use 'let' or 'const'.");
  });

  it("formats tsc-style with a code frame and the hint", () => {
    const { file, result } = compileSnippet("let ok = 1;\nvar bad = 2;\nconsole.log(ok + bad);\n");
    const text = formatDiagnostic(result.diagnostics[0]!, { cwd: work });
    expect(text).toBe(
      `${file.slice(work.length + 1)}:2:1 - error MTS2003: 'var' declarations are not supported.\n\n` +
        "2 var bad = 2;\n  ~~~~~~~~~~~\n  hint: Use 'let' or 'const'.\n",
    );
  });

  it("reports a TypeScript error with its TS code and does not lower the program", () => {
    const { result } = compileSnippet("const n: number = \"x\";\nconsole.log(n);\n");
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it("reports several unsupported constructs in one compile", () => {
    const { result } = compileSnippet("var a = 1;\nvar b = 2;\nconsole.log(a + b);\n");
    expect(result.diagnostics.filter((d) => d.code === "MTS2003").map((d) => d.line)).toEqual([1, 2]);
  });
});
