import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePrograms, formatDiagnostic } from "../src/index.js";
import { corpusDir, runtimeDir } from "./helpers/paths.js";
import { type RunResult, mapLimit, run, runInNode } from "./helpers/run-node.js";

/**
 * Differential tests: every corpus program runs in Node and, compiled to Go, as a Go
 * program; stdout and exit status must be identical. All programs are built into one
 * Go binary (one package per program, a dispatcher main) so the corpus costs one link.
 */
const programs = readdirSync(corpusDir).filter((f) => f.endsWith(".ts")).sort();
// A fixed directory per checkout: the generated packages keep their paths between runs, so
// Go's build cache turns a rebuild of an unchanged corpus into a link; two checkouts (a
// developer's and a CI clone) never share one.
const work = join(tmpdir(), `mosn-ts-differential-${createHash("sha256").update(corpusDir).digest("hex").slice(0, 12)}`);
const goResults = new Map<string, RunResult>();
const nodeResults = new Map<string, RunResult>();
const compileErrors = new Map<string, string>();

function packageName(file: string): string {
  return `p_${file.replace(/\.ts$/, "").replace(/[^A-Za-z0-9]/g, "_")}`;
}

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  const modDir = join(work, "go");
  const nodeDir = join(work, "node");
  mkdirSync(modDir, { recursive: true });
  mkdirSync(nodeDir, { recursive: true });
  const compiled: string[] = [];
  const results = compilePrograms(programs.map((file) => ({ file: join(corpusDir, file), outDir: join(modDir, packageName(file)), runtimeDir, asPackage: packageName(file) })));
  programs.forEach((file, i) => {
    const result = results[i]!;
    if (result.ok) compiled.push(packageName(file));
    else compileErrors.set(file, result.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
  });
  writeFileSync(
    join(modDir, "go.mod"),
    `module difftest\n\ngo 1.24\n\nrequire github.com/mosn-ts/envoy-go-runtime v0.0.0\n\nreplace github.com/mosn-ts/envoy-go-runtime => ${runtimeDir}\n`,
  );
  const imports = compiled.map((p) => `\t"difftest/${p}"`).join("\n");
  const entries = compiled.map((p) => `\t"${p}": ${p}.Main,`).join("\n");
  writeFileSync(
    join(modDir, "main.go"),
    `package main\n\nimport (\n\t"os"\n\n${imports}\n)\n\nvar programs = map[string]func(){\n${entries}\n}\n\nfunc main() {\n\tprograms[os.Args[1]]()\n}\n`,
  );
  const build = await run("go", ["build", "-o", join(work, "corpus-bin"), "."], { cwd: modDir });
  if (build.code !== 0) {
    if (process.env.MOSN_TS_KEEP) console.error(`kept ${modDir}`);
    throw new Error(`go build of the corpus failed:\n${build.stderr}`);
  }
  const env = { ...process.env, MOSN_TS_SEED: "1" };
  await mapLimit(compiled, 4, async (pkg) => {
    goResults.set(pkg, await run(join(work, "corpus-bin"), [pkg], { env }));
  });
  await mapLimit(programs, 2, async (file) => {
    nodeResults.set(file, await runInNode(join(corpusDir, file), nodeDir));
  });
}, 600_000);

afterAll(() => {
  if (!process.env.MOSN_TS_KEEP) rmSync(work, { recursive: true, force: true });
});

describe("differential corpus (Node vs compiled Go)", () => {
  it("has at least 300 programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(300);
  });
  for (const file of programs) {
    it(file, () => {
      expect(compileErrors.get(file)).toBeUndefined();
      const node = nodeResults.get(file)!;
      const go = goResults.get(packageName(file))!;
      expect(node.code, `node failed: ${node.stderr}`).toBeLessThanOrEqual(1);
      expect(go.stdout).toBe(node.stdout);
      expect(go.code, go.stderr).toBe(node.code);
    });
  }
});
