import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mosnTs } from "./helpers.js";
import { pluginSource, projectWith } from "./fixtures.js";

describe("mosn-ts build checks package.json's configs against the config type", () => {
  it("fails with the JSON path of a wrong value and writes no .so and no envoy.yaml", async () => {
    const dir = projectWith("tagger", { configs: { tagger: { tag: "on", limits: [1, "2"] } } });
    const build = await mosnTs(["build"], dir);
    expect(build.exitCode).toBe(1);
    expect(build.stderr).toContain(`"mosn-ts".configs.tagger.limits[1]: expected number, got string`);
    expect(existsSync(join(dir, "dist", "tagger.so"))).toBe(false);
    expect(existsSync(join(dir, "dist", "envoy.yaml"))).toBe(false);
  });

  it("names a missing field and an unknown one, quoting plugin names that are not identifiers", async () => {
    const missing = await mosnTs(["build"], projectWith("edge-tag", { configs: { "edge-tag": { limits: [] } } }));
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain(`"mosn-ts".configs["edge-tag"].tag: missing required field`);
    const unknown = await mosnTs(["build"], projectWith("tagger", { configs: { tagger: { tag: "x", tga: "y" } } }));
    expect(unknown.stderr).toContain(`"mosn-ts".configs.tagger.tga: unknown field`);
  });

  it("rejects a config for a plugin the project does not have, and malformed consumers", async () => {
    const other = await mosnTs(["build"], projectWith("tagger", { configs: { tagger: { tag: "x" }, taggr: {} } }));
    expect(other.exitCode).toBe(1);
    expect(other.stderr).toContain(`has a config for "taggr", which is not a plugin of this project (plugins: tagger)`);
    const consumers = await mosnTs(["build"], projectWith("tagger", { configs: { tagger: { tag: "x" } }, consumers: [{ credentials: {} }] }));
    expect(consumers.exitCode).toBe(1);
    expect(consumers.stderr).toContain(`"mosn-ts".consumers[0].name: missing required field`);
  });
});

describe("mosn-ts build output", () => {
  it("removes what an earlier build wrote and this one does not, and nothing else", async () => {
    const dir = projectWith("old-name", { configs: { "old-name": { tag: "x" } } });
    const first = await mosnTs(["build"], dir);
    expect(first.exitCode, first.all).toBe(0);
    expect(existsSync(join(dir, "dist", "old-name.so"))).toBe(true);
    writeFileSync(join(dir, "dist", "notes.txt"), "mine");

    // The plugin is renamed; its config follows.
    writeFileSync(join(dir, "src", "filter.ts"), pluginSource("new-name"));
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    pkg["mosn-ts"].configs = { "new-name": { tag: "x" } };
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg));
    const second = await mosnTs(["build"], dir);
    expect(second.exitCode, second.all).toBe(0);

    const left = readdirSync(join(dir, "dist")).filter((f) => !f.startsWith(".")).sort();
    expect(left).toEqual(["envoy.yaml", "go", "new-name.schema.json", "new-name.so", "notes.txt"]);
    expect(readFileSync(join(dir, "dist", "envoy.yaml"), "utf8")).toContain('plugin_name: "new-name"');
  });
});
