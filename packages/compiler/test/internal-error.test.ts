import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { compileProgram } from "../src/index.js";
import { runtimeDir } from "./helpers/paths.js";

// A bug inside the lowering of template literals, planted for this test: the compiler must
// report it as MTS9001 at the template literal, not at the top of the file.
vi.mock("../src/transform/expressions/template.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/transform/expressions/template.js")>();
  return {
    ...real,
    lowerTemplate: () => {
      throw new TypeError("planted bug in lowerTemplate");
    },
  };
});

const work = mkdtempSync(join(tmpdir(), "mosn-ts-ice-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("an exception inside the compiler (MTS9001)", () => {
  it("is reported at the TypeScript node being lowered, with the exception", () => {
    const file = join(work, "ice.ts");
    writeFileSync(file, ["const n = 2;", "function show(x: number): string {", "  const label = 'n';", "  return `${label}=${x}`;", "}", "console.log(show(n));", ""].join("\n"));
    const result = compileProgram({ file, outDir: join(work, "out"), runtimeDir });
    expect(result.ok).toBe(false);
    const ice = result.diagnostics.filter((d) => d.code === "MTS9001");
    expect(ice).toHaveLength(1);
    expect(ice[0]).toMatchObject({ file, line: 4, column: 10, length: "`${label}=${x}`".length, severity: "error" });
    expect(ice[0]!.message).toContain("planted bug in lowerTemplate");
    expect(ice[0]!.hint).toBeTruthy();
  });
});
