import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../src/index.js";
import { gofmtDiagnostic } from "../src/diagnostics/gofmt-errors.js";
import { gofmt } from "../src/go/gofmt.js";

/** Generated Go that gofmt rejects: the internal error must point at the TypeScript line. */
function rejected(source: string): string {
  const r = gofmt(source);
  if (r.ok) throw new Error("gofmt accepted the broken source");
  return r.error;
}

describe("gofmt rejections of generated Go", () => {
  it("are internal compiler errors at the TypeScript line of the offending Go", () => {
    const go = "package main\n\nfunc run() {\n//line /src/app.ts:7\n\ty := 2\n\tvar v\n\t_ = y\n}\n";
    const d = gofmtDiagnostic(rejected(go), "/src/main.ts", go);
    expect({ code: d.code, file: d.file, line: d.line }).toEqual({ code: "MTS9002", file: "/src/app.ts", line: 8 });
    expect(d.message).toMatch(/^Internal compiler error: gofmt rejected the generated Go: \/src\/app\.ts:8: expected type, found newline/);
    expect(formatDiagnostic(d).toLowerCase()).toContain("internal compiler error");
  });

  it("fall back to the module's file when no //line directive precedes the error", () => {
    const go = "package main\n\nfunc run() {\n\tvar v\n}\n";
    const d = gofmtDiagnostic(rejected(go), "/src/main.ts", go);
    expect({ file: d.file, line: d.line, column: d.column }).toEqual({ file: "/src/main.ts", line: 1, column: 1 });
    expect(d.message).toContain("<standard input>:4:7: expected type, found newline");
  });
});
