import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackStandIn } from "../../src/console/slack-standin";
import { freshConnection, testDatabaseKind } from "../support/db";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForStatus(url: string, status: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const answer = await fetch(url).then(
      (r) => r.status,
      () => undefined,
    );
    if (answer === status) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `npm run build`'s output started with plain node, as `npm start` runs it in production. Built
 * into a directory of its own inside the package (never dist/, which other tests' processes may be
 * starting from), with the same script.
 */
describe(`the compiled app (${testDatabaseKind})`, () => {
  const cache = join(process.cwd(), "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, "carebridge-build-"));
  let slack: SlackStandIn;
  let dropDatabase: (() => Promise<void>) | undefined;
  let databaseEnv: Record<string, string>;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", out], { encoding: "utf8" });
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    slack = await new SlackStandIn({ botToken: "xoxb-test", teamId: "T0TEST", botUserId: "U0BOT" }).start();
    if (testDatabaseKind === "postgres") {
      const fresh = await freshConnection();
      await fresh.factory.connect().then((adapter) => adapter.dispose());
      dropDatabase = () => fresh.close();
      databaseEnv = { DATABASE_URL: fresh.url! };
    } else {
      databaseEnv = { DATA_DIR: "memory://" };
    }
  });
  afterAll(async () => {
    await slack?.close();
    await dropDatabase?.();
    rmSync(out, { recursive: true, force: true });
  });

  it("starts with node alone, says it runs compiled, answers /healthz and /readyz, and stops on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(out, "main.js")], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "secret",
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        ...databaseEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200, child);
      await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, child);
      const running = output
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.msg === "carebridge is running");
      expect(running).toMatchObject({ build: "compiled", mode: "http", port });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
