import { rmSync } from "node:fs";
import { mapGoErrors } from "@mosn-ts/compiler";
import { execa } from "execa";
import { CliError, INTERNAL_ERROR_EXIT } from "./errors.js";
import { printDiagnostics } from "./print-diagnostics.js";
import { ensureGo, hermeticGoEnv } from "./toolchain.js";

export interface GoBuildRequest {
  /** The generated Go module. */
  goDir: string;
  /** The file to write. */
  output: string;
  /** c-shared for a filter library, exe for `mosn-ts exec` programs. */
  mode: "c-shared" | "exe";
  tags?: string[];
  /**
   * The Go folder is deleted after the build (`mosn-ts exec` without --keep): an error then
   * says how to keep it rather than naming a folder that will be gone.
   */
  temporary?: boolean;
}

/**
 * Builds generated Go. The compiler promises Go that builds, so a failure here is a compiler
 * bug: it is reported as an internal error at the TypeScript location the generated //line
 * directives give, with Go's own messages.
 */
export async function goBuild(req: GoBuildRequest): Promise<void> {
  await ensureGo();
  const args = ["build", `-buildmode=${req.mode === "c-shared" ? "c-shared" : "exe"}`, "-o", req.output];
  if (req.tags && req.tags.length > 0) args.push("-tags", req.tags.join(","));
  args.push(".");
  const result = await execa("go", args, {
    cwd: req.goDir,
    env: hermeticGoEnv(),
    reject: false,
    all: true,
  });
  if (result.exitCode === 0) return;
  rmSync(req.output, { force: true });
  const output = result.all ?? "";
  const located = mapGoErrors(output, req.goDir);
  if (located.length === 0 && !/^(?:\.\/)?[\w.-]+\.go:\d+/m.test(output)) {
    // Nothing points into the generated code: the toolchain or its environment failed (a
    // cross build without a C cross compiler, a missing gcc), which is no compiler bug.
    throw new CliError(`go build failed outside the generated code: check the Go and C toolchains${toolchainNote()}.\n${output}`);
  }
  printDiagnostics(located);
  const where = located[0] ? ` at ${located[0].file}:${located[0].line}:${located[0].column}` : "";
  const goDir = req.temporary ? "(run again with --keep to keep it)" : `in ${req.goDir}`;
  const yours = req.mode === "exe" ? "program" : "filter";
  throw new CliError(
    `internal compiler error${where}: the generated Go ${goDir} does not build.\n` +
      `${output}\n` +
      `This is a bug in mosn-ts, not in your ${yours}; please report it with the TypeScript above.`,
    INTERNAL_ERROR_EXIT,
  );
}

/** The settings a user may have made for a cross build, named in a toolchain failure. */
function toolchainNote(): string {
  const set = ["GOOS", "GOARCH", "CC", "CGO_CFLAGS", "CGO_LDFLAGS"].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
  if (set.length === 0) return "";
  return ` (set: ${set.join(" ")}; a cross build needs a C compiler for the target in CC, see docs/deploying.md)`;
}
