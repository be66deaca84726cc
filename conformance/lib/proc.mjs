// Running the tools the suite needs (go, make, node, nm), failing loudly with their output.
import { spawn, spawnSync } from "node:child_process";

/** The environment of every Go command: the local toolchain, no workspace. */
export function goEnv(extra = {}) {
  return { ...process.env, GOWORK: "off", GOTOOLCHAIN: "local", CGO_ENABLED: "1", ...extra };
}

/** Runs a command to completion; throws with its output when it fails. Returns stdout. */
export function run(cmd, args, { cwd, env, input } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, input, encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.error) throw new Error(`${cmd} ${args.join(" ")}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd ?? process.cwd()}) failed with ${r.status ?? r.signal}:\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

/** The same, asynchronously: resolves to { stdout, stderr, code }, never rejects on a non-zero exit. */
export function runAsync(cmd, args, { cwd, env, input, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${cmd} ${args.join(" ")}: no answer after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? signal });
    });
    child.stdin.end(input ?? "");
  });
}
