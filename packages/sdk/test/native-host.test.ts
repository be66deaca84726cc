import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { HostProtocolError } from "../src/testing/errors.js";
import { NativeHost } from "../src/testing/native/native-host.js";

const here = dirname(fileURLToPath(import.meta.url));
const fakeHost = join(here, "fixtures", "fake-mockhost.mjs");
const requestOp = (id: string) => ({ op: "request" as const, id, request: { headers: [] as [string, string][] } });

/** Running, and not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** A killed process takes a moment to go. */
async function goneSoon(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !isAlive(pid);
}

async function pidOf(host: NativeHost): Promise<number> {
  const answer = await host.config({ op: "config", plugin: "p", config: {} });
  return Number(/pid (\d+)/.exec(answer.logs[0]!.message)![1]);
}

const opened: NativeHost[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()));
});

function start(seed?: number): NativeHost {
  const host = new NativeHost({ binary: fakeHost, soPath: "/x/plugin.so", seed });
  opened.push(host);
  return host;
}

describe("NativeHost (the client of the native mock host)", () => {
  it("runs the host with the .so and the seed, and pairs answers with requests", async () => {
    const host = start(7);
    const answer = await host.config({ op: "config", plugin: "p", config: {} });
    expect(answer.logs[0]!.message).toContain('args ["/x/plugin.so","--seed","7"]');
    const [a, b] = await Promise.all([host.request(requestOp("a")), host.request(requestOp("b"))]);
    expect([a.id, b.id]).toEqual(["a", "b"]);
  });

  it("ends the process on close", async () => {
    const host = start();
    const pid = await pidOf(host);
    expect(isAlive(pid)).toBe(true);
    await host.close();
    expect(await goneSoon(pid)).toBe(true);
  });

  it("reports a crash with the end of the host's stderr, then refuses further calls", async () => {
    const host = start();
    await expect(host.request(requestOp("crash"))).rejects.toThrow(/native host exited \(code 3\).*\n.*crashed on purpose/s);
    await expect(host.request(requestOp("after"))).rejects.toBeInstanceOf(HostProtocolError);
  });

  it("reports a line that is not JSON and an op the host refused", async () => {
    const host = start();
    await expect(host.request(requestOp("garbage"))).rejects.toThrow(/not a JSON object.*this is not json/);
    await expect(host.request(requestOp("refuse"))).rejects.toThrow(/native host refused .*refused on purpose/);
    expect((await host.request(requestOp("fine"))).id).toBe("fine");
  });

  it("reports a binary that cannot run", async () => {
    const host = new NativeHost({ binary: join(here, "no-such-host"), soPath: "/x.so" });
    await expect(host.request(requestOp("a"))).rejects.toThrow(/cannot run the native host|native host exited/);
    await host.close();
  });

  it("does not keep Node alive, and kills a host nobody closed when Node exits", async () => {
    // A separate Node process starts a host that ignores the end of its input, and exits
    // without close(): it must exit on its own, and the host must be gone afterwards.
    const dir = mkdtempSync(join(tmpdir(), "mosn-ts-native-"));
    for (const file of ["errors.ts", "native/native-host.ts", "native/process-registry.ts"]) {
      const source = readFileSync(join(here, "..", "src", "testing", file), "utf8");
      const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
      const target = join(dir, file.replace(/\.ts$/, ".js"));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, out.outputText);
    }
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    const script = [
      `import { NativeHost } from "./native/native-host.js";`,
      `const host = new NativeHost({ binary: ${JSON.stringify(fakeHost)}, soPath: "/x.so" });`,
      `const answer = await host.config({ op: "config", plugin: "p", config: {} });`,
      `console.log(/pid (\\d+)/.exec(answer.logs[0].message)[1]);`,
    ].join("\n");
    writeFileSync(join(dir, "child.mjs"), script);
    const child = spawnSync(process.execPath, [join(dir, "child.mjs")], {
      env: { ...process.env, FAKE_IGNORE_EOF: "1" },
      encoding: "utf8",
      timeout: 20000,
    });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    const pid = Number(child.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await goneSoon(pid)).toBe(true);
  });
});
