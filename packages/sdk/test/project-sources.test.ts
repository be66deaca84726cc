import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPluginProject, reachableSources, sourcesFingerprint } from "../src/testing/source-schema/project-sources.js";

/** A scratch project: files by relative path. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mosn-ts-sources-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the project whose plugins the TypeScript host derives config types from", () => {
  it("is the nearest package.json with a mosn-ts field, with its entries or the default ones", () => {
    const listed = project({ "package.json": JSON.stringify({ "mosn-ts": { entries: ["src/a.ts"] } }), "src/a.ts": "", "test/x.test.ts": "" });
    expect(findPluginProject(join(listed, "test"))).toEqual({ dir: listed, entries: [join(listed, "src/a.ts")] });
    const defaulted = project({ "package.json": JSON.stringify({ "mosn-ts": {} }), "src/index.ts": "" });
    expect(findPluginProject(defaulted)).toEqual({ dir: defaulted, entries: [join(defaulted, "src/index.ts")] });
  });

  it("is none for another package, or entries that do not exist", () => {
    expect(findPluginProject(project({ "package.json": JSON.stringify({ name: "x" }), "src/index.ts": "" }))).toBeNull();
    expect(findPluginProject(project({ "package.json": JSON.stringify({ "mosn-ts": { entries: ["src/gone.ts"] } }) }))).toBeNull();
    expect(findPluginProject(project({ "package.json": "{ not json" }))).toBeNull();
  });
});

describe("the sources a config type depends on", () => {
  it("are the entries and the modules they reach through relative imports", () => {
    const dir = project({
      "src/filter.ts": 'import { definePlugin } from "@mosn-ts/sdk";\nimport type { Config } from "./config.js";\nexport { x } from "./lib/index.js";\n',
      "src/config.ts": 'import "./side";\nexport interface Config { a: string }\n',
      "src/side.ts": "",
      "src/lib/index.ts": 'const m = await import("../config.js");\n',
      "src/unused.ts": "",
      "test/filter.test.ts": 'import "../src/filter.js";\n',
    });
    expect(reachableSources([join(dir, "src/filter.ts")]).map((f) => f.slice(dir.length + 1))).toEqual([
      "src/filter.ts",
      "src/config.ts",
      "src/lib/index.ts",
      "src/side.ts",
    ]);
  });

  it("change the fingerprint when one of them changes, and only then", () => {
    const dir = project({ "package.json": JSON.stringify({ "mosn-ts": {} }), "src/filter.ts": 'import "./config.js";\n', "src/config.ts": "a", "test/t.test.ts": "1" });
    const p = findPluginProject(dir)!;
    const compiler = join(dir, "package.json");
    const print = () => sourcesFingerprint(p, reachableSources(p.entries), compiler);
    const first = print();
    writeFileSync(join(dir, "test/t.test.ts"), "2");
    expect(print()).toBe(first);
    writeFileSync(join(dir, "src/config.ts"), "b");
    expect(print()).not.toBe(first);
  });
});
