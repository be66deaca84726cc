import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../src/project.js";

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "mosn-ts-project-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("loadProject", () => {
  it("finds src/filter.ts and strips the npm scope from the name", () => {
    const dir = scratch({ "package.json": '{"name":"@acme/guard"}', "src/filter.ts": "" });
    const p = loadProject(dir);
    expect(p.name).toBe("guard");
    expect(p.entries).toEqual([join(dir, "src/filter.ts")]);
    expect(p.goDir).toBe(join(dir, "dist", "go"));
    expect(p.configs).toEqual({});
  });

  it("reads entries, envoy and configs from the mosn-ts field", () => {
    const dir = scratch({
      "package.json": JSON.stringify({
        name: "multi",
        "mosn-ts": { entries: ["a.ts", "b.ts"], envoy: "1.38", configs: { a: { x: 1 } }, consumers: [{ name: "c" }] },
      }),
      "a.ts": "",
      "b.ts": "",
    });
    const p = loadProject(dir);
    expect(p.entries).toEqual([join(dir, "a.ts"), join(dir, "b.ts")]);
    expect(p.envoy).toBe("1.38");
    expect(p.configs).toEqual({ a: { x: 1 } });
    expect(p.consumers).toEqual([{ name: "c" }]);
  });

  it("explains what is missing", () => {
    expect(() => loadProject(scratch({}))).toThrow(/no package.json.*mosn-ts init/);
    expect(() => loadProject(scratch({ "package.json": "{" }))).toThrow(/invalid JSON/);
    expect(() => loadProject(scratch({ "package.json": "{}" }))).toThrow(/no plugin entry.*src\/filter.ts/);
    expect(() =>
      loadProject(scratch({ "package.json": JSON.stringify({ "mosn-ts": { entries: ["gone.ts"] } }) })),
    ).toThrow(/entry gone.ts does not exist/);
    expect(() => loadProject(scratch({ "package.json": JSON.stringify({ "mosn-ts": { entries: [] } }) }))).toThrow(
      /non-empty array/,
    );
  });
});
