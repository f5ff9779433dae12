import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerJobHandlers } from "../../../src/app/learners";
import { JobRunner } from "../../../src/jobs/runner";
import type { JobStore } from "../../../src/jobs/store";
import { silentLogger } from "../../../src/logger";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, fixture, runImport, startHarness, type Harness } from "./harness";

describe(`an import that dies mid-run (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("resumes after a restart without creating anyone twice", async () => {
    const preview = await h.learners.imports.preview(ADMIN, h.file("valid.csv", fixture("cacwt_learners_valid.csv")));
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    const { jobId } = preview.preview;
    const started = await h.learners.imports.start(ADMIN, jobId);
    expect(started.ok && started.state).toBe("queued");

    // The first runner hangs while writing its third batch: the learners of that batch exist in
    // CACWT, but the database never heard of them, as when the process is killed at that moment.
    // Its other lanes may still be finishing a row when the second runner starts: the case of
    // pg-boss retrying a job whose first run is not quite dead.
    let writes = 0;
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    // Lanes flush concurrently: the second batch may still be on its way when the third hangs.
    const landed: Promise<unknown>[] = [];
    const dying: JobStore = {
      ...h.deps.jobStore,
      record: (...args) => {
        writes += 1;
        if (writes <= 2) {
          const write = h.deps.jobStore.record(...args);
          landed.push(write);
          return write;
        }
        died();
        return new Promise(() => {});
      },
    };
    const first = new JobRunner({ store: dying, logger: silentLogger, describeError: String, flushEvery: 3 });
    for (const handler of learnerJobHandlers(h.deps)) first.register(handler);
    void first.run(jobId);
    await dead;
    await Promise.all(landed);
    const created = () =>
      [...h.sandbox.state.cacwt.learners.keys()].filter(
        (k) => k.endsWith("@partner1.org") || k.endsWith("@partner2.org") || k.endsWith("@partner3.org"),
      );
    expect(created().length).toBeGreaterThan(6);
    expect(created().length).toBeLessThan(25);
    expect(await h.deps.jobStore.get(jobId)).toMatchObject({ status: "running", processed: 6 });

    // A restart sees the dead runner's lease expired and resumes the pending rows.
    const later = () => new Date(Date.now() + 120_000);
    const second = new JobRunner({ store: h.deps.jobStore, logger: silentLogger, describeError: String, now: later });
    for (const handler of learnerJobHandlers(h.deps)) second.register(handler);
    expect(await second.resumeInterrupted()).toEqual([jobId]);

    expect(await h.deps.jobStore.get(jobId)).toMatchObject({ status: "done", processed: 25, failed: 0 });
    // The rows the dead runner created but never recorded are redone, and report what this job
    // did to them: created, not "unchanged".
    expect(await h.deps.jobStore.outcomes(jobId)).toEqual({ created: 25 });
    expect(created()).toHaveLength(25);
    const mails = h.sandbox.state.outbox.filter(
      (m) => m.kind === "temporary_password" && /@partner\d\.org$/.test(m.to),
    );
    expect(mails).toHaveLength(25);
    expect(new Set(mails.map((m) => m.to)).size).toBe(25);
  });
});

describe(`an import whose create CACWT applied and then dropped the connection of (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("does not resend it: the row is found by email and reported created, each learner made once", async () => {
    const preview = await h.learners.imports.preview(ADMIN, h.file("valid.csv", fixture("cacwt_learners_valid.csv")));
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    h.sandbox.failNext("cacwt", 1, "applied-then-reset");
    const job = await runImport(h, ADMIN, preview.preview.jobId);
    expect(job).toMatchObject({ status: "done", processed: 25, failed: 0 });
    expect(await h.deps.jobStore.outcomes(job.id)).toEqual({ created: 25 });
    const mails = h.sandbox.state.outbox.filter(
      (m) => m.kind === "temporary_password" && /@partner\d\.org$/.test(m.to),
    );
    expect(mails).toHaveLength(25);
    expect(new Set(mails.map((m) => m.to)).size).toBe(25);
  });
});
