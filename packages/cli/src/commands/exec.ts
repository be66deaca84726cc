import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileProgram } from "@mosn-ts/compiler";
import { execa } from "execa";
import { CliError } from "../errors.js";
import { goBuild } from "../go-build.js";
import { runtimeDir } from "../locations.js";
import { bundleForNode } from "../node-bundle.js";
import { firstDifferingLine } from "../output-diff.js";
import { printDiagnostics } from "../print-diagnostics.js";
import { resolveUserPath } from "../user-paths.js";

export interface ExecOptions {
  /** Keep the generated Go and say where it is. */
  keep?: boolean;
  /** Run the TypeScript in Node only. */
  node?: boolean;
  /** Run it in Node and as Go, and fail when stdout or the exit status differ. */
  compare?: boolean;
}

/** What a program run printed and how it ended. */
interface ProgramRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * `mosn-ts exec <file.ts>`: compiles a standalone program to Go, runs it and returns its exit
 * code. Its stdout is exactly the program's console output. `--node` runs the TypeScript in
 * Node instead; `--compare` runs both and checks they agree, the differential test of the
 * compiler by hand.
 */
export async function exec(file: string, options: ExecOptions, args: string[]): Promise<number> {
  if (options.node && options.compare) throw new CliError("give --node or --compare, not both (--compare runs it in Node too)");
  if (options.node && options.keep) throw new CliError("--keep keeps the generated Go, and --node generates none");
  const source = resolveUserPath(file);
  checkProgramFile(file, source);
  const scratch = mkdtempSync(join(tmpdir(), "mosn-ts-exec-"));
  const keep = options.keep === true;
  try {
    if (options.node) return (await runInNode(source, file, scratch, args, "inherit")).exitCode;
    const node = options.compare ? await runInNode(source, file, scratch, args, "capture") : undefined;
    const binary = await compileToGo(source, file, scratch, keep);
    if (node === undefined) {
      const run = await execa(binary, args, { stdio: "inherit", reject: false });
      return run.exitCode ?? 1;
    }
    const go = await capture(binary, args);
    process.stdout.write(go.stdout);
    process.stderr.write(go.stderr);
    const difference = describeDifference(node, go);
    if (difference !== null) throw new CliError(`${file}: Node and Go disagree: ${difference}`);
    return go.exitCode;
  } finally {
    if (keep) process.stderr.write(`generated Go of ${file} kept in ${join(scratch, "go")}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

/** The program compiled to a Go executable in `scratch`; compile errors are printed like tsc's. */
async function compileToGo(source: string, typed: string, scratch: string, keep: boolean): Promise<string> {
  const goDir = join(scratch, "go");
  const result = compileProgram({ file: source, outDir: goDir, runtimeDir: runtimeDir() });
  printDiagnostics(result.diagnostics);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === "error").length;
    throw new CliError(`cannot compile the program ${typed}: ${errors} error(s)`);
  }
  const binary = join(scratch, "program");
  await goBuild({ goDir, output: binary, mode: "exe", temporary: !keep });
  return binary;
}

/** The program bundled by esbuild and run by this Node, with source maps: a stack names the .ts lines. */
async function runInNode(source: string, typed: string, scratch: string, args: string[], stdio: "inherit" | "capture"): Promise<ProgramRun> {
  const bundle = join(scratch, "program.mjs");
  await bundleForNode({ entry: { file: source }, outFile: bundle, what: `the program ${typed}` });
  const nodeArgs = ["--enable-source-maps", bundle];
  if (stdio === "capture") return capture(process.execPath, nodeArgs.concat(args));
  const run = await execa(process.execPath, nodeArgs.concat(args), { stdio: "inherit", reject: false });
  return { stdout: "", stderr: "", exitCode: run.exitCode ?? 1 };
}

/** Runs a program to its end with no input, keeping its output byte for byte. */
async function capture(command: string, args: string[]): Promise<ProgramRun> {
  const run = await execa(command, args, { stdin: "ignore", reject: false, stripFinalNewline: false });
  // A program killed by a signal has no exit code: counted as a failure (Go's runtime exits 2 on a crash).
  return { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode ?? 1 };
}

/** Where Node's and Go's runs first differ (stdout, then the exit status), or null when they agree. */
function describeDifference(node: ProgramRun, go: ProgramRun): string | null {
  const line = firstDifferingLine(node.stdout, go.stdout);
  const nodeErrors = node.stderr === "" ? "" : `\nNode's stderr:\n${node.stderr.trimEnd()}`;
  if (line !== null) {
    return `stdout differs at line ${line.line}:\n  node: ${line.left}\n  go:   ${line.right}${nodeErrors}`;
  }
  if (node.exitCode !== go.exitCode) return `exit status differs: node ${node.exitCode}, go ${go.exitCode}${nodeErrors}`;
  return null;
}

/** A missing file or a folder is the user's mistake, said plainly rather than as a compiler diagnostic. */
function checkProgramFile(typed: string, path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new CliError(`cannot run the program ${typed}: no such file (${path})`);
  }
  if (!isFile) throw new CliError(`cannot run the program ${typed}: ${path} is not a file`);
}
