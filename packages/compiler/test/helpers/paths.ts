import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const testDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(testDir, "../../..");
export const runtimeDir = join(repoRoot, "envoy-go-runtime");
export const corpusDir = join(testDir, "corpus");
export const fixturesDir = join(testDir, "fixtures");
