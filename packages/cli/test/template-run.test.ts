import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listTemplates } from "../src/commands/init.js";
import { mosnTs, scratchDir } from "./helpers.js";

// `mosn-ts run` needs no npm install (the compiler brings the SDK), so each template's
// scenarios.json can be sent through its freshly built .so right after init.
describe.each(listTemplates())("the %s template's scenarios.json", (template) => {
  it("runs out of the box with `mosn-ts run`", async () => {
    const dir = join(scratchDir(`run-${template}`), "demo-plugin");
    const init = await mosnTs(["init", dir, "--template", template], process.cwd());
    expect(init.exitCode, init.all).toBe(0);
    const run = await mosnTs(["run"], dir);
    expect(run.exitCode, run.all).toBe(0);
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
  });
});
