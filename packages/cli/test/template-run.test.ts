import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listTemplates } from "../src/commands/init.js";
import { mosnTs, scratchDir } from "./helpers.js";

/** What a run printed from the first request on: the heading (which names the backends) left out. */
function requestsPart(stdout: string): string {
  return stdout.slice(stdout.indexOf("\n▶ "));
}

// `mosn-ts run` needs no npm install (the CLI brings the SDK and the compiler), so each
// template's scenarios.json can be sent through its TypeScript and its freshly built .so
// right after init.
describe.each(listTemplates())("the %s template's scenarios.json", (template) => {
  it("runs out of the box with `mosn-ts run`, on the TypeScript source alone and compared with the .so", async () => {
    const dir = join(scratchDir(`run-${template}`), "demo-plugin");
    const init = await mosnTs(["init", dir, "--template", template], process.cwd());
    expect(init.exitCode, init.all).toBe(0);

    const ts = await mosnTs(["run", "--backend", "ts"], dir);
    expect(ts.exitCode, ts.all).toBe(0);
    expect(ts.stdout).toContain("TypeScript host (the source, in Node), plugin demo-plugin");
    // The TypeScript backend needs no build.
    expect(existsSync(join(dir, "dist"))).toBe(false);

    const run = await mosnTs(["run"], dir);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toContain(`TypeScript host and mock Envoy host (${join(dir, "dist", "demo-plugin.so")}), compared, plugin demo-plugin`);
    const names = (JSON.parse(readFileSync(join(dir, "scenarios.json"), "utf8")) as { requests: { name: string }[] }).requests.map((r) => r.name);
    for (const name of names) expect(run.stdout).toContain(`▶ ${name}`);
    if (template === "basic") {
      expect(run.stdout).toMatch(/▶ the health path is answered by the filter\n  request   GET \/healthz\n  upstream  \(not reached\)\n  client    200 /);
      expect(run.stdout).toContain("x-demo-plugin: on");
    }
    if (template === "key-auth") {
      expect(run.stdout).toMatch(/▶ no API key: 401 with a Key challenge\n.*\n.*\n  client    401 /);
      expect(run.stdout).toContain("x-consumer-name: alice");
      expect(run.stdout).toContain("x-consumer-name: bob");
    }
    // The same results, whichever backend produced them.
    expect(requestsPart(ts.stdout)).toBe(requestsPart(run.stdout));
    const native = await mosnTs(["run", "--backend", "native"], dir);
    expect(native.exitCode, native.all).toBe(0);
    expect(native.stdout).toContain(`mock Envoy host: ${join(dir, "dist", "demo-plugin.so")}, plugin demo-plugin`);
    expect(requestsPart(native.stdout)).toBe(requestsPart(run.stdout));
  });
});
