import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mosnTs, scratchDir } from "./helpers.js";

describe("mosn-ts exec errors", () => {
  const dir = scratchDir("exec");

  it("say plainly that the program file is missing or is a folder", async () => {
    const missing = await mosnTs(["exec", "nope.ts"], dir);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toBe(`mosn-ts: cannot run the program nope.ts: no such file (${join(dir, "nope.ts")})`);
    const folder = await mosnTs(["exec", "."], dir);
    expect(folder.stderr).toBe(`mosn-ts: cannot run the program .: ${dir} is not a file`);
  });

  it("speak of the program, at the path the user gave, for a compile error", async () => {
    writeFileSync(join(dir, "bad.ts"), 'const n: number = "x";\nconsole.log(n);\n');
    const run = await mosnTs(["exec", "bad.ts"], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("bad.ts:1:7 - error MTS1001");
    expect(run.stderr).toContain("mosn-ts: cannot compile the program bad.ts: 1 error(s)");
    expect(run.stderr).not.toMatch(/filter|mosn-ts-exec-/);
  });
});
