import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { mosnTs, plain, repoRoot, scratchDir } from "./helpers.js";

// `mosn-ts test` on a project whose plugins do what a new user's tests ran into: throw values
// that are not Errors, depend on module state across createHost calls, hit run-time refusals
// of the compiled code, and have a typed config that plain `vitest run` must check too.

const THROWER = `import { definePlugin, Status, type Filter, type RequestHeaders } from "@mosn-ts/sdk";

class Thrower implements Filter {
  decodeHeaders(headers: RequestHeaders): Status {
    const what = headers.get("x-throw");
    if (what === "string") throw "a string";
    if (what === "number") throw 42;
    if (what === "object") throw { code: 1 };
    if (what === "error") throw new Error("boom");
    return Status.Continue;
  }
}

export default definePlugin<{}>({ name: "thrower", create: () => new Thrower() });
`;

const REFUSER = `import { definePlugin, Status, type Filter, type RequestHeaders } from "@mosn-ts/sdk";

interface Order {
  id: number;
}

class Refuser implements Filter {
  decodeHeaders(headers: RequestHeaders): Status {
    const what = headers.get("x-refuse");
    if (what === "json") headers.set("x-order", String((JSON.parse('{"id":"seven"}') as Order).id));
    if (what === "index") {
      const xs = ["a", "b"];
      headers.set("x-third", xs[3]!);
    }
    return Status.Continue;
  }
}

export default definePlugin<{}>({ name: "refuser", create: () => new Refuser() });
`;

/** The counter's config type; the staleness test rewrites it. */
const counterSource = (configType: string) => `import { definePlugin, Status, type Filter, type RequestHeaders } from "@mosn-ts/sdk";

export interface Config {
  label: ${configType};
}

// Module state: in Envoy it lives as long as the loaded .so, across config reloads.
let created = 0;

class Counter implements Filter {
  constructor(private readonly n: number, private readonly label: string) {}

  decodeHeaders(headers: RequestHeaders): Status {
    headers.set("x-created", \`\${this.label}\${this.n}\`);
    return Status.Continue;
  }
}

export default definePlugin<Config>({
  name: "counter",
  create: (_ctx, config) => {
    created++;
    return new Counter(created, String(config.label));
  },
});
`;

const THROW_TEST = `import { expect, it } from "vitest";
import { createHost } from "@mosn-ts/sdk/testing";
import plugin from "../src/thrower.js";

it.each([["string", "a string"], ["number", "42"], ["object", "[object Object]"], ["error", "Error: boom"]])(
  "a throw of a %s answers 500 and logs String(thrown)",
  async (kind, text) => {
    await using host = await createHost({ plugin });
    const res = await host.request({ headers: { "x-throw": kind } });
    expect(res.response?.status).toBe(500);
    expect(res.response?.body).toBe("error happened in filter\\r\\n");
    expect(res.logMessages("error")).toEqual([\`panic in plugin "thrower" decodeHeaders: \${text}\`]);
  },
);
`;

const COUNTER_TEST = `import { expect, it } from "vitest";
import { createHost } from "@mosn-ts/sdk/testing";
import plugin from "../src/counter.js";

it("keeps module state across createHost calls", async () => {
  const created = async (label: string) => {
    await using host = await createHost({ plugin, config: { label } });
    return (await host.request()).upstream?.header("x-created");
  };
  expect(await created("a")).toBe("a1");
  expect(await created("b")).toBe("b2");
});
`;

const CONFIG_TEST = `import { expect, it } from "vitest";
import { createHost } from "@mosn-ts/sdk/testing";
import plugin from "../src/counter.js";

it("rejects a config of the wrong type", async () => {
  await expect(createHost({ plugin, rawConfig: { label: 1 } })).rejects.toThrow(
    'invalid config for plugin "counter": $.label: expected string, got number',
  );
});
`;

const REFUSE_TEST = `import { it } from "vitest";
import { createHost } from "@mosn-ts/sdk/testing";
import plugin from "../src/refuser.js";

it.each(["json", "index"])("%s", async (kind) => {
  await using host = await createHost({ plugin });
  await host.request({ headers: { "x-refuse": kind } });
});
`;

