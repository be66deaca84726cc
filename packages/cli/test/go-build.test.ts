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

describe("goBuild of a program in a temporary folder", () => {
  it("speaks of the program and does not name the folder that is about to be deleted", async () => {
    const dir = scratchDir("ice-exe");
    writeFileSync(join(dir, "go.mod"), "module mosnts.local/ice\n\ngo 1.24\n");
    writeFileSync(join(dir, "main.go"), 'package main\n\nfunc main() {\n//line /work/prog.ts:3\n\tvar n int = "text"\n\t_ = n\n}\n');
    const err = (await goBuild({ goDir: dir, output: join(dir, "out"), mode: "exe", temporary: true }).catch((e: unknown) => e)) as CliError;
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/^internal compiler error at \/work\/prog\.ts:3:\d+: the generated Go \(run again with --keep to keep it\) does not build\./);
    expect(err.message).toContain("not in your program");
    expect(err.message).not.toContain(dir);
  });
});

describe("goBuild when the toolchain fails", () => {
  it("does not call a cross build without a C cross compiler a compiler bug, and names the settings", async () => {
    const dir = scratchDir("cross");
    writeFileSync(join(dir, "go.mod"), "module mosnts.local/cross\n\ngo 1.24\n");
    writeFileSync(join(dir, "main.go"), 'package main\n\nimport "C"\n\nfunc main() {}\n');
    // The host's gcc cannot assemble arm64 (or amd64, on an arm64 host) code for cgo.
    const foreign = process.arch === "arm64" ? "amd64" : "arm64";
    const saved = process.env.GOARCH;
    process.env.GOARCH = foreign;
    try {
      const err = (await goBuild({ goDir: dir, output: join(dir, "out"), mode: "exe" }).catch((e: unknown) => e)) as CliError;
      expect(err).toBeInstanceOf(CliError);
      expect(err.exitCode).toBe(1);
      expect(err.message).toMatch(new RegExp(`^go build failed outside the generated code: check the Go and C toolchains \\(set: GOARCH=${foreign}; a cross build needs a C compiler for the target in CC`));
      expect(err.message).not.toContain("internal compiler error");
    } finally {
      if (saved === undefined) delete process.env.GOARCH;
      else process.env.GOARCH = saved;
    }
  });
});
