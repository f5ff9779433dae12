import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandInGrant, StoredMessage } from "../../src/console/slack-standin";
import { createLogger } from "../../src/logger";
import type { TestApp } from "../support/app";
import { grantFor, install, startOAuthApp, teamCommand, teamEvent, teamPress } from "../support/oauth";

interface Button {
  action_id: string;
  value: string;
}

const buttons = (message: StoredMessage): Button[] =>
  (message.blocks as Array<{ type: string; elements?: Button[] }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

const content = (m: { text: string; blocks: unknown[] }) => `${m.text} ${JSON.stringify(m.blocks)}`;

/**
 * Two agencies in one deployment: nothing of one is visible to, or actionable from, the other,
 * even when a request carries the other's ids.
 */
describe("two workspaces in one deployment (OAuth)", () => {
  let t: TestApp & { encryptionKey: string };
  const lines: string[] = [];
  let alpha: StandInGrant;
  let bravo: StandInGrant;
  let alphaJobId: string;
  let confirmValue: string;
  const tokenOf = (team: StandInGrant) => team.botToken;

  beforeAll(async () => {
    const logger = createLogger({
      level: "trace",
      pretty: false,
      destination: { write: (line) => void lines.push(line) },
    });
    // No admin from the environment: each workspace's installer is its only admin.
    t = await startOAuthApp({ logger, env: { LOG_LEVEL: "trace", CAREBRIDGE_ADMINS: "" } });
    alpha = grantFor("T0ALPHA");
    bravo = grantFor("T0BRAVO");
    await install(t, alpha);
    await install(t, bravo);
  });
  afterAll(async () => {
    await t.close();
  });

  it("a bulk job in one workspace runs, reports and posts with that workspace's token only", async () => {
    const from = t.slack.calls.length;
    expect((await teamCommand(t, "T0ALPHA", alpha.installerId, "/sync-caregiver", "all full", "C0ALPHA")).status).toBe(
      200,
    );
    const preview = await t.waitFor(() =>
      t.slack.visible("C0ALPHA", alpha.installerId).find((m) => m.text.startsWith("Sync preview")),
    );
    const confirm = buttons(preview).find((b) => b.action_id.startsWith("caregiver.sync-all.confirm"))!;
    confirmValue = confirm.value;
    await teamPress(t, "T0ALPHA", alpha.installerId, confirm.action_id, confirm.value, "C0ALPHA");
    const report = await t.waitFor(
      () => t.slack.messages.find((m) => m.channel === "C0ALPHA" && m.threadTs && m.text.includes("finished")),
      20_000,
    );
    expect(report.text).toContain("Caregiver sync finished");
    // The failures CSV is the report's last call.
    await t.waitFor(() =>
      [...t.slack.files.values()].find(
        (f) => f.name.startsWith("caregiver-sync-failures") && f.channels.includes("C0ALPHA"),
      ),
    );
    const job = await t.runtime.db.prisma.job.findFirstOrThrow({
      where: { workspaceId: "T0ALPHA", kind: "caregiver-sync", status: { not: "preview" } },
    });
    alphaJobId = job.id;
    // The runner's updates and report, not only the listeners' calls, carry Alpha's own token.
    const calls = t.slack.calls.slice(from);
    expect(calls.map((c) => c.method)).toEqual(expect.arrayContaining(["chat.postMessage", "chat.update"]));
    expect(new Set(calls.map((c) => c.token))).toEqual(new Set([tokenOf(alpha)]));
  });

  it("Bravo's admin pressing Alpha's buttons, with Alpha's ids, starts and reveals nothing", async () => {
    const from = t.slack.calls.length;
    const jobs = await t.runtime.db.prisma.job.count();
    for (const [actionId, value] of [
      ["caregiver.sync-all.confirm", confirmValue],
      ["job.retry-failed", alphaJobId],
      ["job.retry-failed", JSON.stringify({ jobId: alphaJobId })],
    ] as const) {
      const answer = await teamPress(t, "T0BRAVO", bravo.installerId, actionId, value, "C0BRAVO");
      expect(answer.status).toBeLessThan(500);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.runtime.db.prisma.job.count()).toBe(jobs);
    expect(await t.runtime.db.prisma.job.count({ where: { workspaceId: "T0BRAVO" } })).toBe(0);
    const seen = t.slack.visible("C0BRAVO", bravo.installerId).map(content).join("\n");
    expect(seen).not.toContain(alphaJobId);
    expect(seen).not.toMatch(/Caregiver sync finished|of \d+ caregivers/);
    expect(t.slack.calls.slice(from).filter((c) => c.token === tokenOf(alpha))).toEqual([]);
  });

  it("Alpha's admin is nobody in Bravo: a command there with Alpha's user id is refused", async () => {
    await teamCommand(t, "T0BRAVO", alpha.installerId, "/sync-caregiver", "all", "C0BRAVO2");
    const refusal = await t.waitFor(() => t.slack.visible("C0BRAVO2", alpha.installerId).at(-1));
    expect(refusal.text).toMatch(/don't have access to carebridge/);
  });

  it("Bravo's App Home and audit show none of Alpha's jobs or audit rows", async () => {
    const from = t.slack.calls.length;
    await teamEvent(t, "T0BRAVO", {
      type: "app_home_opened",
      user: bravo.installerId,
      channel: "D0BRAVO",
      tab: "home",
    });
    const publish = await t.waitFor(() => t.slack.calls.slice(from).find((c) => c.method === "views.publish"));
    expect(publish.token).toBe(tokenOf(bravo));
    expect(JSON.stringify(publish.args.view)).not.toContain(alphaJobId);
    expect(JSON.stringify(publish.args.view)).not.toMatch(/Caregiver sync/);

    await teamCommand(t, "T0BRAVO", bravo.installerId, "/carebridge", "audit", "C0BRAVO3");
    const audit = await t.waitFor(() => t.slack.visible("C0BRAVO3", bravo.installerId).at(-1));
    expect(content(audit)).not.toContain(alphaJobId);
    // Alpha's admin appears only for what they tried in Bravo (refused above), never for Alpha's own rows.
    expect(content(audit)).toContain(`<@${bravo.installerId}> installed carebridge`);
    expect(content(audit)).not.toContain("T0ALPHA");
    expect(content(audit)).not.toMatch(/synced all caregivers[^"]*done/);
    const alphaRows = await t.runtime.db.prisma.auditEvent.count({ where: { workspaceId: "T0ALPHA" } });
    expect(alphaRows).toBeGreaterThan(0);
  });

  it("no bot token, client secret or encryption key reaches a log line at trace level", () => {
    const log = lines.join("\n");
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [alpha.botToken, bravo.botToken, t.encryptionKey, "client-secret-5f1c9a"]) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(log).not.toMatch(/xoxb-[a-z0-9]/);
  });
});
