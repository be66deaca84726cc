import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mosnTs, scratchDir } from "./helpers.js";

// A plugin whose compiled form behaves differently from its TypeScript on one request: it
// reads `parts[3]!` past the end of a short path, which Node lets through as undefined and
// the compiled Go refuses (docs/subset.md, "Run-time refusals"). It also throws on /boom,
// alike on both backends, at line 6.
const FILTER = `import { definePlugin, type Filter, type RequestHeaders, Status } from "@mosn-ts/sdk";

class Segments implements Filter {
  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    const path = headers.get(":path") ?? "/";
    if (path === "/boom") throw new Error("boom at " + path);
    const parts = path.split("/");
    const third: string = parts[3]!;
    headers.set("x-third", \`\${third}\`);
    return Status.Continue;
  }
}

export default definePlugin<{}>({
  name: "segments",
  create: () => new Segments(),
});
`;

// A second entry of the project, with an async hook: Running, then the posted Continue.
const LATER = `import { definePlugin, sleep, type Filter, type RequestHeaders, Status } from "@mosn-ts/sdk";

class Later implements Filter {
  async decodeHeaders(headers: RequestHeaders, endStream: boolean): Promise<Status> {
    await sleep(1);
    headers.set("x-later", "yes");
    return Status.Continue;
  }
}

export default definePlugin<{}>({
  name: "later",
  create: () => new Later(),
});
`;

const SCENARIOS = {
  requests: [
    { name: "deep", path: "/a/b/c" },
    { name: "boom", path: "/boom" },
    { name: "shallow", path: "/a" },
  ],
};

describe("mosn-ts run --backend", () => {
  const dir = scratchDir("run-backends");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "filter.ts"), FILTER);
  writeFileSync(join(dir, "src", "later.ts"), LATER);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "segments", type: "module", "mosn-ts": { entries: ["src/filter.ts", "src/later.ts"] } }));
  writeFileSync(join(dir, "scenarios.json"), JSON.stringify(SCENARIOS));
  writeFileSync(join(dir, "later.json"), JSON.stringify({ plugin: "later", requests: [{ name: "held", path: "/x" }] }));

  it("ts runs the source in Node, and a throw names its .ts line", async () => {
    const run = await mosnTs(["run", "--backend", "ts"], dir);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toContain("x-third: c");
    expect(run.stdout).toContain("x-third: undefined");
    expect(run.stdout).toContain('  log       [error] panic in plugin "segments" decodeHeaders: Error: boom at /boom\n');
    expect(run.stdout).toContain(
      `  thrown    Error: boom at /boom (TypeScript)\n            at Segments.decodeHeaders (${join(dir, "src", "filter.ts")}:6:`,
    );
  });

  it("both prints the results the backends agree on and fails with the first divergence", async () => {
    const run = await mosnTs(["run"], dir);
    expect(run.exitCode, run.all).toBe(1);
    expect(run.stdout).toContain("▶ deep");
    expect(run.stdout).toContain("▶ boom");
    expect(run.stdout).not.toContain("▶ shallow");
    expect(run.stderr).toContain(
      'mosn-ts: requests[2] ("shallow"): the compiled filter refused at run time: TypeError: non-null assertion failed: index 3 is outside an array of length 2 (in decodeHeaders), where the TypeScript went on',
    );
    expect(run.stderr).toContain("backends disagree at upstream: ts={");
    expect(run.stderr).not.toContain('"answers" property');
  });

  it("both runs another entry's async hook alike on the two backends", async () => {
    const run = await mosnTs(["run", "later.json"], dir);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toContain("compared, plugin later");
    expect(run.stdout).toContain("x-later: yes");
    expect(run.stdout).toContain("trace     decodeHeaders→Running, continue→Continue, encodeHeaders→Continue");
  });

  it("native alone shows the .so's answer without comparing", async () => {
    const run = await mosnTs(["run", "--backend", "native"], dir);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toMatch(/▶ shallow\n  request   GET \/a\n  upstream  \(not reached\)\n  client    500 /);
    expect(run.stdout).toContain("decodeHeaders: TypeError: non-null assertion failed: index 3 is outside an array of length 2");
  });

  it("rejects an unknown backend", async () => {
    const run = await mosnTs(["run", "--backend", "go"], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe("mosn-ts: --backend must be ts, native or both (got go)");
  });
});
