import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Only the CLI's own tests: templates/ holds the tests of scaffolded projects, which run
    // there (scaffold-e2e.test.ts does that).
    include: ["test/**/*.test.ts"],
    // End-to-end tests build Go code and install npm packages.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
