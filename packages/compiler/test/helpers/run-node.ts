import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ts } from "ts-morph";
import { repoRoot } from "./paths.js";

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ stdout, stderr, code: code ?? -1 }));
  });
}

const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext };

/**
 * The SDK's sources transpiled next to the programs (programs import `sleep` and enums
 * from "@mosn-ts/sdk"; Node runs them against the SDK's own code, as users would).
 */
function ensureSdk(workDir: string): string {
  const dir = join(workDir, "__sdk__");
  if (existsSync(join(dir, "index.js"))) return dir;
  mkdirSync(dir, { recursive: true });
  const src = join(repoRoot, "packages/sdk/src");
  for (const f of readdirSync(src)) {
    if (!f.endsWith(".ts")) continue;
    writeFileSync(join(dir, f.replace(/\.ts$/, ".js")), ts.transpileModule(readFileSync(join(src, f), "utf8"), { compilerOptions }).outputText);
  }
  return dir;
}

/**
 * Node's results are kept between test runs, keyed by everything they depend on (the
 * program, the SDK sources it may import, the Node version): the reference side of the
 * comparison needs no re-run while the corpus is unchanged.
 */
const nodeCacheDir = join(tmpdir(), "mosn-ts-node-results");

function librarySources(dir: string): string {
  if (!existsSync(dir)) return "";
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\0");
}

function sdkSources(): string {
  const src = join(repoRoot, "packages/sdk/src");
  return readdirSync(src)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => readFileSync(join(src, f), "utf8"))
    .join("\0");
}

/** Runs a TypeScript program in Node: transpiled (types erased) by the TypeScript API. */
export async function runInNode(tsFile: string, workDir: string): Promise<RunResult> {
  const source = readFileSync(tsFile, "utf8");
  let out = ts.transpileModule(source, { compilerOptions }).outputText;
  const usesSdk = out.includes('"@mosn-ts/sdk"');
  const libs = out.includes('"./lib/') ? librarySources(join(dirname(tsFile), "lib")) : "";
  const key = createHash("sha256")
    .update(`${process.version}\0${source}\0${usesSdk ? sdkSources() : ""}\0${libs}`)
    .digest("hex");
  const cached = join(nodeCacheDir, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as RunResult;
  if (usesSdk) out = out.replaceAll('"@mosn-ts/sdk"', JSON.stringify(`${ensureSdk(workDir)}/index.js`));
  // Modules the program imports (corpus/lib/*.ts), transpiled next to it.
  const libDir = join(dirname(tsFile), "lib");
  if (out.includes('"./lib/') && existsSync(libDir)) {
    mkdirSync(join(workDir, "lib"), { recursive: true });
    for (const f of readdirSync(libDir)) {
      if (f.endsWith(".ts")) writeFileSync(join(workDir, "lib", f.replace(/\.ts$/, ".js")), ts.transpileModule(readFileSync(join(libDir, f), "utf8"), { compilerOptions }).outputText);
    }
  }
  const js = join(workDir, `${tsFile.split("/").pop()!.replace(/\.ts$/, "")}.mjs`);
  writeFileSync(js, out);
  const result = await run(process.execPath, [js]);
  // Stack traces name the temporary file: only results without stderr are kept.
  if (result.stderr === "") {
    mkdirSync(nodeCacheDir, { recursive: true });
    writeFileSync(cached, JSON.stringify(result));
  }
  return result;
}

/** Maps over items with at most `limit` running at once. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
