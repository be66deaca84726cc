import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mosnTs, scratchDir } from "./helpers.js";
import { projectWith } from "./fixtures.js";

// pnpm and npm run a package script in the package's folder and record the user's folder in
// INIT_CWD: `pnpm mosn-ts init rel` at the repository root must create rel where the user is.
describe("relative paths under a package manager", () => {
  const root = scratchDir("paths");
  const user = join(root, "user");
  mkdirSync(user);

  it("are resolved against INIT_CWD, the folder the user ran the command in", async () => {
    const init = await mosnTs(["init", "rel"], root, { INIT_CWD: user });
    expect(init.exitCode, init.all).toBe(0);
    expect(existsSync(join(user, "rel", "package.json"))).toBe(true);
    expect(existsSync(join(root, "rel"))).toBe(false);
    expect(init.stdout).toContain("cd rel && npm install");
  });

  it("as --project and as exec's file too", async () => {
    const project = projectWith("tagger", { configs: { tagger: { tag: "x" } } });
    const check = await mosnTs(["check", "--project", "."], root, { INIT_CWD: project });
    expect(check.exitCode, check.all).toBe(0);
    expect(check.stdout).toContain("no errors (tagger)");

    writeFileSync(join(user, "hello.ts"), 'console.log("hello from " + "user");\n');
    const exec = await mosnTs(["exec", "hello.ts"], root, { INIT_CWD: user });
    expect(exec.exitCode, exec.all).toBe(0);
    expect(exec.stdout).toBe("hello from user");
  });

  it("are the package's own when the script itself wrote them", async () => {
    const pkg = join(root, "package.json");
    writeFileSync(pkg, JSON.stringify({ name: "root", scripts: { scaffold: "mosn-ts init made-by-script" } }));
    const init = await mosnTs(["init", "made-by-script"], root, {
      INIT_CWD: user,
      npm_package_json: pkg,
      npm_lifecycle_event: "scaffold",
    });
    expect(init.exitCode, init.all).toBe(0);
    expect(existsSync(join(root, "made-by-script", "package.json"))).toBe(true);
    expect(existsSync(join(user, "made-by-script"))).toBe(false);
  });

  it("are the current folder's without INIT_CWD", async () => {
    const init = await mosnTs(["init", "plain"], user);
    expect(init.exitCode, init.all).toBe(0);
    expect(existsSync(join(user, "plain", "package.json"))).toBe(true);
  });
});
