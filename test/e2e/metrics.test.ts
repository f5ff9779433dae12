import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, startTestApp, TEAM, type TestApp } from "../support/app";
import { testDatabaseKind } from "../support/db";
import { parseMetrics } from "../support/metrics";

describe(`GET /metrics after a sync (${testDatabaseKind})`, () => {
  let t: TestApp;
  const scrape = async () => {
    const response = await fetch(`${t.origin}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    return response.text();
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("jobs by kind and state, items done and failed, vendor requests by vendor and status", async () => {
    await t.command("/sync-caregiver", "all full", ADMIN, { channel: "C0M1" });
    const preview = await t.waitFor(() =>
      t.slack.visible("C0M1", ADMIN).find((m) => m.text.startsWith("Sync preview")),
    );
    const confirm = (preview.blocks as Array<{ elements?: Array<{ action_id: string; value: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "caregiver.sync-all.confirm")!;
    await t.press(confirm.action_id, confirm.value, ADMIN, { channel: { id: "C0M1" } });
    await t.waitFor(
      () => t.slack.messages.find((m) => m.threadTs && m.text.includes("Caregiver sync finished")),
      20_000,
    );
    const job = await t.runtime.db.prisma.job.findUniqueOrThrow({ where: { id: confirm.value } });
    expect(job.failed).toBeGreaterThan(0);

    const samples = parseMetrics(await scrape());
    expect(samples.get('carebridge_jobs{kind="caregiver-sync",state="done"}')).toBe(1);
    expect(samples.get('carebridge_job_items{kind="caregiver-sync",result="done"}')).toBe(job.processed - job.failed);
    expect(samples.get('carebridge_job_items{kind="caregiver-sync",result="failed"}')).toBe(job.failed);
    const sandbox = t.runtime.sandbox!.stats.requests;
    const answered = (vendor: string) =>
      [...samples]
        .filter(([k]) => k.startsWith(`carebridge_vendor_requests_total{vendor="${vendor}"`))
        .reduce((n, [, v]) => n + v, 0);
    expect(answered("teletrack")).toBe(sandbox.teletrack);
    expect(answered("careacademy")).toBe(sandbox.careacademy);
    expect(samples.get('carebridge_vendor_requests_total{vendor="teletrack",status="200"}')).toBeGreaterThan(0);
    expect(samples.get('carebridge_vendor_circuit_state{vendor="careacademy"}')).toBe(0);
  });

  it("Slack API errors by method and Slack's error code", async () => {
    t.slack.failures.set("views.open", "expired_trigger_id");
    try {
      await t.command("/agency-user", "", ADMIN, { channel: "C0M2" });
      await t.waitFor(() => t.slack.visible("C0M2", ADMIN).at(-1));
    } finally {
      t.slack.failures.delete("views.open");
    }
    const samples = parseMetrics(await scrape());
    expect(samples.get('carebridge_slack_api_errors_total{method="views.open",error="expired_trigger_id"}')).toBe(1);
  });

  it("no label names a person, a workspace or a record", async () => {
    const labels = (await scrape())
      .split("\n")
      .filter((line) => line.startsWith("carebridge_"))
      .flatMap((line) => [...line.matchAll(/="([^"]*)"/g)].map((m) => m[1]!));
    expect(labels.length).toBeGreaterThan(0);
    for (const value of labels) {
      expect(value).toMatch(/^[a-z0-9_.-]+$/);
      expect(value).not.toMatch(/^tt-|@|^U0|^T0/);
    }
    expect(labels).not.toContain(TEAM);
  });
});
