import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { init, listTemplates } from "../src/commands/init.js";
import { CliError } from "../src/errors.js";
import { mosnTs } from "./helpers.js";

const quiet = (): void => {};

function target(name: string): string {
  return join(mkdtempSync(join(tmpdir(), "mosn-ts-init-")), name);
}

describe("mosn-ts init", () => {
  it("offers the basic and key-auth templates", () => {
    expect(listTemplates()).toEqual(expect.arrayContaining(["basic", "key-auth"]));
  });

  it("writes a template's consumers into the project settings", () => {
    const dir = target("gate");
    init(dir, { template: "key-auth" }, quiet);
    const settings = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))["mosn-ts"];
    expect(settings.consumers.map((c: { name: string }) => c.name)).toEqual(["alice", "bob"]);
    expect(settings.configs.gate.keys).toContainEqual({ name: "x-api-key", source: "header" });
    const yaml = readFileSync(join(dir, "envoy.yaml"), "utf8");
    expect(yaml.indexOf("plugin_name: mosn-ts-consumers")).toBeLessThan(yaml.indexOf("plugin_name: gate"));
  });

  it("writes a ready project named after the folder", () => {
    const dir = target("edge-tagger");
    init(dir, {}, quiet);
    for (const file of ["package.json", "tsconfig.json", "test/tsconfig.json", "scenarios.json", "src/filter.ts", "test/filter.test.ts", "envoy.yaml", ".gitignore", "README.md"]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.name).toBe("edge-tagger");
    expect(pkg.scripts).toMatchObject({ build: "mosn-ts build", test: "mosn-ts test", demo: "mosn-ts run" });
    expect(readFileSync(join(dir, "README.md"), "utf8")).toContain("`scenarios.json`");
    expect(pkg["mosn-ts"].configs["edge-tagger"]).toEqual({ healthPath: "/healthz", tagHeader: "x-edge-tagger", tagValue: "on" });
    // The linked packages must exist, or `npm install` in the new project fails.
    for (const dep of ["@mosn-ts/cli", "@mosn-ts/sdk"]) {
      const spec: string = pkg.devDependencies[dep];
      expect(spec.startsWith("file:")).toBe(true);
      expect(existsSync(join(spec.slice("file:".length), "package.json"))).toBe(true);
    }
    const filter = readFileSync(join(dir, "src/filter.ts"), "utf8");
    expect(filter).toContain('name: "edge-tagger"');
    expect(filter).not.toContain("{{");
    expect(readFileSync(join(dir, "envoy.yaml"), "utf8")).toContain("library_path: ./dist/edge-tagger.so");
  });

  it("gives filter code no Node types and tests Node's types", () => {
    const dir = target("typed");
    init(dir, {}, quiet);
    const src = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    expect(src.compilerOptions.types).toEqual([]);
    expect(src.include).toEqual(["src"]);
    const test = JSON.parse(readFileSync(join(dir, "test", "tsconfig.json"), "utf8"));
    expect(test).toMatchObject({ extends: "../tsconfig.json", compilerOptions: { types: ["node"] }, include: ["."] });
  });

  it("names the templates when --template has no value", async () => {
    for (const args of [["init", "x", "--template"], ["init", "--template"]]) {
      const run = await mosnTs(args, tmpdir());
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toBe("mosn-ts: --template needs a template name; available: basic, key-auth");
    }
  });

  it("takes the plugin name from --name", () => {
    const dir = target("folder");
    init(dir, { name: "custom-name" }, quiet);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name).toBe("custom-name");
  });

  it("refuses a non-empty folder, an unknown template and an invalid name", () => {
    const full = target("full");
    mkdirSync(full);
    writeFileSync(join(full, "keep.txt"), "mine");
    expect(() => init(full, {}, quiet)).toThrow(/not empty/);
    expect(readFileSync(join(full, "keep.txt"), "utf8")).toBe("mine");
    expect(() => init(target("x"), { template: "nope" }, quiet)).toThrow(/unknown template "nope"; available: .*basic/);
    expect(() => init(target("Bad_Name"), {}, quiet)).toThrow(CliError);
    expect(() => init(target("mosn-ts-consumers"), {}, quiet)).toThrow(/reserved/);
  });
});
