import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProgram } from "../src/index.js";
import { runtimeDir } from "./helpers/paths.js";

const work = mkdtempSync(join(tmpdir(), "mosn-ts-project-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function compile(file: string, out: string) {
  return compileProgram({ file, outDir: join(work, out), runtimeDir });
}

// One ts-morph project serves every compile of a process (tests, the benchmark, a watch):
// what changed on disk in between must be what the next compile sees.
describe("the compiler's TypeScript project", () => {
  it("reports an entry that cannot be read", () => {
    for (const file of [join(work, "missing.ts"), work]) {
      const result = compile(file, "missing");
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["MTS1002", `Cannot read the entry module ${file}: cannot read ${file}.`]]);
    }
  });

  it("reads an entry and its imports again when they changed since the last compile", () => {
    const dir = join(work, "changing");
    mkdirSync(join(dir, "lib"), { recursive: true });
    const main = join(dir, "main.ts");
    writeFileSync(main, 'import { greeting } from "./lib/words.js";\nconsole.log(greeting);\n');
    writeFileSync(join(dir, "lib/words.ts"), "export const greeting: number = 1;\n");
    expect(compile(main, "first").ok).toBe(true);

    writeFileSync(join(dir, "lib/words.ts"), 'export const greeting: number = "hello";\n');
    const broken = compile(main, "second");
    expect(broken.diagnostics.map((d) => d.message)).toEqual(["TS2322: Type 'string' is not assignable to type 'number'."]);

    writeFileSync(join(dir, "lib/words.ts"), 'export const greeting = "hello again";\n');
    const fixed = compile(main, "third");
    expect(fixed.ok).toBe(true);
    expect(readFileSync(join(work, "third", "words.go"), "utf8")).toContain('"hello again"');
  });

  it("forgets a module no entry imports any more", () => {
    const dir = join(work, "dropping");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "old.ts"), "export const x = 1;\n");
    writeFileSync(join(dir, "main.ts"), 'import { x } from "./old.js";\nconsole.log(x);\n');
    expect(compile(join(dir, "main.ts"), "with-old").goFiles.map((f) => f.replace(/^.*\//, "")).sort()).toEqual(["go.mod", "main_ts.go", "old.go"]);
    rmSync(join(dir, "old.ts"));
    writeFileSync(join(dir, "main.ts"), "console.log(2);\n");
    const result = compile(join(dir, "main.ts"), "without-old");
    expect(result.diagnostics).toEqual([]);
    expect(result.goFiles.map((f) => f.replace(/^.*\//, "")).sort()).toEqual(["go.mod", "main_ts.go"]);
  });
});
