import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandInGrant, StoredMessage } from "../../src/console/slack-standin";
import { createLogger } from "../../src/logger";
import { startSandbox, type Sandbox } from "../../src/providers";
import { addCaregivers } from "../../src/providers/sandbox/admin";
import { VENDOR_OPEN_ACTION } from "../../src/slack/presenters/vendors";
import type { TestApp } from "../support/app";
import { grantFor, install, startOAuthApp, teamCommand, teamPress, teamSubmit } from "../support/oauth";

interface Button {
  action_id: string;
  value: string;
}

const buttons = (message: StoredMessage): Button[] =>
  (message.blocks as Array<{ type: string; elements?: Button[] }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

/** The vendors a caregiver sync speaks to. */
const SYNC_VENDORS = ["teletrack", "careacademy"] as const;
const KEYS = {
  T0ALPHA: { teletrack: "alpha-teletrack-key-4c1d93e8", careacademy: "alpha-careacademy-key-77b0a2f1" },
  T0BRAVO: { teletrack: "bravo-teletrack-key-0e5a6c2b", careacademy: "bravo-careacademy-key-d3f19a64" },
} as const;
type Team = keyof typeof KEYS;

const requests = (sandbox: Sandbox) => SYNC_VENDORS.reduce((n, v) => n + sandbox.stats.requests[v], 0);
/** Answers the injected faults a test left unused, so the sandbox is healthy again. */
async function drainFaults(sandbox: Sandbox): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const answer = await fetch(`${sandbox.urls.teletrack}/v1/caregivers/none`, {
      headers: { authorization: "Bearer drain" },
    }).catch(() => undefined);
    if (answer && answer.status < 500) return;
  }
  throw new Error("the sandbox keeps failing");
}
const admin = (sandbox: Sandbox, action: string) =>
  fetch(`${new URL(sandbox.urls.teletrack).origin}/_sandbox/${action}`, { method: "POST" });

/**
 * Two agencies in one deployment, each with its own TeleTrack and CareAcademy accounts (two
 * sandboxes standing in for two vendor tenants): each workspace's sync reaches only its own
 * vendors, and one's slow, failing or rate-limiting vendor never holds up or fails the other's job.
 */
