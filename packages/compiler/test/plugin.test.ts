import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileProject } from "../src/index.js";
import { fixturesDir, repoRoot, runtimeDir } from "./helpers/paths.js";

const work = mkdtempSync(join(tmpdir(), "mosn-ts-plugin-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const headerGuardDir = join(repoRoot, "examples/header-guard");

function compileHeaderGuard(outDir: string) {
  return compileProject({
    projectDir: headerGuardDir,
    entries: ["src/filter.ts"],
    outDir,
    runtimeDir,
    moduleName: "mosnts.local/header-guard",
  });
}

/**
 * A copy of the runtime where golangfilter is an empty package when the real backend is
 * not there yet, so `go vet` can check the generated package main.
 */
function runtimeForVet(): string {
  if (existsSync(join(runtimeDir, "golangfilter"))) return runtimeDir;
  const copy = join(work, "runtime");
  mkdirSync(copy, { recursive: true });
  for (const part of ["go.mod", "api", "js"]) cpSync(join(runtimeDir, part), join(copy, part), { recursive: true });
  mkdirSync(join(copy, "golangfilter"), { recursive: true });
  writeFileSync(join(copy, "golangfilter", "stub.go"), "package golangfilter\n");
  return copy;
}

describe("compileProject on examples/header-guard", () => {
  const outDir = join(work, "header-guard");
  const started = Date.now();
  const result = compileHeaderGuard(outDir);
  const elapsed = Date.now() - started;

  it("succeeds quickly and writes go.mod, main.go and filter.go", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(elapsed).toBeLessThan(2000);
    expect(result.goFiles.map((f) => f.slice(outDir.length + 1)).sort()).toEqual(["filter.go", "go.mod", "main.go"]);
  });

  it("returns the config type descriptor", () => {
    expect(result.plugins).toEqual([
      {
        name: "header-guard",
        entry: join(headerGuardDir, "src/filter.ts"),
        schema: {
          kind: "object",
          name: "HeaderGuardConfig",
          fields: [
            { name: "requiredHeader", optional: false, type: { kind: "string" } },
            { name: "stripResponseHeaders", optional: false, type: { kind: "array", element: { kind: "string" } } },
            { name: "requestIdPrefix", optional: true, type: { kind: "string" } },
          ],
        },
      },
    ]);
  });

  it("writes go.mod with the runtime replace", () => {
    expect(readFileSync(join(outDir, "go.mod"), "utf8")).toBe(
      `module mosnts.local/header-guard\n\ngo 1.24\n\nrequire github.com/mosn-ts/envoy-go-runtime v0.0.0\n\nreplace github.com/mosn-ts/envoy-go-runtime => ${runtimeDir}\n`,
    );
  });

  it("registers the plugin in main.go and imports the backend", () => {
    const main = readFileSync(join(outDir, "main.go"), "utf8");
    expect(main).toContain('_ "github.com/mosn-ts/envoy-go-runtime/golangfilter"');
    expect(main).toContain("api.Register(headerGuardPlugin)");
    expect(main).toContain("func main() {}");
  });

  it("lowers the filter to readable Go with hook methods and //line directives", () => {
    const go = readFileSync(join(outDir, "filter.go"), "utf8");
    expect(go).toContain("func (h *HeaderGuard) DecodeHeaders(headers api.RequestHeaderMap, endStream bool) api.Status {");
    expect(go).toContain("func (h *HeaderGuard) EncodeHeaders(headers api.ResponseHeaderMap, endStream bool) api.Status {");
    expect(go).toContain('return h.ctx.SendLocalReply(403, body, []api.Header{{Name: "content-type", Value: "application/json"}}, "")');
    expect(go).toContain("value := js.Opt(headers.Get(required))");
    expect(go).toContain("h.ctx.Log(api.LogInfo, ");
    expect(go).toContain("for name := range h.config.StripResponseHeaders.Values() {");
    expect(go).toContain("return js.DecodeJSON[*HeaderGuardConfig](data, headerGuardConfigSchema)");
    expect(go).toMatch(new RegExp(`^//line ${join(headerGuardDir, "src/filter.ts")}:33$`, "m"));
  });

  it("is gofmt-clean and passes go vet", () => {
    const fmt = spawnSync("gofmt", ["-l", outDir], { encoding: "utf8" });
    expect(fmt.stdout).toBe("");
    const vetDir = join(work, "vet");
    cpSync(outDir, vetDir, { recursive: true });
    const mod = readFileSync(join(vetDir, "go.mod"), "utf8").replace(runtimeDir, runtimeForVet());
    writeFileSync(join(vetDir, "go.mod"), mod);
    const vet = spawnSync("go", ["vet", "."], { cwd: vetDir, encoding: "utf8" });
    expect(vet.stderr).toBe("");
    expect(vet.status).toBe(0);
  });
});

describe("compileProject rejections", () => {
  it("rejects a filter with unsupported constructs and writes nothing", () => {
    const outDir = join(work, "bad");
    const result = compileProject({
      projectDir: join(fixturesDir, "bad-plugin"),
      entries: ["src/filter.ts"],
      outDir,
      runtimeDir,
      moduleName: "mosnts.local/bad",
    });
    expect(result.ok).toBe(false);
    expect(result.goFiles).toEqual([]);
    expect(existsSync(outDir)).toBe(false);
    const codes = result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);
    expect(codes).toContain("MTS2003@5:5"); // var
    expect(codes).toContain("MTS3001@14:9"); // plugin name not a literal
  });

  it("rejects an entry without a definePlugin default export", () => {
    const dir = join(work, "no-default");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(join(dir, "src/filter.ts"), "export const x = 1;\n");
    const result = compileProject({ projectDir: dir, entries: ["src/filter.ts"], outDir: join(dir, "go"), runtimeDir, moduleName: "m" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["MTS3002"]);
  });
});
