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

describe("filters written otherwise than new SomeClass() (test/fixtures/sdk-surface/src/shapes.ts)", () => {
  const outDir = join(work, "shapes");
  const result = compileProject({ projectDir: join(fixturesDir, "sdk-surface"), entries: ["src/shapes.ts"], outDir, runtimeDir, moduleName: "mosnts.local/shapes" });
  const go = result.ok ? readFileSync(join(outDir, "shapes.go"), "utf8") : "";

  it("compiles", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("gives an object literal filter a Go type whose hook methods call its closures", () => {
    expect(go).toContain("type objectFilter2 struct {\n\tdecodeHeaders    func(api.RequestHeaderMap, bool) api.Status\n\tdecodeData       func(api.BodyBuffer, bool) api.Status\n");
    expect(go).toContain("func (f *objectFilter2) DecodeHeaders(headers api.RequestHeaderMap, endStream bool) api.Status {\n\treturn f.decodeHeaders(headers, endStream)\n}");
    expect(go).toContain("func (f *objectFilter2) OnLog(entry *api.LogEntry) {\n\tf.onLog(entry)\n}");
    expect(go).toContain("func (f *objectFilter2) AsyncHooks() api.Hooks {\n\treturn api.HookDecodeData\n}");
    // The closures capture create's locals; an arrow hook gets the hook's full signature.
    expect(go).toContain("return &objectFilter2{\n");
    expect(go).toContain("encodeHeaders: func(headers api.ResponseHeaderMap, _ bool) api.Status {");
    expect(go).toContain("var filter any = &objectFilter{\n");
    expect(go).toContain("func (f *objectFilter) AsyncHooks() api.Hooks {\n\treturn api.HookDecodeHeaders\n}");
  });

  it("keeps a class instance chosen by a function returning Filter as itself (Filter is any)", () => {
    expect(go).toMatch(/func choose\(ctx api\.Context, first bool\) any \{\n\tvar v any\n\tif first \{\n\t\tv = newFirst\(ctx\)\n\t\} else \{\n\t\tv = newSecond\(\)\n/);
  });

  it("is gofmt-clean and passes go vet", () => {
    expectFormattedAndVetted(outDir);
  });
});

describe("values used as a Filter whose hooks would not be Go methods (MTS3013)", () => {
  const dir = join(work, "filter-values");
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(
    join(dir, "src/filter.ts"),
    [
      'import { definePlugin, type Filter, type RequestHeaders, Status } from "@mosn-ts/sdk";',
      "class Plain {",
      "  decodeHeaders(headers: RequestHeaders): void {",
      '    headers.set("x", "1");',
      "  }",
      "}",
      "class Field implements Filter {",
      '  decodeHeaders = (headers: RequestHeaders): void => headers.set("x", "1");',
      "}",
      "class Base implements Filter {",
      "  onStreamComplete(): void {}",
      "}",
      "class Added extends Base {",
      "  decodeHeaders(): Status {",
      "    return Status.Continue;",
      "  }",
      "}",
      "function handler(): Status {",
      "  return Status.Continue;",
      "}",
      "export default definePlugin<{ n: number }>({",
      '  name: "values",',
      "  create: (_ctx, config) => {",
      "    if (config.n === 1) return new Plain();",
      "    if (config.n === 2) return new Field();",
      "    if (config.n === 3) return new Added();",
      "    if (config.n === 4) return { count: 0, decodeHeaders: () => Status.Continue };",
      "    if (config.n === 5) return { decodeHeaders: handler };",
      "    const untyped = { decodeHeaders: () => Status.Continue };",
      "    if (config.n === 6) return untyped;",
      "    if (config.n === 7) return config.n > 7 ? new Full() : { decodeHeaders: () => Status.Continue };",
      "    return config.n > 7 ? new Base() : new Plain();",
      "  },",
      "});",
      "class Full implements Filter {",
      "  decodeHeaders(): Status {",
      "    return Status.Continue;",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(dir, "src/named.ts"),
    [
      'import { definePlugin, type FilterContext } from "@mosn-ts/sdk";',
      "function makeFilter(_ctx: FilterContext, _config: {}) {",
      "  return { onStreamComplete() {} };",
      "}",
      'export default definePlugin<{}>({ name: "named", create: makeFilter });',
      "",
    ].join("\n"),
  );
  const result = compileProject({ projectDir: dir, entries: ["src/filter.ts", "src/named.ts"], outDir: join(dir, "go"), runtimeDir, moduleName: "m" });
  const found = result.diagnostics.map((d) => `${d.file.split("/").pop()}:${d.line}:${d.column} ${d.code} ${d.message}`);

  it("rejects each, where it is used as a Filter, saying why", () => {
    expect(result.ok).toBe(false);
    const why = (at: string, what: string) => `${at} MTS3013 A filter must be an instance of a class that implements Filter, or an object literal of hooks written where a Filter is expected; this is ${what}.`;
    expect(found.sort()).toEqual(
      [
        why("filter.ts:24:32", "an instance of 'Plain', which does not implement Filter"),
        why("filter.ts:25:32", "an instance of 'Field', whose hook 'decodeHeaders' is a property, not a method"),
        why("filter.ts:26:32", "an instance of 'Added', whose hook 'decodeHeaders' is not declared by a class that implements Filter"),
        why("filter.ts:27:34", "an object literal with 'count', which is not a hook"),
        why("filter.ts:28:34", "an object literal whose hook 'decodeHeaders' is not written as a method or a function expression"),
        why("filter.ts:30:32", "an object literal"),
        // TypeScript reduced the conditional's type to the class the literal fits: Go's *Full.
        why("filter.ts:31:60", "an object literal in an expression of type 'Full', not Filter"),
        why("filter.ts:32:40", "an instance of 'Plain', which does not implement Filter"),
        why("named.ts:3:10", "an object literal"),
      ].sort(),
    );
    expect(result.diagnostics[0]!.hint).toContain("class MyFilter implements Filter");
  });

  it("rejects this in a hook method of an object literal (it would be the literal)", () => {
    const thisDir = join(work, "filter-this");
    mkdirSync(join(thisDir, "src"), { recursive: true });
    writeFileSync(
      join(thisDir, "src/filter.ts"),
      'import { definePlugin, type Filter } from "@mosn-ts/sdk";\nexport default definePlugin<{}>({\n  name: "this",\n  create: (): Filter => ({\n    onStreamComplete() {\n      void this;\n    },\n  }),\n});\n',
    );
    const r = compileProject({ projectDir: thisDir, entries: ["src/filter.ts"], outDir: join(thisDir, "go"), runtimeDir, moduleName: "m" });
    expect(r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(["MTS2033@6:12"]);
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

  it("rejects config types JSON.parse would take but a config cannot: null, tuples, recursion", () => {
    const dir = join(work, "bad-config-types");
    mkdirSync(join(dir, "src"), { recursive: true });
    const compileWith = (config: string) => {
      writeFileSync(
        join(dir, "src/filter.ts"),
        'import { definePlugin, type Filter } from "@mosn-ts/sdk";\n' +
          "interface Node { name: string; next?: Node }\n" +
          `interface C {\n  ${config};\n}\n` +
          'class F implements Filter {}\nexport default definePlugin<C>({ name: "types", create: () => new F() });\n',
      );
      const result = compileProject({ projectDir: dir, entries: ["src/filter.ts"], outDir: join(dir, "go"), runtimeDir, moduleName: "m" });
      expect(result.ok).toBe(false);
      return result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`);
    };
    expect(compileWith("a: string | null")).toEqual(["MTS3005@4:3 A config or JSON.parse type cannot contain 'null'."]);
    expect(compileWith("t: [number, string]")).toEqual(["MTS3005@4:3 A config or JSON.parse type cannot contain 'a tuple'."]);
    expect(compileWith("n: Node")).toEqual(["MTS3005@2:32 A config or JSON.parse type cannot contain 'the recursive type Node'."]);
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