describe("mosn-ts test", () => {
  const dir = scratchDir("test-command");
  const example = join(repoRoot, "examples", "header-guard");
  const vitest = (args: string[], env: Record<string, string> = {}) =>
    execa(join(dir, "node_modules", ".bin", "vitest"), ["run", ...args], { cwd: dir, env, extendEnv: false, reject: false, all: true });

  beforeAll(() => {
    mkdirSync(join(dir, "src"));
    mkdirSync(join(dir, "test"));
    const entries = ["src/thrower.ts", "src/refuser.ts", "src/counter.ts"];
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "test-command", private: true, type: "module", "mosn-ts": { entries, configs: { counter: { label: "c" } } } }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", types: ["node"], noUncheckedIndexedAccess: true } }),
    );
    writeFileSync(join(dir, "src", "thrower.ts"), THROWER);
    writeFileSync(join(dir, "src", "refuser.ts"), REFUSER);
    writeFileSync(join(dir, "src", "counter.ts"), counterSource("string"));
    writeFileSync(join(dir, "test", "throw.test.ts"), THROW_TEST);
    writeFileSync(join(dir, "test", "counter.test.ts"), COUNTER_TEST);
    writeFileSync(join(dir, "test", "config.test.ts"), CONFIG_TEST);
    writeFileSync(join(dir, "test", "refuse.test.ts"), REFUSE_TEST);
    // The example's installed packages: @mosn-ts/sdk, @mosn-ts/cli (and the compiler through it), vitest.
    symlinkSync(join(example, "node_modules"), join(dir, "node_modules"));
  });

  it("agrees on both backends on non-Error throws, module state and config rejections", async () => {
    const run = await mosnTs(["test", "test/throw.test.ts", "test/counter.test.ts", "test/config.test.ts"], dir);
    expect(run.exitCode, plain(run.all)).toBe(0);
    expect(plain(run.all)).toContain("Tests  6 passed (6)");
  });

  it("names a run-time refusal of the compiled code as such", async () => {
    const run = await mosnTs(["test", "test/refuse.test.ts"], dir);
    expect(run.exitCode).not.toBe(0);
    const out = plain(run.all);
    expect(out).toContain(
      "the compiled filter refused at run time: TypeError: JSON.parse: the document does not match the declared type: $.id: expected number, got string (in decodeHeaders), where the TypeScript went on — see docs/subset.md#run-time-refusals",
    );
    expect(out).toContain(
      "the compiled filter refused at run time: TypeError: non-null assertion failed: index 3 is outside an array of length 2 (in decodeHeaders), where the TypeScript went on — see docs/subset.md#run-time-refusals",
    );
  });

  describe("without a build", () => {
    it("validates configs on the TypeScript backend alone, with the native side's text", async () => {
      rmSync(join(dir, "dist"), { recursive: true, force: true });
      const viaCli = await mosnTs(["test", "--backend", "ts", "test/config.test.ts", "test/counter.test.ts"], dir);
      expect(viaCli.exitCode, plain(viaCli.all)).toBe(0);
      const plainVitest = await vitest(["test/config.test.ts"], { PATH: process.env.PATH ?? "" });
      expect(plainVitest.exitCode, plain(plainVitest.all)).toBe(0);
    });

    it("reports a source the compiler rejects instead of skipping validation", async () => {
      writeFileSync(join(dir, "src", "counter.ts"), counterSource("string").replace("definePlugin<Config>(", "definePlugin("));
      try {
        const run = await vitest(["test/config.test.ts"], { PATH: process.env.PATH ?? "" });
        expect(run.exitCode).not.toBe(0);
        const out = plain(run.all);
        expect(out).toContain(`cannot derive the config types of the plugins in ${dir}: the compiler reports`);
        expect(out).toMatch(/src\/counter\.ts:\d+:\d+ - error MTS\d{4}/);
      } finally {
        writeFileSync(join(dir, "src", "counter.ts"), counterSource("string"));
      }
    });

    it("follows the source: a changed config type is what the next run checks", async () => {
      const before = await vitest(["test/config.test.ts"], { PATH: process.env.PATH ?? "" });
      expect(before.exitCode, plain(before.all)).toBe(0);
      writeFileSync(join(dir, "src", "counter.ts"), counterSource("number"));
      writeFileSync(join(dir, "test", "config-number.test.ts"), CONFIG_TEST.replace("label: 1", 'label: "one"').replace("expected string, got number", "expected number, got string"));
      try {
        const after = await vitest(["test/config-number.test.ts"], { PATH: process.env.PATH ?? "" });
        expect(after.exitCode, plain(after.all)).toBe(0);
      } finally {
        writeFileSync(join(dir, "src", "counter.ts"), counterSource("string"));
        rmSync(join(dir, "test", "config-number.test.ts"));
      }
    });
  });
});
