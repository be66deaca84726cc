import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mosnTs, scratchDir } from "./helpers.js";

describe("mosn-ts exec in Node and compared", () => {
  const dir = scratchDir("exec-compare");
  writeFileSync(
    join(dir, "agree.ts"),
    `const xs: number[] = [1, 2, 3];
let total = 0;
for (const x of xs) total += x;
console.log(\`total \${total}\`);
console.log((0.1 + 0.2).toString());
`,
  );
  // Reading past the end with \`!\`: Node prints undefined, the compiled Go refuses and exits 1.
  writeFileSync(
    join(dir, "differ.ts"),
    `const xs: number[] = [1, 2];
console.log("start");
const n: number = xs[3]!;
console.log(\`n is \${n}\`);
`,
  );
  writeFileSync(
    join(dir, "throws.ts"),
    `function fail(): never {
  throw new Error("boom");
}
console.log("before");
fail();
`,
  );

  it("--compare prints the Go output and exits with its status when Node agrees", async () => {
    const run = await mosnTs(["exec", "agree.ts", "--compare"], dir);
    expect(run.exitCode, run.all).toBe(0);
    expect(run.stdout).toBe("total 6\n0.30000000000000004");
    expect(run.stderr).toBe("");
  });

  it("--compare fails on the first differing line of stdout", async () => {
    const run = await mosnTs(["exec", "differ.ts", "--compare"], dir);
    expect(run.exitCode).toBe(1);
    // The Go output, then the difference.
    expect(run.stdout).toBe("start");
    expect(run.stderr).toContain("TypeError: non-null assertion failed: index 3 is outside an array of length 2");
    expect(run.stderr).toContain('mosn-ts: differ.ts: Node and Go disagree: stdout differs at line 2:\n  node: "n is undefined"\n  go:   (end of output)');
  });

  it("--node runs the TypeScript in Node, a throw naming the .ts line", async () => {
    const agree = await mosnTs(["exec", "agree.ts", "--node"], dir);
    expect(agree.exitCode, agree.all).toBe(0);
    expect(agree.stdout).toBe("total 6\n0.30000000000000004");
    const differ = await mosnTs(["exec", "differ.ts", "--node"], dir);
    expect(differ.stdout).toBe("start\nn is undefined");
    const throws = await mosnTs(["exec", "throws.ts", "--node"], dir);
    expect(throws.exitCode).toBe(1);
    expect(throws.stdout).toBe("before");
    expect(throws.stderr).toContain(`at fail (${join(dir, "throws.ts")}:2:9)`);
  });

  it("--node and --compare are one or the other", async () => {
    const run = await mosnTs(["exec", "agree.ts", "--node", "--compare"], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe("mosn-ts: give --node or --compare, not both (--compare runs it in Node too)");
  });
});
