import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { CliError } from "./errors.js";
import { cacheDir, runtimeDir } from "./locations.js";

const HOST_BINARY = "mosn-ts-mockhost";

/**
 * Builds the native mock host with the runtime's own Makefile, once per version of its
 * sources: the binary is cached under a hash of them.
 */
export async function ensureMockHost(): Promise<string> {
  const sources = join(runtimeDir(), "mockhost");
  if (!existsSync(join(sources, "Makefile"))) {
    throw new CliError(`the mock host sources are missing: ${sources}/Makefile`);
  }
  const buildDir = join(cacheDir(), `mockhost-${hashTree(sources)}`);
  const binary = join(buildDir, HOST_BINARY);
  if (existsSync(binary)) return binary;
  mkdirSync(buildDir, { recursive: true });
  const result = await execa("make", ["-s", "-C", sources, `BUILD_DIR=${buildDir}`], { reject: false, all: true });
  if (result.exitCode !== 0 || !existsSync(binary)) {
    throw new CliError(`building the mock host failed (needs make and a C compiler):\n${result.all ?? ""}`);
  }
  return binary;
}

/** A content hash of the C sources and Makefile, skipping build output. */
function hashTree(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name === "build") continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(c|h)$|^Makefile$/.test(name)) {
        hash.update(p.slice(dir.length));
        hash.update(readFileSync(p));
      }
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}
