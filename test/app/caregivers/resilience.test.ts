import { afterEach, describe, expect, it } from "vitest";
import type { CaregiverDeps } from "../../../src/app/caregivers";
import type { Database } from "../../../src/db/client";
import type { JobHandler } from "../../../src/jobs/types";
import { missingEmail, missingBirthDate } from "../../../src/domain/caregivers/readiness";
import type { Caregiver } from "../../../src/providers/roles";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, caregiverHarness, STAFF, type Harness } from "./harness";

/** The workflow's database, whose next write of a new caregiver's link fails as if the process died there. */
function dyingAtNextLinkWrite(prisma: Database["prisma"], dies: { next: number }): CaregiverDeps["prisma"] {
  const died = () => {
    dies.next -= 1;
    return Promise.reject(new Error("the process died before writing the link"));
  };
  const person = new Proxy(prisma.person, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === "create" && dies.next > 0) return died;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new Proxy(prisma, {
    get(target, property) {
      if (property === "person") return person;
      if (property === "$transaction" && dies.next > 0) return died;
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe(`a process that dies between the LMS create and the database write (${testDatabaseKind})`, () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("one caregiver: the rerun finds the account; one account exists", async () => {
    const dies = { next: 1 };
    h = await caregiverHarness({ wrapPrisma: (p) => dyingAtNextLinkWrite(p, dies) });
    await expect(h.caregivers.openById(STAFF, "tt-1006", "sync")).rejects.toThrow("process died");
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
    expect(await h.db.prisma.externalAccount.count()).toBe(0);

    const rerun = await h.caregivers.openById(STAFF, "tt-1006", "sync");
    expect(rerun.ok && rerun.card.synced?.outcome).toBe("unchanged");
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
    expect(await h.db.prisma.externalAccount.count()).toBe(2);
  });

  it("in a job: the failed item's retry finds the account; one account exists", async () => {
    const dies = { next: 0 };
    h = await caregiverHarness({ wrapPrisma: (p) => dyingAtNextLinkWrite(p, dies) });
    const preview = await h.caregivers.previewAll(ADMIN, { full: true });
    if (!preview.ok) throw new Error("preview failed");
    const jobId = preview.preview.jobId!;
    await h.caregivers.confirmAll(ADMIN, jobId);
    dies.next = 1;
    await h.jobs.launch(jobId, { channel: "C0", ts: "1.1" });
    const report = (await h.jobs.report(jobId))!;
    const crashed = report.failureRows.filter((r) => r.Reason?.startsWith("Something went wrong inside carebridge"));
    expect(crashed).toHaveLength(1);
    const id = crashed[0]!["TeleTrack id"]!;

    const retry = await h.jobs.retryFailed(ADMIN, jobId);
    if (!retry.ok) throw new Error("retry refused");
    await h.jobs.launch(retry.job.id, { channel: "C0", ts: "1.2" });
    const items = await h.store.items(retry.job.id);
    expect(items.find((i) => i.key === id)).toMatchObject({ status: "done" });
    expect(h.accountsOf(id)).toHaveLength(1);
    expect(await h.db.prisma.externalAccount.count({ where: { vendor: "teletrack", vendorId: id } })).toBe(1);
  });
});

describe(`a create whose result is lost (${testDatabaseKind})`, () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("the LMS applied it and dropped the connection: not resent, found by TeleTrack id, reported created", async () => {
    h = await caregiverHarness();
    h.sandbox.failNext("careacademy", 1, "applied-then-reset");
    const synced = await h.caregivers.openById(STAFF, "tt-1006", "sync");
    expect(synced.ok && synced.card.synced?.outcome).toBe("created");
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
  });

  it("in a job: an item redone after a crash lost its result reports what the job did (created)", async () => {
    h = await caregiverHarness();
    const preview = await h.caregivers.previewAll(ADMIN, { full: true });
    if (!preview.ok) throw new Error("preview failed");
    const jobId = preview.preview.jobId!;
    await h.caregivers.confirmAll(ADMIN, jobId);
    // The instance does tt-1006 (the account is made and linked) and dies before recording it.
    const handler = (h.runner as unknown as { handlers: Map<string, JobHandler> }).handlers.get("caregiver-sync")!;
    const item = (await h.store.items(jobId)).find((i) => i.key === "tt-1006")!;
    await expect(handler.processItem(item, (await h.store.get(jobId))!)).resolves.toMatchObject({ outcome: "created" });
    expect((await h.store.items(jobId)).find((i) => i.key === "tt-1006")?.status).toBe("pending");

    await h.jobs.launch(jobId, { channel: "C0", ts: "1.1" });
    const redone = (await h.store.items(jobId)).find((i) => i.key === "tt-1006");
    expect(redone).toMatchObject({ status: "done", outcome: "created" });
    expect(h.accountsOf("tt-1006")).toHaveLength(1);
    expect((await h.jobs.report(jobId))!.outcomes).toMatchObject({ created: 6, linked: 1 });
  });
});

const NO_EMAIL = (i: number) => i % 20 === 7;
const NO_BIRTH_DATE = (i: number) => i % 3 === 0 && i % 10 === 3;

function caregiverNo(i: number): Caregiver {
  const id = `tt-5${String(i).padStart(3, "0")}`;
  return {
    id,
    firstName: `Care${i}`,
    lastName: "Giver",
    email: NO_EMAIL(i) ? null : `care${i}@example.org`,
    mobilePhone: i % 4 === 0 ? null : "+1 503 555 0100",
    birthDate: NO_BIRTH_DATE(i) ? null : "1990-01-15",
    state: i % 3 === 0 ? "CA" : "OR",
    status: "active",
    updatedAt: "2026-10-01T00:00:00.000Z",
  };
}

describe(`200 caregivers with failures and a burst of 429s (${testDatabaseKind})`, () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("creates each ready caregiver once, reports the rest by reason, and Retry failed finishes after the fixes", async () => {
    h = await caregiverHarness({
      sandbox: { seed: "empty", rateLimit: { requestsPerSecond: 100 } },
      env: { TELETRACK_RPS: "100", CAREACADEMY_RPS: "100" },
      http: { backoff: { baseMs: 20, capMs: 200 } },
    });
    const all = Array.from({ length: 200 }, (_, i) => caregiverNo(i));
    for (const c of all) h.sandbox.state.teletrack.caregivers.set(c.id, c);
    const blocked = all.filter((_, i) => NO_EMAIL(i) || NO_BIRTH_DATE(i));
    expect(blocked).toHaveLength(17);

    const preview = await h.caregivers.previewAll(ADMIN, { full: true });
    if (!preview.ok) throw new Error("preview failed");
    expect(preview.preview.summary.counts).toMatchObject({ create: 183, "cannot-sync": 17 });
    const jobId = preview.preview.jobId!;
    await h.caregivers.confirmAll(ADMIN, jobId);

    // Another integration drains CareAcademy's quota mid-run; TeleTrack fails a few times too.
    h.sandbox.failNext("teletrack", 3, "server_error");
    const requestsBefore = h.sandbox.stats.requests.careacademy;
    const burst = (async () => {
      // Drains the quota once the job is talking to CareAcademy, so the job meets the 429s itself
      // (a fixed delay missed the job when it started late on a loaded machine).
      while (h.sandbox.stats.requests.careacademy - requestsBefore < 3) await new Promise((r) => setTimeout(r, 10));
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          fetch(`${h.sandbox.urls.careacademy}/v1/users?externalId=other`, {
            headers: { authorization: "Bearer other" },
          }),
        ),
      );
      return answers.filter((a) => a.status === 429).length;
    })();
    const limitedBefore = h.sandbox.stats.rateLimited.careacademy;
    await h.jobs.launch(jobId, { channel: "C0", ts: "2.1" });
    const othersLimited = await burst;
    expect(h.sandbox.stats.rateLimited.careacademy - limitedBefore - othersLimited).toBeGreaterThan(0);

    const report = (await h.jobs.report(jobId))!;
    expect(report.job.status).toBe("done");
    expect(report.outcomes).toEqual({ created: 183, "cannot-sync": 17 });
    expect(report.failureGroups.map((g) => [g.reason, g.count])).toEqual([
      [missingEmail("CareAcademy"), 10],
      [missingBirthDate("CA", "CareAcademy"), 7],
    ]);

    for (const c of blocked) {
      h.sandbox.state.teletrack.caregivers.set(c.id, {
        ...c,
        email: c.email ?? `${c.firstName.toLowerCase()}@example.org`,
        birthDate: "1991-05-05",
      });
    }
    const retry = await h.jobs.retryFailed(ADMIN, jobId);
    if (!retry.ok) throw new Error("retry refused");
    await h.jobs.launch(retry.job.id, { channel: "C0", ts: "2.2" });
    expect((await h.jobs.report(retry.job.id))!.outcomes).toEqual({ created: 17 });

    const users = [...h.sandbox.state.careacademy.users.values()];
    expect(users).toHaveLength(200);
    expect(new Set(users.map((u) => u.externalId)).size).toBe(200);
    expect(await h.db.prisma.externalAccount.count({ where: { vendor: "careacademy" } })).toBe(200);
  }, 120_000);
});
