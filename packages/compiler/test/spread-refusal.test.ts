import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProgram, formatDiagnostic } from "../src/index.js";
import { runtimeDir } from "./helpers/paths.js";
import { run, runInNode } from "./helpers/run-node.js";

/**
 * `{ ...defaults, ...partial }` and `Object.assign(target, partial)` where an optional
 * member of the source lands in a required number, string or boolean member: an absent
 * member keeps the default as in JavaScript (the corpus checks that against Node); one that
 * is present and undefined is a run-time refusal, a TypeError where JavaScript would go on
 * with undefined in a member typed otherwise. Node cannot be the oracle for the refusal, so
 * this test states the expected output.
 */
const work = join(tmpdir(), "mosn-ts-spread-refusal");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function buildAndRun(name: string, lines: string[]) {
  const file = join(work, `${name}.ts`);
  writeFileSync(file, lines.join("\n"));
  const outDir = join(work, "go", name);
  const compiled = compileProgram({ file, outDir, runtimeDir });
  expect(compiled.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
  const build = await run("go", ["build", "-o", join(outDir, "program"), "."], { cwd: outDir });
  expect(build.stderr).toBe("");
  return { file, result: await run(join(outDir, "program"), []) };
}

const header = [
  "interface Config { limit: number; name: string; strict: boolean; note?: string }",
  'const DEFAULTS: Config = { limit: 10, name: "d", strict: false };',
  "function attempt(what: string, f: () => string): void {",
  "  try {",
  "    console.log(what, f());",
  "  } catch (e) {",
  "    console.log(what, String(e));",
  "  }",
  "}",
];

describe("an undefined spread into a required primitive member", () => {
  it("throws a TypeError naming the member and its type; an absent member keeps the default", async () => {
    const { result } = await buildAndRun("caught", [
      ...header,
      "const explicit: Partial<Config> = { name: undefined };",
      'attempt("spread", () => JSON.stringify({ ...DEFAULTS, ...explicit }));',
      'attempt("assign", () => JSON.stringify(Object.assign({ ...DEFAULTS }, explicit)));',
      'attempt("overridden", () => JSON.stringify({ ...DEFAULTS, ...explicit, name: "n" }));',
      "const late: Partial<Config> = {};",
      'attempt("absent", () => JSON.stringify({ ...DEFAULTS, ...late }));',
      "late.limit = undefined;",
      'attempt("assigned undefined", () => JSON.stringify({ ...DEFAULTS, ...late }));',
      "delete late.limit;",
      'attempt("deleted", () => JSON.stringify({ ...DEFAULTS, ...late }));',
      "const flag: { strict?: boolean } = { strict: undefined };",
      'attempt("boolean", () => JSON.stringify({ ...DEFAULTS, ...flag }));',
      'const withNote: Config = { ...DEFAULTS, note: "x" };',
      'attempt("optional result member", () => JSON.stringify({ ...withNote, ...({ note: undefined } as Partial<Config>) }));',
      // TypeScript types this note as a required string: the literal's earlier "x" makes it so.
      'attempt("made required by an earlier member", () => JSON.stringify({ ...DEFAULTS, note: "x", ...({ note: undefined } as Partial<Config>) }));',
      "const counts: Record<string, number> = { a: 1 };",
      'attempt("record", () => JSON.stringify(Object.assign(counts, { b: undefined } as { b?: number })));',
      "",
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        "spread TypeError: cannot spread undefined into 'name' (string)",
        "assign TypeError: Object.assign cannot copy undefined into 'name' (string)",
        'overridden {"limit":10,"name":"n","strict":false}',
        'absent {"limit":10,"name":"d","strict":false}',
        "assigned undefined TypeError: cannot spread undefined into 'limit' (number)",
        'deleted {"limit":10,"name":"d","strict":false}',
        "boolean TypeError: cannot spread undefined into 'strict' (boolean)",
        'optional result member {"limit":10,"name":"d","strict":false}',
        "made required by an earlier member TypeError: cannot spread undefined into 'note' (string)",
        "record TypeError: Object.assign cannot copy undefined into 'b' (number)",
        "",
      ].join("\n"),
    );
  }, 120_000);

  it("where JavaScript goes on with undefined, which the refusal replaces", async () => {
    // The same program in Node: the lines that throw in Go print undefined members there.
    const file = join(work, "node.ts");
    writeFileSync(file, [...header, "const explicit: Partial<Config> = { name: undefined };", 'attempt("spread", () => JSON.stringify(Object.keys({ ...DEFAULTS, ...explicit })));', ""].join("\n"));
    mkdirSync(join(work, "node"), { recursive: true });
    const node = await runInNode(file, join(work, "node"));
    expect(node.stdout).toBe('spread ["limit","name","strict"]\n');
  }, 60_000);

  it("uncaught, it ends the program with the TypeScript line of the spread", async () => {
    const { file, result } = await buildAndRun("uncaught", [...header, "const user: Partial<Config> = { limit: undefined };", "const cfg = {", "  ...DEFAULTS,", "  ...user,", "};", "console.log(cfg.limit);", ""]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`Uncaught TypeError: cannot spread undefined into 'limit' (number)\n    at ${file}:13\n`);
  }, 120_000);
});
