// `prisma generate` runs offline: the prisma-client generator needs no engine binary, but the
// CLI looks one up first and would download it; any existing file satisfies that look-up.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
};
const run = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(run.status ?? 1);
