import type { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { JobReport } from "../../src/app/jobs";
import type { Services } from "../../src/app/services";
import type { Job, JobObserver } from "../../src/jobs/types";
import { attachJobMessages } from "../../src/slack/job-messages";
import { oneClient } from "../../src/slack/clients";

const job = (overrides: Partial<Job> = {}): Job =>
  ({
    id: "job-1",
    workspaceId: "T0",
    kind: "caregiver-sync",
    status: "running",
    actorSlackId: "U0ADMIN",
    total: 10,
    processed: 0,
    failed: 0,
    channelId: "C0SYNC",
    messageTs: "1.000001",
    ...overrides,
  }) as Job;

/** The observer attachJobMessages gives the runner, with a Slack client that records its calls. */
function attached(report: Partial<JobReport> = {}) {
  let observer: JobObserver | undefined;
  const client = {
    chat: { update: vi.fn(async () => ({ ok: true })), postMessage: vi.fn(async () => ({ ok: true })) },
    filesUploadV2: vi.fn(async () => ({ ok: true })),
  };
  const full: JobReport = {
    job: job(),
    label: "Caregiver sync",
    outcomes: {},
    failureGroups: [],
    failureRows: [],
    ...report,
  };
  // The outbox, as far as the observer sees it: each job's report owed once, until delivered.
  const delivered = new Set<string>();
  const services = {
    jobs: {
      claimReport: async (jobId: string) => (delivered.has(jobId) ? null : { report: full, reportTs: null }),
      reportPosted: async () => undefined,
      reportDelivered: async (jobId: string) => void delivered.add(jobId),
      reportFailed: async () => undefined,
      reportsOwed: async () => [],
      observe: (o: JobObserver) => (observer = o),
    },
  } as unknown as Services;
  attachJobMessages(oneClient(client as unknown as WebClient), services);
  const updates = () => client.chat.update.mock.calls.map((call) => (call as unknown as [{ text: string }])[0].text);
  return { observer: observer!, client, updates };
}

describe("a job's progress message", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-01T10:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is updated at most every 3 seconds while the job runs: n of N, failures so far", async () => {
    const { observer, updates } = attached();
    await observer.progress(job({ processed: 1 }));
    for (const [processed, failed] of [
      [2, 1],
      [3, 1],
    ]) {
      vi.advanceTimersByTime(1_000);
      await observer.progress(job({ processed, failed }));
    }
    expect(updates()).toEqual(["Caregiver sync: 1 of 10"]);
    vi.advanceTimersByTime(1_000);
    await observer.progress(job({ processed: 4, failed: 2 }));
    expect(updates()).toEqual(["Caregiver sync: 1 of 10", "Caregiver sync: 4 of 10 · 2 failed so far"]);
  });

  it("throttles each job on its own", async () => {
    const { observer, updates } = attached();
    await observer.progress(job({ processed: 1 }));
    await observer.progress(job({ id: "job-2", processed: 5, total: 50 }));
    expect(updates()).toEqual(["Caregiver sync: 1 of 10", "Caregiver sync: 5 of 50"]);
  });

  it("always gets the final state, however recent the last update, then the report and CSV in its thread", async () => {
    const failureRows = [{ "TeleTrack id": "tt-1", Name: "Ana Lopez", Reason: "No email" }];
    const { observer, client, updates } = attached({
      job: job({ status: "done", processed: 10, failed: 2 }),
      outcomes: { created: 8, "cannot-sync": 2 },
      failureGroups: [{ reason: "No email", count: 2, examples: ["Ana Lopez"] }],
      failureRows,
    });
    await observer.progress(job({ processed: 9, failed: 2 }));
    vi.advanceTimersByTime(100);
    await observer.finished(job({ status: "done", processed: 10, failed: 2 }));
    expect(updates()).toEqual([
      "Caregiver sync: 9 of 10 · 2 failed so far",
      "Caregiver sync: 10 of 10 · 2 failed so far",
    ]);
    expect(client.chat.postMessage).toHaveBeenCalledWith(
      expect.objectContaining({ channel: "C0SYNC", thread_ts: "1.000001", text: expect.stringContaining("finished") }),
    );
    expect(client.filesUploadV2).toHaveBeenCalledWith(
      expect.objectContaining({
        channel_id: "C0SYNC",
        thread_ts: "1.000001",
        content: expect.stringContaining("Ana Lopez"),
      }),
    );

    // Nothing is kept for a finished job: should it run again, its first progress is sent at once.
    await observer.progress(job({ processed: 0, failed: 0 }));
    expect(updates()).toHaveLength(3);
  });

  it("still posts the report and the CSV when the final update fails, and tells the runner", async () => {
    const failureRows = [{ "TeleTrack id": "tt-1", Name: "Ana Lopez", Reason: "No email" }];
    const { observer, client } = attached({ outcomes: { created: 9, "cannot-sync": 1 }, failureRows });
    const refused = Object.assign(new Error("An API error occurred: invalid_blocks"), {
      data: { ok: false, error: "invalid_blocks" },
    });
    client.chat.update.mockRejectedValueOnce(refused);
    await expect(observer.finished(job({ status: "done", processed: 10, failed: 1 }))).rejects.toBe(refused);
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(client.filesUploadV2).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining("Ana Lopez") }),
    );
  });

  it("still posts the report when the final update is lost on the network", async () => {
    const { observer, client } = attached({ outcomes: { created: 10 } });
    client.chat.update.mockRejectedValueOnce(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    await expect(observer.finished(job({ status: "done", processed: 10 }))).rejects.toThrow("socket hang up");
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(client.filesUploadV2).not.toHaveBeenCalled();
  });
});
