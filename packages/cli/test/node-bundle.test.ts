import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleForNode } from "../src/node-bundle.js";
import { scratchDir } from "./helpers.js";

describe("bundleForNode", () => {
  const dir = scratchDir("node-bundle");

  it("keeps the name of a class that refers to itself in a static field", async () => {
    const file = join(dir, "pt.ts");
    writeFileSync(
      file,
      "class Pt { static origin = new Pt(0, 0); constructor(public x: number, public y: number) {} }\n" +
        "console.log(Pt.origin, Pt.name);\n",
    );
    const outFile = join(dir, "pt.mjs");
    await bundleForNode({ entry: { file }, outFile, what: "the program pt.ts" });
    expect(execFileSync(process.execPath, [outFile], { encoding: "utf8" })).toBe("Pt { x: 0, y: 0 } Pt\n");
  });
});
