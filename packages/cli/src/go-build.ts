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
  const located = mapGoErrors(result.all ?? "", req.goDir);
  printDiagnostics(located);
  const where = located[0] ? ` at ${located[0].file}:${located[0].line}:${located[0].column}` : "";
  throw new CliError(
    `internal compiler error${where}: the generated Go in ${req.goDir} does not build.\n` +
      `${result.all ?? ""}\n` +
      "This is a bug in mosn-ts, not in your filter; please report it with the TypeScript above.",
    INTERNAL_ERROR_EXIT,
  );
}
