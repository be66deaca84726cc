import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError, INTERNAL_ERROR_EXIT } from "../src/errors.js";
import { goBuild } from "../src/go-build.js";
import { scratchDir } from "./helpers.js";

describe("goBuild", () => {
  it("reports Go that does not build as an internal compiler error at the TypeScript line", async () => {
    const dir = scratchDir("ice");
    mkdirSync(join(dir, "go"));
    writeFileSync(join(dir, "go", "go.mod"), "module mosnts.local/ice\n\ngo 1.24\n");
    // What a compiler bug would look like: a //line directive naming the TS source, then a type error.
    writeFileSync(
      join(dir, "go", "main.go"),
      'package main\n\nfunc main() {\n//line src/filter.ts:12\n\tvar n int = "text"\n\t_ = n\n}\n',
    );
    const output = join(dir, "out");
    const err = await goBuild({ goDir: join(dir, "go"), output, mode: "exe" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(INTERNAL_ERROR_EXIT);
    expect((err as CliError).message).toMatch(/^internal compiler error at \S*src\/filter\.ts:12:\d+: /);
    expect((err as CliError).message).toContain("cannot use");
    expect(existsSync(output)).toBe(false);
  });

  it("builds a program that compiles", async () => {
    const dir = scratchDir("ok");
    writeFileSync(join(dir, "go.mod"), "module mosnts.local/ok\n\ngo 1.24\n");
    writeFileSync(join(dir, "main.go"), "package main\n\nfunc main() {}\n");
    await goBuild({ goDir: dir, output: join(dir, "prog"), mode: "exe" });
    expect(existsSync(join(dir, "prog"))).toBe(true);
  });
});
