import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureMockHost } from "../src/mockhost-build.js";
import { hermeticGoEnv } from "../src/toolchain.js";
import { mosnTs, plain, repoRoot, scratchDir } from "./helpers.js";

// The point of running every test on both backends: a miscompile must surface as a divergence.
// We build examples/header-guard, corrupt one string in the generated Go, rebuild the .so from
// it, and run the example's own tests against that .so.
describe("an injected miscompile", () => {
  const example = join(repoRoot, "examples", "header-guard");
  const dir = scratchDir("miscompile");
  let env: Record<string, string>;

  beforeAll(async () => {
    for (const part of ["src", "test", "package.json"]) cpSync(join(example, part), join(dir, part), { recursive: true });
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", types: ["node"] } }));
    symlinkSync(join(example, "node_modules"), join(dir, "node_modules"));
    const build = await mosnTs(["build"], dir);
    expect(build.exitCode, build.all).toBe(0);
    env = { MOSN_TS_MOCKHOST: await ensureMockHost(), MOSN_TS_SO_DIR: join(dir, "dist"), MOSN_TS_BACKENDS: "both" };
  });

  const vitest = () => execa(join(dir, "node_modules", ".bin", "vitest"), ["run"], { cwd: dir, env, reject: false, all: true });

  it("is absent from a faithful build: the example's tests agree on both backends", async () => {
    const run = await vitest();
    expect(run.exitCode, run.all).toBe(0);
  });

  it("is reported as a divergence naming the first differing field", async () => {
    const goFile = join(dir, "dist", "go", "filter.go");
    const source = readFileSync(goFile, "utf8");
    expect(source).toContain('"missing header "');
    writeFileSync(goFile, source.replace('"missing header "', '"missing headr "'));
    const rebuild = await execa("go", ["build", "-buildmode=c-shared", "-o", join(dir, "dist", "header-guard.so"), "."], {
      cwd: join(dir, "dist", "go"),
      env: hermeticGoEnv(),
      reject: false,
      all: true,
    });
    expect(rebuild.exitCode, rebuild.all).toBe(0);

    const run = await vitest();
    expect(run.exitCode).not.toBe(0);
    const out = plain(run.all);
    expect(out).toContain("BackendDivergenceError");
    // The corrupted reason makes the JSON body one byte shorter: content-length is the first difference.
    expect(out).toContain('backends disagree at response.headers[1]: ts=["content-length","57"] native=["content-length","56"]');
  });
});
