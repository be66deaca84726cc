import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const sdkSrc = fileURLToPath(new URL("../sdk/src/", import.meta.url));

export default defineConfig({
  // The SDK's sources rather than its build: the tests see the SDK as it is now, and the
  // fixtures and the test API share one copy of it.
  resolve: {
    alias: [
      { find: /^@mosn-ts\/sdk$/, replacement: `${sdkSrc}index.ts` },
      { find: /^@mosn-ts\/sdk\/testing$/, replacement: `${sdkSrc}testing/index.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
