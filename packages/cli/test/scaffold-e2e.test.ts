import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { ENVOY_HTTP_SYMBOLS, exportedSymbols, mosnTs, plain, scratchDir } from "./helpers.js";

// A new user's path: init → npm install → build → test, in a fresh folder outside the repo.
describe("a scaffolded project", () => {
  const dir = join(scratchDir("scaffold"), "edge-tagger");

  it("is created, installs, builds a loadable .so and passes its tests on both backends", async () => {
    const init = await mosnTs(["init", dir], process.cwd());
    expect(init.exitCode, init.all).toBe(0);

    const install = await execa("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, reject: false, all: true });
    expect(install.exitCode, install.all).toBe(0);

    const build = await execa("npx", ["mosn-ts", "build"], { cwd: dir, reject: false, all: true });
    expect(build.exitCode, build.all).toBe(0);
    const so = join(dir, "dist", "edge-tagger.so");
    expect(await exportedSymbols(so)).toEqual(expect.arrayContaining(ENVOY_HTTP_SYMBOLS));
    expect(existsSync(join(dir, "dist", "go", "filter.go"))).toBe(true);
    expect(existsSync(join(dir, "dist", "envoy.yaml"))).toBe(true);

    const test = await execa("npx", ["mosn-ts", "test"], { cwd: dir, reject: false, all: true });
    expect(test.exitCode, test.all).toBe(0);
    expect(test.all).toContain("TypeScript and native (compared)");
    expect(plain(test.all)).toMatch(/Tests\s+3 passed/);
  });

  it("type-checks src/ without Node's globals and test/ with them", async () => {
    const tsc = (project: string) => execa("npx", ["tsc", "-p", project], { cwd: dir, reject: false, all: true });
    for (const project of [".", "test"]) {
      const ok = await tsc(project);
      expect(ok.exitCode, `${project}: ${ok.all}`).toBe(0);
    }
    // Filter code runs in Envoy, not Node: process must be unknown there, as the compiler has it.
    const extra = join(dir, "src", "uses-node.ts");
    writeFileSync(extra, "export const home = process.env.HOME;\n");
    try {
      const src = await tsc(".");
      expect(src.exitCode).not.toBe(0);
      expect(src.all).toMatch(/src\/uses-node\.ts.*error TS(2591|2580): Cannot find name 'process'/);
    } finally {
      rmSync(extra);
    }
  });

  it("rejects an unsupported construct with a coded diagnostic and writes no .so", async () => {
    const { writeFileSync, readFileSync } = await import("node:fs");
    const filter = join(dir, "src", "filter.ts");
    const original = readFileSync(filter, "utf8");
    // `var` is outside the subset (function scoping would need hoisting).
    writeFileSync(filter, original.replace("decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {", "decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {\n    var legacy = 1;"));
    try {
      const build = await mosnTs(["build"], dir);
      expect(build.exitCode).not.toBe(0);
      expect(build.all).toMatch(/src\/filter\.ts:\d+:\d+ - error MTS\d{4}:/);
      expect(readdirSync(join(dir, "dist")).filter((f) => f.endsWith(".so"))).toEqual([]);
      const check = await mosnTs(["check"], dir);
      expect(check.exitCode).not.toBe(0);
      expect(check.all).toMatch(/error MTS\d{4}/);
    } finally {
      writeFileSync(filter, original);
    }
  });
});
