import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: { root: string; entry: string } | undefined;

/**
 * Finds the @mosn-ts/sdk package the compiler was installed with. Its declarations give
 * the types of the SDK intrinsics; the compiler maps `@mosn-ts/sdk` to it in every
 * project, so user code always compiles against the SDK the compiler understands.
 */
export function sdkLocation(): { root: string; entry: string } {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", "@mosn-ts", "sdk");
    if (existsSync(join(candidate, "package.json"))) {
      const src = join(candidate, "src", "index.ts");
      const dts = join(candidate, "dist", "index.d.ts");
      cached = { root: candidate, entry: existsSync(src) ? src : dts };
      return cached;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the @mosn-ts/sdk package next to @mosn-ts/compiler");
    dir = parent;
  }
}
