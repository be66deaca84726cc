import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** gofmt -l and go vet on a generated module: both must be silent. */
function expectFormattedAndVetted(outDir: string): void {
  const fmt = spawnSync("gofmt", ["-l", outDir], { encoding: "utf8" });
  expect(fmt.stdout).toBe("");
  const vet = spawnSync("go", ["vet", "."], { cwd: outDir, encoding: "utf8" });
  expect(vet.stderr).toBe("");
  expect(vet.status).toBe(0);
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

  it("registers the plugin in main.go and imports the backend and the consumers plugin", () => {
    const main = readFileSync(join(outDir, "main.go"), "utf8");
    expect(main).toContain('_ "github.com/mosn-ts/envoy-go-runtime/golangfilter"');
    expect(main).toContain('_ "github.com/mosn-ts/envoy-go-runtime/consumers"');
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
    // A method declaration and its first statement map to their TypeScript lines.
    expect(go).toMatch(new RegExp(`^//line ${join(headerGuardDir, "src/filter.ts")}:30$`, "m"));
    expect(go).toMatch(new RegExp(`^//line ${join(headerGuardDir, "src/filter.ts")}:31$`, "m"));
  });

  it("is gofmt-clean and passes go vet", () => {
    expectFormattedAndVetted(outDir);
  });
});

describe("compileProject on the SDK surface (test/fixtures/sdk-surface)", () => {
  const outDir = join(work, "sdk-surface");
  const result = compileProject({ projectDir: join(fixturesDir, "sdk-surface"), entries: ["src/filter.ts"], outDir, runtimeDir, moduleName: "mosnts.local/sdk-surface" });
  const go = result.ok ? readFileSync(join(outDir, "filter.go"), "utf8") : "";

  it("compiles", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("declares the async hooks as a bitset and lowers await sleep to api.Sleep", () => {
    expect(go).toContain("func (s *Surface) AsyncHooks() api.Hooks {\n\treturn api.HookDecodeHeaders | api.HookDecodeData | api.HookEncodeData\n}");
    expect(go).toContain("func (s *Surface) DecodeHeaders(headers api.RequestHeaderMap, endStream bool) api.Status {");
    expect(go).toContain("api.Sleep(s.p.Config.DelayMs)");
  });

  it("calls configure by name and turns its throw into the Configure error", () => {
    expect(go).toContain("return js.Configure(func() any {\n\t\t\treturn configure(config.(*SurfaceConfig), env)\n\t\t})");
    expect(go).toContain('Requests: env.Counter("surface_requests")');
    expect(go).toContain('env.Log(api.LogInfo, "configured for "+config.Tenant)');
  });

  it("maps metrics, metadata, filter state, body controls and consumers by static type", () => {
    expect(go).toContain("s.p.Requests.Increment(1)");
    expect(go).toContain("s.p.InFlight.Decrement(1)");
    expect(go).toContain("s.p.Sizes.Record(float64(buffer.Len()))");
    expect(go).toContain('metadata.SetString("surface", "tenant", s.p.Config.Tenant)');
    expect(go).toContain('metadata.SetNumber("surface", "attempts", float64(info.AttemptCount()))');
    expect(go).toContain('metadata.SetBool("surface", "streamed", !endStream)');
    expect(go).toContain('weight := js.Opt(metadata.GetNumber("upstream", "weight"))');
    expect(go).toContain('state.Set("surface.tenant", s.p.Config.Tenant, api.DefaultFilterStateOptions)');
    expect(go).toContain(
      'state.Set("surface.conn", "1", api.FilterStateOptions{ReadOnly: api.DefaultFilterStateOptions.ReadOnly, LifeSpan: api.LifeSpanConnection, StreamSharing: api.StreamSharingSharedWithUpstreamConnection})',
    );
    expect(go).toContain('s.ctx.Decoder().AddDataString("generated body", false)');
    expect(go).toContain('s.ctx.Decoder().AddData(js.NewTextEncoder().Encode("generated bytes"), false)');
    expect(go).toContain('s.ctx.Decoder().InjectData(js.NewTextEncoder().Encode("!"))');
    expect(go).toContain('s.ctx.Encoder().InjectDataString(" and more")');
    expect(go).toContain('s.ctx.LookupConsumer("key-auth", *key)');
    expect(go).toContain("s.ctx.SetConsumer(consumer)");
    expect(go).toContain("current := s.ctx.Consumer()");
    expect(go).toContain("if s.ctx.LogLevel() <= api.LogDebug {");
  });

  it("sends local replies with a config record's headers or gRPC-style", () => {
    expect(go).toContain('return s.ctx.SendLocalReply(403, "denied "+s.p.Config.Tenant, recordHeaders(s.p.Config.ReplyHeaders), "surface_denied")');
    expect(go).toContain('return s.ctx.SendGrpcLocalReply(503, "try later", []api.Header{{Name: "x-why", Value: "grpc"}}, "surface_grpc", 8)');
  });

  it("describes a Record<string, string> config field as a record", () => {
    expect(result.plugins[0]!.schema).toMatchObject({ kind: "object", name: "SurfaceConfig" });
    const fields = (result.plugins[0]!.schema as { fields: unknown[] }).fields;
    expect(fields).toContainEqual({ name: "replyHeaders", optional: true, type: { kind: "record", value: { kind: "string" } } });
    expect(go).toContain('js.Optional("replyHeaders", js.RecordSchema(js.StringSchema)),');
  });

  it("is gofmt-clean and passes go vet", () => {
    expectFormattedAndVetted(outDir);
  });
});

describe("compileProject rejections", () => {
  it("reserves the consumers plugin's name", () => {
    const dir = join(work, "reserved");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(
      join(dir, "src/filter.ts"),
      'import { definePlugin, type Filter } from "@mosn-ts/sdk";\nclass F implements Filter {}\nexport default definePlugin<{}>({ name: "mosn-ts-consumers", create: () => new F() });\n',
    );
    const result = compileProject({ projectDir: dir, entries: ["src/filter.ts"], outDir: join(dir, "go"), runtimeDir, moduleName: "m" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(["MTS3012@3:41"]);
  });

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

  it("rejects config records JSON cannot hold", () => {
    const dir = join(work, "bad-records");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(
      join(dir, "src/filter.ts"),
      'import { definePlugin, type Filter } from "@mosn-ts/sdk";\n' +
        "interface C {\n  byNumber: Record<number, string>;\n  mixed: { fixed: string; [k: string]: string };\n}\n" +
        'class F implements Filter {}\nexport default definePlugin<C>({ name: "records", create: () => new F() });\n',
    );
    const result = compileProject({ projectDir: dir, entries: ["src/filter.ts"], outDir: join(dir, "go"), runtimeDir, moduleName: "m" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`)).toEqual([
      "MTS2004@4:3 The type '{ [k: string]: string; fixed: string; }' cannot be represented in Go.",
      "MTS3005@3:3 A config or JSON.parse type cannot contain 'a number index signature (JSON keys are strings: Record<string, T>)'.",
    ]);
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
