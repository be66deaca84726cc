import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compilePrograms, formatDiagnostic } from "../src/index.js";
import { catalog } from "../src/diagnostics/catalog.js";
import { runtimeDir } from "./helpers/paths.js";

const work = mkdtempSync(join(tmpdir(), "mosn-ts-diag-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// A package with types, so that TypeScript accepts the import the compiler must refuse.
mkdirSync(join(work, "node_modules/some-lib"), { recursive: true });
writeFileSync(join(work, "node_modules/some-lib/package.json"), JSON.stringify({ name: "some-lib", version: "1.0.0", types: "index.d.ts" }));
writeFileSync(join(work, "node_modules/some-lib/index.d.ts"), "export declare const answer: number;\n");

/** Each rejected construct: the code and the 1-based position of the offending node. */
const cases: { name: string; source: string; code: string; line: number; column: number }[] = [
  { name: "var", source: "var x = 1;\nconsole.log(x);\n", code: "MTS2003", line: 1, column: 1 },
  { name: "any", source: "const x: any = 1;\nconsole.log(x);\n", code: "MTS2004", line: 1, column: 7 },
  { name: "bigint", source: "const x = 10n;\nconsole.log(x);\n", code: "MTS2004", line: 1, column: 11 },
  { name: "regex lookahead", source: "const r = /a(?=b)/;\nconsole.log(r.test(\"ab\"));\n", code: "MTS2012", line: 1, column: 11 },
  { name: "regex backreference", source: "const r = /(a)\\1/;\nconsole.log(r.test(\"aa\"));\n", code: "MTS2012", line: 1, column: 11 },
  { name: "regex capture skipped by a repetition", source: "console.log(/(?:(a)|b)+/.exec(\"ab\"));\n", code: "MTS2012", line: 1, column: 13 },
  { name: "regex built at run time", source: "const p = \"a+\" + String(1);\nconsole.log(new RegExp(p).test(\"aa\"));\n", code: "MTS2048", line: 2, column: 13 },
  { name: "Math.sin", source: "console.log(Math.sin(1));\n", code: "MTS2048", line: 1, column: 13 },
  { name: "promise not awaited", source: "async function f(): Promise<number> { return 1; }\nf();\n", code: "MTS2041", line: 2, column: 1 },
  { name: "promise in a variable", source: "async function f(): Promise<number> { return 1; }\nconst p = f();\nconsole.log(await p);\n", code: "MTS2041", line: 2, column: 11 },
  { name: "Promise.all", source: "async function f(): Promise<number> { return 1; }\nconsole.log(await Promise.all([1]));\nawait f();\n", code: "MTS2013", line: 2, column: 19 },
  { name: "generator", source: "function* g() { yield 1; }\nconsole.log(1);\n", code: "MTS2013", line: 1, column: 1 },
  { name: "class in a block", source: "{\n  class A {}\n  console.log(new A());\n}\n", code: "MTS2038", line: 2, column: 3 },
  { name: "class expression", source: "const A = class {};\nconsole.log(A);\n", code: "MTS2038", line: 1, column: 11 },
  { name: "method used as a value", source: "class A {\n  m(): number {\n    return 1;\n  }\n}\nconst f = new A().m;\nconsole.log(f());\n", code: "MTS2043", line: 6, column: 11 },
  { name: "class used as a value", source: "class A {}\nconst c = A;\nconsole.log(c);\n", code: "MTS2042", line: 2, column: 11 },
  { name: "optional tuple element", source: "const t: [number, string?] = [1];\nconsole.log(t);\n", code: "MTS2021", line: 1, column: 7 },
  { name: "console.log of an Error", source: "console.log(new Error(\"x\"));\n", code: "MTS2031", line: 1, column: 13 },
  { name: "console.log of unknown", source: "try {\n  console.log(1);\n} catch (e) {\n  console.log(e);\n}\n", code: "MTS2031", line: 4, column: 15 },
  { name: "JSON.stringify of a maybe-undefined value", source: "const a: number[] = [1];\nconsole.log(JSON.stringify(a[0]));\n", code: "MTS2030", line: 2, column: 28 },
  { name: "JSON.parse untyped", source: "const v = JSON.parse(\"1\");\nconsole.log(v);\n", code: "MTS2029", line: 1, column: 11 },
  { name: "for-in over a Map", source: "const m = new Map<string, number>();\nfor (const k in m) console.log(k);\n", code: "MTS2028", line: 2, column: 17 },
  { name: "instanceof a built-in without support", source: "const v: unknown = 1;\nconsole.log(v instanceof Promise);\n", code: "MTS2016", line: 2, column: 26 },
  { name: "Date", source: "console.log(new Date().getTime());\n", code: "MTS2018", line: 1, column: 13 },
  { name: "unknown global", source: "setTimeout(() => {}, 1);\n", code: "MTS1001", line: 1, column: 1 },
  { name: "String of a function", source: "const f = () => 1;\nconsole.log(String(f));\n", code: "MTS2048", line: 2, column: 20 },
  { name: "label on a block", source: "done: {\n  console.log(1);\n}\n", code: "MTS2001", line: 1, column: 1 },
  { name: "tagged template", source: "function tag(s: TemplateStringsArray, n: number): string {\n  return s.join(String(n));\n}\nconsole.log(tag`a${1}`);\n", code: "MTS2017", line: 4, column: 13 },
  { name: "namespace", source: "namespace N {\n  export const x = 1;\n}\nconsole.log(N.x);\n", code: "MTS2032", line: 1, column: 1 },
  { name: "generic function as a value", source: "function id<T>(x: T): T {\n  return x;\n}\nconst f: (n: number) => number = id;\nconsole.log(f(1));\n", code: "MTS2009", line: 4, column: 34 },
  { name: "class extending a built-in", source: "class M extends Map<string, number> {}\nconsole.log(new M().size);\n", code: "MTS2007", line: 1, column: 17 },
  { name: "static block", source: "class A {\n  static {\n    console.log(1);\n  }\n}\nconsole.log(new A());\n", code: "MTS2025", line: 2, column: 3 },
  { name: "enum member not constant", source: "enum E {\n  A = \"abc\".length,\n}\nconsole.log(E.A);\n", code: "MTS2024", line: 2, column: 3 },
  { name: "Object.freeze", source: "const o = Object.freeze({ a: 1 });\nconsole.log(o.a);\n", code: "MTS2018", line: 1, column: 11 },
  { name: "structural conversion", source: "interface A { x: number }\nconst wide = { x: 1, y: 2 };\nconst a: A = wide;\nconsole.log(a);\n", code: "MTS2020", line: 3, column: 14 },
  { name: "import of a package", source: "import { answer } from \"some-lib\";\nconsole.log(answer);\n", code: "MTS1003", line: 1, column: 24 },
  { name: "loose equality with coercion", source: "const a = 1 as number | string;\nconst b = \"1\" as number | string;\nconsole.log(a == b);\n", code: "MTS2014", line: 3, column: 13 },
  { name: "inherited static using this", source: "class A {\n  static n = 1;\n  static get(): number {\n    return this.n;\n  }\n}\nclass B extends A {}\nconsole.log(B.get());\n", code: "MTS2025", line: 8, column: 13 },
  { name: "object literal method using this", source: "const o = {\n  n: 1,\n  get(): number {\n    return this.n;\n  },\n};\nconsole.log(o.get());\n", code: "MTS2033", line: 4, column: 12 },
  { name: "optional regex group typed string", source: "console.log(\"ab\".replace(/a(x)?/, (m, g: string) => g));\n", code: "MTS2048", line: 1, column: 39 },
  { name: "read before declaration through a function", source: "function f(): number {\n  return x + 1;\n}\nconsole.log(f());\nconst x = 1;\n", code: "MTS2050", line: 4, column: 1 },
  { name: "console.log of a function", source: "const inc = (x: number): number => x + 1;\nconsole.log(inc);\n", code: "MTS2031", line: 2, column: 13 },
  { name: "new Array without fill", source: "const a = new Array<number>(3);\nconsole.log(a.length);\n", code: "MTS2017", line: 1, column: 11 },
  {
    name: "a never-returning call inside an expression",
    source: "function fail(x: never): never {\n  throw new Error(String(x));\n}\nfunction f(m: \"a\" | \"b\"): string {\n  return m === \"a\" ? \"A\" : m === \"b\" ? \"B\" : fail(m);\n}\nconsole.log(f(\"a\"));\n",
    code: "MTS2017",
    line: 5,
    column: 46,
  },
  {
    name: "&& as a value mixing an optional object and a boolean",
    source: "interface R { o?: { x: number } }\nconst r: R = { o: { x: 1 } };\nconst ok = r.o && r.o.x > 0;\nconsole.log(ok);\n",
    code: "MTS2052",
    line: 3,
    column: 12,
  },
  { name: "growing an array through holes is typed out", source: "const a: number[] = [];\nconst x: number = a[5];\nconsole.log(x);\n", code: "MTS1001", line: 2, column: 7 },
];

describe("diagnostics for constructs outside the subset", () => {
  const results = compilePrograms(
    cases.map((c, i) => {
      const file = join(work, `case${i}.ts`);
      writeFileSync(file, c.source);
      return { file, outDir: join(work, `out${i}`), runtimeDir };
    }),
  );
  cases.forEach((c, i) => {
    it(`${c.name} → ${c.code}`, () => {
      const result = results[i]!;
      expect(result.ok).toBe(false);
      expect(result.goFiles).toEqual([]);
      const d = result.diagnostics.find((x) => x.code === c.code);
      expect(d, JSON.stringify(result.diagnostics, null, 2)).toBeDefined();
      expect({ file: d!.file, line: d!.line, column: d!.column }).toEqual({ file: join(work, `case${i}.ts`), line: c.line, column: c.column });
      expect(d!.severity).toBe("error");
      if (c.code !== "MTS1001") expect(d!.hint, "every compiler diagnostic carries a hint").toBeTruthy();
    });
  });

  it("every catalog entry outside MTS1001 has a hint", () => {
    for (const [code, template] of Object.entries(catalog)) {
      if (code === "MTS1001" || code === "MTS3003") continue;
      expect((template as { hint?: string }).hint, code).toBeTruthy();
    }
  });

  it("formats tsc-style with a code frame and the hint", () => {
    const file = join(work, "format.ts");
    writeFileSync(file, "let ok = 1;\nvar bad = 2;\nconsole.log(ok + bad);\n");
    const [result] = compilePrograms([{ file, outDir: join(work, "format"), runtimeDir }]);
    const text = formatDiagnostic(result!.diagnostics[0]!, { cwd: work });
    expect(text).toBe(
      "format.ts:2:1 - error MTS2003: 'var' declarations are not supported.\n\n" + "2 var bad = 2;\n  ~~~~~~~~~~~\n  hint: Use 'let' or 'const'.\n",
    );
  });

  it("reports a TypeScript error with its TS code and does not lower the program", () => {
    const file = join(work, "tserr.ts");
    writeFileSync(file, "const n: number = \"x\";\nconsole.log(n);\n");
    const [result] = compilePrograms([{ file, outDir: join(work, "tserr"), runtimeDir }]);
    expect(result!.diagnostics).toHaveLength(1);
    expect(result!.diagnostics[0]!.message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it("names TypeScript types, not Go types, in its messages", () => {
    const file = join(work, "tsnames.ts");
    writeFileSync(
      file,
      "interface A { x: number[] }\nconst wide = { x: [1], y: 2 };\nconst a: A = wide;\n" +
        "interface B { s: string | undefined; m: Map<string, boolean> }\nconst maybe = [\"x\"].at(0);\nconst bw = { s: maybe, m: new Map<string, boolean>(), t: 1 };\nconst b: B = bw;\nconsole.log(a, b);\n",
    );
    const [result] = compilePrograms([{ file, outDir: join(work, "tsnames"), runtimeDir }]);
    const messages = result!.diagnostics.filter((d) => d.code === "MTS2020").map((d) => d.message);
    expect(messages).toEqual([
      "A value of type '{ x: number[]; y: number }' cannot be used as 'A' here: the compiled program represents the two differently.",
      "A value of type '{ s: string | undefined; m: Map<string, boolean>; t: number }' cannot be used as 'B' here: the compiled program represents the two differently.",
    ]);
  });

  it("reports several unsupported constructs in one compile", () => {
    const file = join(work, "several.ts");
    writeFileSync(file, "var a = 1;\nvar b = 2;\nconsole.log(a + b);\n");
    const [result] = compilePrograms([{ file, outDir: join(work, "several"), runtimeDir }]);
    expect(result!.diagnostics.filter((d) => d.code === "MTS2003").map((d) => d.line)).toEqual([1, 2]);
  });
});

describe("messages that say what to write", () => {
  function compileOne(name: string, source: string) {
    const file = join(work, `${name}.ts`);
    writeFileSync(file, source);
    const [result] = compilePrograms([{ file, outDir: join(work, name), runtimeDir }]);
    return result!;
  }

  it("gives the boolean rewrite of an && used as a value (MTS2052)", () => {
    const result = compileOne("and-value", "interface R { o?: { x: number } }\nconst r: R = { o: { x: 1 } };\nconst ok = r.o && r.o.x > 0;\nconsole.log(ok);\n");
    const d = result.diagnostics.find((x) => x.code === "MTS2052");
    expect(d?.message).toBe("The value of 'r.o && r.o.x > 0' is either its left operand ('{ x: number; } | undefined') or its right one ('boolean'), which the compiled program cannot hold in one variable.");
    expect(d?.hint).toContain("'r.o !== undefined && r.o.x > 0'");
  });

  it("the boolean rewrite MTS2052 proposes compiles", () => {
    const result = compileOne("and-value-fixed", "interface R { o?: { x: number } }\nconst r: R = { o: { x: 1 } };\nconst ok = r.o !== undefined && r.o.x > 0;\nconsole.log(ok);\n");
    expect(result.diagnostics).toEqual([]);
  });

  it("proposes an async callback for a callback returning an unawaited promise (MTS2041)", () => {
    const source =
      "async function backendLookup(a: string): Promise<string> { return a; }\n" +
      "async function withRetries(f: (a: string) => Promise<string>): Promise<string> { return await f(\"x\"); }\n" +
      "console.log(await withRetries((a) => backendLookup(a)));\n";
    const d = compileOne("callback-promise", source).diagnostics.find((x) => x.code === "MTS2041");
    expect({ line: d?.line, column: d?.column }).toEqual({ line: 3, column: 38 });
    expect(d?.hint).toContain("'async (a) => await backendLookup(a)'");
    const fixed = compileOne("callback-promise-fixed", source.replace("(a) => backendLookup(a)", "async (a) => await backendLookup(a)"));
    expect(fixed.diagnostics).toEqual([]);
  });

  it("reports a failed destructuring once, not again at each use of its names", () => {
    const result = compileOne("destructure-cascade", "const { a, b: [c] } = { a: 10n, b: [\"x\"] };\nconsole.log(a);\nconsole.log(c.length);\nconsole.log(a);\n");
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.line}:${d.code}`)).toEqual(["1:MTS2004"]);
  });

  it("names the TypeScript type, not a generated Go type, when a destructured member is not supported", () => {
    // The function takes the name Failure in Go, so the union's Go alias is Failure2.
    const result = compileOne(
      "member-names",
      "type Failure = Error | { stack: string };\nfunction Failure(): number {\n  return 1;\n}\nfunction show(f: Failure): void {\n  const { stack } = f;\n  console.log(stack);\n}\nshow({ stack: \"s\" });\nconsole.log(Failure());\n",
    );
    expect(result.diagnostics.map((d) => `${d.line}:${d.code} ${d.message}`)).toEqual(["6:MTS2035 'stack' on 'Failure' is not supported."]);
  });
});

describe("generated Go maps only to lines of the TypeScript file", () => {
  it("runs a union of object-literal shapes (read through a generated helper before) as Node does", () => {
    const source = "const users = [{ name: \"Ann\", tags: [\"a\"] }, { name: \"bob\" }];\nfor (const u of users) console.log(u.name, u.tags);\n";
    const file = join(work, "line-bounds.ts");
    writeFileSync(file, source);
    const outDir = join(work, "line-bounds");
    const [result] = compilePrograms([{ file, outDir, runtimeDir }]);
    expect(result!.diagnostics).toEqual([]);
    const run = spawnSync("go", ["run", "."], { cwd: outDir, encoding: "utf8" });
    expect(run.stdout).toBe("Ann [ 'a' ]\nbob undefined\n");
  });

  it("reports a gofmt rejection inside the file even when the directive's count runs past its end", async () => {
    const { gofmtDiagnostic } = await import("../src/diagnostics/gofmt-errors.js");
    const error = "/src/app.ts:40:7: expected type, found newline";
    expect(gofmtDiagnostic(error, "/src/app.ts", "", 12).line).toBe(12);
    expect(gofmtDiagnostic("mosn-ts-generated.go:3:1: expected type", "/src/app.ts", "", 12)).toMatchObject({ file: "/src/app.ts", line: 1 });
  });
});

describe("export default in a program (mosn-ts exec)", () => {
  it("evaluates the entry's default export where it stands, as Node does, and ignores its value", () => {
    const dir = join(work, "default-entry");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "main.ts");
    writeFileSync(file, 'console.log("before");\nfunction f(): number {\n  console.log("f ran");\n  return 2;\n}\nexport default f() + 1;\nconsole.log("after");\n');
    const [result] = compilePrograms([{ file, outDir: join(dir, "go"), runtimeDir }]);
    expect(result!.diagnostics).toEqual([]);
    expect(result!.ok).toBe(true);
    const run = spawnSync("go", ["run", "."], { cwd: join(dir, "go"), encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("before\nf ran\nafter\n");
  });

  it("accepts a constant default export in the entry", () => {
    const file = join(work, "default-constant.ts");
    writeFileSync(file, "export default 1;\n");
    const [result] = compilePrograms([{ file, outDir: join(work, "default-constant"), runtimeDir }]);
    expect(result!.diagnostics).toEqual([]);
    expect(result!.ok).toBe(true);
  });

  it("refuses an imported module's default export with MTS2051, not the plugin message MTS3002", () => {
    const dir = join(work, "default-module");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "answer.ts"), "const n = 41;\nexport default n + 1;\nexport const named = n;\n");
    const file = join(dir, "main.ts");
    writeFileSync(file, 'import { named } from "./answer.js";\nconsole.log(named);\n');
    const [result] = compilePrograms([{ file, outDir: join(dir, "go"), runtimeDir }]);
    expect(result!.ok).toBe(false);
    expect(result!.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([`${join(dir, "answer.ts")}:2:1 MTS2051`]);
    expect(result!.diagnostics[0]!.hint).toContain("export const");
  });
});
