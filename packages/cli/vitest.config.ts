import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // End-to-end tests build Go code and install npm packages.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