describe("each workspace's use-cases and jobs call its own vendor accounts (OAuth)", () => {
  let t: TestApp & { encryptionKey: string };
  const lines: string[] = [];
  const grants = {} as Record<Team, StandInGrant>;
  const sandboxes = {} as Record<Team, Sandbox>;
  /** Caregivers that fail in a healthy run for what their record lacks, per workspace. */
  const dataFailures = {} as Record<Team, Set<string>>;
  let channels = 0;

  async function saveAccount(team: Team, vendor: (typeof SYNC_VENDORS)[number]) {
    const grant = grants[team];
    const before = t.slack.callsTo("views.open").length;
    await teamPress(t, team, grant.installerId, VENDOR_OPEN_ACTION, vendor, `C0${team}V`);
    const view = (await t.waitFor(() => t.slack.callsTo("views.open")[before])).args.view as Record<string, unknown>;
    const ack = await teamSubmit(t, team, grant.installerId, view, {
      protocol: {
        value: { type: "static_select", selected_option: { value: "vendor", text: { type: "plain_text", text: "x" } } },
      },
      baseUrl: { value: { type: "url_text_input", value: sandboxes[team].urls[vendor] } },
      apiKey: { value: { type: "plain_text_input", value: KEYS[team][vendor] } },
    });
    expect(ack).toEqual({});
  }

  /** `/sync-caregiver all full` up to its preview; returns the Confirm button and the channel. */
  async function preview(team: Team) {
    const channel = `C0${team.slice(2)}${++channels}`;
    const grant = grants[team];
    expect((await teamCommand(t, team, grant.installerId, "/sync-caregiver", "all full", channel)).status).toBe(200);
    const shown = await t.waitFor(
      () => t.slack.visible(channel, grant.installerId).find((m) => m.text.startsWith("Sync preview")),
      20_000,
    );
    const confirm = buttons(shown).find((b) => b.action_id.startsWith("caregiver.sync-all.confirm"));
    expect(confirm).toBeDefined();
    return { channel, confirm: confirm! };
  }

  const confirm = (team: Team, run: { channel: string; confirm: Button }) =>
    teamPress(t, team, grants[team].installerId, run.confirm.action_id, run.confirm.value, run.channel);

  const report = (channel: string) =>
    t.waitFor(
      () => t.slack.messages.find((m) => m.channel === channel && m.threadTs && m.text.includes("finished")),
      30_000,
    );

  const lastJob = (team: Team) =>
    t.runtime.db.prisma.job.findFirstOrThrow({
      where: { workspaceId: team, kind: "caregiver-sync", status: { not: "preview" } },
      orderBy: { createdAt: "desc" },
      include: { items: true },
    });

  const failedKeys = (job: Awaited<ReturnType<typeof lastJob>>) =>
    job.items.filter((i) => i.status === "failed").map((i) => i.key);

  beforeAll(async () => {
    const logger = createLogger({
      level: "trace",
      pretty: false,
      destination: { write: (line) => void lines.push(line) },
    });
    t = await startOAuthApp({ logger, env: { LOG_LEVEL: "trace", CAREBRIDGE_ADMINS: "" } });
    for (const team of ["T0ALPHA", "T0BRAVO"] as const) {
      sandboxes[team] = await startSandbox();
      grants[team] = grantFor(team);
      await install(t, grants[team]);
      for (const vendor of SYNC_VENDORS) await saveAccount(team, vendor);
    }
  });
  afterAll(async () => {
    await t?.close();
    for (const sandbox of Object.values(sandboxes)) await sandbox.close();
  });

  it("each workspace's sync reaches its own vendors only, never the other's nor the environment's", async () => {
    const env = t.runtime.sandbox!;
    const envBefore = requests(env);
    const bravoBefore = requests(sandboxes.T0BRAVO);
    const alpha = await preview("T0ALPHA");
    await confirm("T0ALPHA", alpha);
    expect((await report(alpha.channel)).text).toContain("Caregiver sync finished");
    const alphaJob = await lastJob("T0ALPHA");
    expect(alphaJob.status).toBe("done");
    expect(alphaJob.items.length).toBeGreaterThan(0);
    dataFailures.T0ALPHA = new Set(failedKeys(alphaJob));
    for (const vendor of SYNC_VENDORS) expect(sandboxes.T0ALPHA.stats.requests[vendor]).toBeGreaterThan(0);
    expect(sandboxes.T0ALPHA.state.careacademy.users.size).toBeGreaterThan(0);
    expect(requests(sandboxes.T0BRAVO)).toBe(bravoBefore);
    expect(requests(env)).toBe(envBefore);

    const alphaAfter = requests(sandboxes.T0ALPHA);
    const bravo = await preview("T0BRAVO");
    await confirm("T0BRAVO", bravo);
    await report(bravo.channel);
    const bravoJob = await lastJob("T0BRAVO");
    expect(bravoJob.status).toBe("done");
    dataFailures.T0BRAVO = new Set(failedKeys(bravoJob));
    expect(requests(sandboxes.T0BRAVO)).toBeGreaterThan(bravoBefore);
    expect(requests(sandboxes.T0ALPHA)).toBe(alphaAfter);
    expect(requests(env)).toBe(envBefore);
  });

  it("Bravo's vendor hanging holds only Bravo's job: Alpha's runs to its end meanwhile", async () => {
    for (const sandbox of Object.values(sandboxes)) addCaregivers(sandbox.state, 3);
    const alpha = await preview("T0ALPHA");
    const bravo = await preview("T0BRAVO");
    await admin(sandboxes.T0BRAVO, "pause");
    try {
      const asked = requests(sandboxes.T0BRAVO);
      await confirm("T0BRAVO", bravo);
      // Bravo's job has sent its first request, which its vendor is holding.
      await t.waitFor(() => requests(sandboxes.T0BRAVO) > asked);
      await confirm("T0ALPHA", alpha);
      await report(alpha.channel);
      const alphaJob = await lastJob("T0ALPHA");
      expect(alphaJob.status).toBe("done");
      expect(failedKeys(alphaJob).filter((k) => !dataFailures.T0ALPHA.has(k))).toEqual([]);
      expect(alphaJob.items.filter((i) => i.status === "done").length).toBeGreaterThanOrEqual(3);
      // ... while Bravo's is still waiting on its vendor.
      expect((await lastJob("T0BRAVO")).status).toBe("running");
    } finally {
      await admin(sandboxes.T0BRAVO, "resume");
    }
    await report(bravo.channel);
    const bravoJob = await lastJob("T0BRAVO");
    expect(bravoJob.status).toBe("done");
    expect(failedKeys(bravoJob).filter((k) => !dataFailures.T0BRAVO.has(k))).toEqual([]);
  });

  it("Bravo's vendor outage opens Bravo's circuit and fails Bravo's items; Alpha's job at the same time succeeds", async () => {
    for (const sandbox of Object.values(sandboxes)) addCaregivers(sandbox.state, 3);
    const alpha = await preview("T0ALPHA");
    const bravo = await preview("T0BRAVO");
    sandboxes.T0BRAVO.failNext("teletrack", 40, "server_error");
    await Promise.all([confirm("T0BRAVO", bravo), confirm("T0ALPHA", alpha)]);
    await Promise.all([report(alpha.channel), report(bravo.channel)]);

    const bravoJob = await lastJob("T0BRAVO");
    const outage = failedKeys(bravoJob).filter((k) => !dataFailures.T0BRAVO.has(k));
    expect(outage.length).toBeGreaterThanOrEqual(3);
    const bravoProviders = await t.runtime.services.providers.forWorkspace("T0BRAVO");
    await expect(bravoProviders.caregiverSource.get("any")).rejects.toMatchObject({ reason: "circuit_open" });
    await drainFaults(sandboxes.T0BRAVO);

    const alphaJob = await lastJob("T0ALPHA");
    expect(alphaJob.status).toBe("done");
    expect(failedKeys(alphaJob).filter((k) => !dataFailures.T0ALPHA.has(k))).toEqual([]);
    const alphaProviders = await t.runtime.services.providers.forWorkspace("T0ALPHA");
    const someone = [...sandboxes.T0ALPHA.state.careacademy.users.keys()][0]!;
    expect((await alphaProviders.caregiverLms.get(someone)).id).toBe(someone);
  });

  it("Bravo's 429 pauses Bravo's rate limiter only: Alpha's job runs through while Bravo's waits out Retry-After", async () => {
    for (const sandbox of Object.values(sandboxes)) addCaregivers(sandbox.state, 3);
    // Bravo's circuit from the outage above: a new account build (saved again) starts closed.
    for (const vendor of SYNC_VENDORS) await saveAccount("T0BRAVO", vendor);
    const alpha = await preview("T0ALPHA");
    const bravo = await preview("T0BRAVO");
    const lms = new URL(sandboxes.T0BRAVO.urls.careacademy);
    const limited = nock(lms.origin, { allowUnmocked: true })
      .get(/\/careacademy\/v1\/users.*/)
      .reply(429, { error: { code: "rate_limited", message: "Slow down." } }, { "retry-after": "4" });
    await confirm("T0BRAVO", bravo);
    await t.waitFor(() => limited.isDone() || undefined);
    await confirm("T0ALPHA", alpha);
    await report(alpha.channel);
    const alphaJob = await lastJob("T0ALPHA");
    expect(alphaJob.status).toBe("done");
    expect(failedKeys(alphaJob).filter((k) => !dataFailures.T0ALPHA.has(k))).toEqual([]);
    expect((await lastJob("T0BRAVO")).status).toBe("running");
    await report(bravo.channel);
    const bravoJob = await lastJob("T0BRAVO");
    expect(bravoJob.status).toBe("done");
    expect(failedKeys(bravoJob).filter((k) => !dataFailures.T0BRAVO.has(k))).toEqual([]);
  });

  it("no bot token, vendor key or encryption key reaches a log line at trace level", () => {
    const log = lines.join("\n");
    expect(log).toMatch(/vendor call/);
    const secrets = [
      grants.T0ALPHA.botToken,
      grants.T0BRAVO.botToken,
      t.encryptionKey,
      ...Object.values(KEYS).flatMap((keys) => Object.values(keys)),
    ];
    for (const secret of secrets) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
      // Not even most of it (a key's last four characters are its shown hint).
      expect({ secret, found: log.includes(secret.slice(0, -4)) }).toEqual({ secret, found: false });
    }
    expect(JSON.stringify(t.slack.calls)).not.toMatch(/(alpha|bravo)-(teletrack|careacademy)-key-[0-9a-f]{4}/);
  });
});
