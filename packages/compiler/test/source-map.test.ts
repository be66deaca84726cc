import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProgram, formatDiagnostic, mapGoErrors } from "../src/index.js";
import { runtimeDir } from "./helpers/paths.js";
import { run } from "./helpers/run-node.js";

/**
 * Source mapping: the generated Go carries //line directives, so stack traces of panics,
 * and Go's own compiler errors, name the TypeScript file and line.
 */
const work = join(tmpdir(), "mosn-ts-source-map");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a program, compiles it to its own Go module, builds and runs it. */
async function buildAndRun(name: string, source: string, options: { injectGoErrorForTest?: boolean } = {}) {
  const file = join(work, `${name}.ts`);
  writeFileSync(file, source);
  const outDir = join(work, "go", name);
  const compiled = compileProgram({ file, outDir, runtimeDir, ...options });
  expect(compiled.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  const build = await run("go", ["build", "-o", join(outDir, "program"), "."], { cwd: outDir });
  const result = build.code === 0 ? await run(join(outDir, "program"), []) : undefined;
  return { file, build, result };
}

describe("stack traces name TypeScript files and lines", () => {
  it("an uncaught throw prints the error and one frame per TypeScript function", async () => {
    const { file, result } = await buildAndRun(
      "uncaught",
      ["function parse(text: string): number {", "  if (text === \"\") throw new Error(\"empty input\");", "  return text.length;", "}", "function main(): void {", "  console.log(parse(\"ok\"));", "  console.log(parse(\"\"));", "}", "main();", ""].join("\n"),
    );
    expect(result!.code).toBe(1);
    expect(result!.stdout).toBe("2\n");
    expect(result!.stderr).toContain("Uncaught Error: empty input");
    expect(result!.stderr).toBe(`Uncaught Error: empty input\n    at parse (${file}:2)\n    at main (${file}:7)\n    at ${file}:9\n`);
  }, 120_000);

  it("a Go runtime panic (a nil dereference behind a lying cast) points at the TypeScript line", async () => {
    const { file, result } = await buildAndRun(
      "go-panic",
      ["interface Box { value: number }", "function read(b: Box): number {", "  return b.value + 1;", "}", "const missing = undefined as unknown as Box;", "console.log(read(missing));", ""].join("\n"),
    );
    expect(result!.code).toBe(1);
    expect(result!.stderr).toBe(`Uncaught TypeError: runtime error: invalid memory address or nil pointer dereference\n    at read (${file}:3)\n    at ${file}:6\n`);
  }, 120_000);
});

describe("internal compiler errors", () => {
  it("a Go build failure is reported at the TypeScript location, never as success", async () => {
    // The test hook inserts Go that cannot build at the program's first statement (line 2).
    const { file, build } = await buildAndRun("ice", ["// a comment line", "const greeting = \"hi\";", "console.log(greeting);", ""].join("\n"), { injectGoErrorForTest: true });
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain("../../ice.ts:2: undefined: mosnTsInjectedError"); // Go itself names the TypeScript line
    const located = mapGoErrors(build.stderr, join(work, "go", "ice"));
    expect(located.length).toBeGreaterThan(0);
    expect(located[0]).toMatchObject({ code: "MTS9003", severity: "error", file, line: 2, column: 1 });
    expect(located[0]!.message).toMatch(/^Internal compiler error: the generated Go does not build here: .*mosnTsInjectedError/);
    expect(formatDiagnostic(located[0]!)).toContain("error MTS9003");
  }, 120_000);
});
