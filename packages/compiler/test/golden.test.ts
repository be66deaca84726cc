import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compilePrograms, formatDiagnostic } from "../src/index.js";
import { corpusDir, runtimeDir } from "./helpers/paths.js";

/**
 * Golden snapshots of the Go generated for a few corpus programs: they pin down what the
 * output looks like (gofmt'd, idiomatic names, few runtime calls), so a change to it shows
 * up in review. Run with MOSN_TS_UPDATE_GOLDEN=1 to rewrite them after an intended change.
 */
const goldenDir = join(import.meta.dirname, "golden");
const programs = ["closures_loop_let", "class_inherit_basic", "union_discriminated", "exceptions_finally", "regex_groups", "json_parse_typed"];
const work = join(tmpdir(), "mosn-ts-golden");
rmSync(work, { recursive: true, force: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("golden Go output", () => {
  const results = compilePrograms(programs.map((p) => ({ file: join(corpusDir, `${p}.ts`), outDir: join(work, p), runtimeDir })));
  programs.forEach((name, i) => {
    it(name, () => {
      const result = results[i]!;
      expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
      const goFile = readdirSync(join(work, name)).find((f) => f.endsWith(".go") && f !== "main.go")!;
      // The //line directives hold absolute paths: the snapshot keeps them relative to the package.
      const go = readFileSync(join(work, name, goFile), "utf8").replaceAll(`${corpusDir}/`, "test/corpus/");
      const golden = join(goldenDir, `${name}.go.golden`);
      if (process.env.MOSN_TS_UPDATE_GOLDEN) {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(golden, go);
      }
      expect(existsSync(golden), `${golden} is missing: run with MOSN_TS_UPDATE_GOLDEN=1`).toBe(true);
      expect(go).toBe(readFileSync(golden, "utf8"));
    });
  });
});
