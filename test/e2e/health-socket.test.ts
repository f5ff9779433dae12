import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { App } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap, type Runtime } from "../../src/bootstrap";
import { loadConfig } from "../../src/config";
import { silentLogger } from "../../src/logger";
import { createSlackApp } from "../../src/slack/app";
import { testDatabase, testDatabaseKind } from "../support/db";
import { SocketModeStandIn } from "../support/socket-standin";

/** A port free a moment ago: Bolt's Socket Mode receiver does not tell which port it bound. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe(`health endpoints in Socket Mode (${testDatabaseKind})`, () => {
  let slack: SocketModeStandIn;
  let runtime: Runtime;
  let app: App;
  let origin: string;
  beforeAll(async () => {
    slack = await new SocketModeStandIn().start();
    const port = await freePort();
    const config = loadConfig({
      NODE_ENV: "test",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_APP_TOKEN: "xapp-test-token",
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: "silent",
    });
    runtime = await bootstrap(config, silentLogger, { db: await testDatabase() });
    app = createSlackApp({
      config,
      services: runtime.services,
      logger: silentLogger,
      mode: { kind: "socket" },
      bot: { userId: "U0BOT", botId: "B0BOT" },
      ops: runtime,
    });
    await runtime.startJobs();
    await app.start(); // resolves once the stand-in's WebSocket said hello
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await app?.stop();
    await runtime?.close();
    await slack?.close();
  });

  it("opened its socket with the app-level token at SLACK_API_URL", () => {
    expect(slack.connections).toEqual(["Bearer xapp-test-token"]);
  });

  it("serves /healthz, /readyz and /metrics on PORT", async () => {
    const healthz = await fetch(`${origin}/healthz`);
    expect(healthz.status).toBe(200);
    expect(await healthz.json()).toEqual({ ok: true });

    const readyz = await fetch(`${origin}/readyz`);
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", jobs: "ok" } });

    const metrics = await fetch(`${origin}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    expect(await metrics.text()).toContain("# TYPE carebridge_vendor_requests_total counter");
  });

  it("answers 404 elsewhere: Slack's events come over the socket, not HTTP", async () => {
    expect((await fetch(`${origin}/slack/events`, { method: "POST" })).status).toBe(404);
  });
});
