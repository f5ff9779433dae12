import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Files in one worker share its module cache: importing the app (Bolt, Prisma, PGlite) took
    // most of a file's time. Per-file state (nock, kept databases) is reset in test/setup.ts.
    isolate: false,
  },
});
