import { availableParallelism } from "node:os";
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
    // vitest's default is one worker fewer than cores (one worker on a 2-core machine), but a test
    // here mostly waits on loopback HTTP, timers and child processes: one more than cores keeps them busy.
    maxWorkers: availableParallelism() + 1,
  },
});
