import type { Job, JobItem, JobObserver } from "../jobs/types";
import type { JobRunner } from "../jobs/runner";
import type { JobStore } from "../jobs/store";
import type { Actor } from "./actor";
import type { AccessService } from "./access/service";
import type { Audit } from "./audit";
import { createFollowUp } from "./follow-up-job";
import { jobKind } from "./job-kinds";
import { fail, type Result } from "./result";

export interface FailureGroup {
  reason: string;
  count: number;
  examples: string[];
}

export interface JobReport {
  job: Job;
  label: string;
  outcomes: Record<string, number>;
  failureGroups: FailureGroup[];
  /** Rows of the failures CSV: the kind's columns, then Reason. */
  failureRows: Array<Record<string, string>>;
}

/** Failures grouped by their reason, biggest group first: what to fix, in order of payoff. */
export function groupFailures(items: JobItem[], describe: (item: JobItem) => string): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const item of items) {
    const reason = item.message ?? "failed";
    const group = groups.get(reason) ?? { reason, count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < 3) group.examples.push(describe(item));
    groups.set(reason, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** How long an instance holds a report it is posting before another may try it. */
const REPORT_LEASE_MS = 60_000;

/** Owed reports one sweep takes on; the rest wait for the next. */
const REPORTS_PER_SWEEP = 20;

export function createJobs(deps: {
  store: JobStore;
  runner: Pick<JobRunner, "enqueue" | "observe">;
  access: Pick<AccessService, "check">;
  audit: Audit;
  now: () => Date;
}) {
  const { store } = deps;

  async function report(jobId: string): Promise<JobReport | null> {
    const job = await store.get(jobId);
    if (!job) return null;
    const kind = jobKind(job.kind);
    const failed = await store.items(jobId, "failed");
    return {
      job,
      label: kind.label,
      outcomes: await store.outcomes(jobId),
      failureGroups: groupFailures(failed, (item) => Object.values(kind.describeItem(item)).join(" ")),
      failureRows: failed.map((item) => ({ ...kind.describeItem(item), Reason: item.message ?? "failed" })),
    };
  }

  return {
    report,

    /**
     * A finished job's report that Slack has not had yet (the outbox), taken for this instance:
     * null when it was delivered or another instance is posting it. `reportTs` is set when the
     * report went out already and only the failures CSV is left.
     */
    async claimReport(jobId: string): Promise<{ report: JobReport; reportTs: string | null } | null> {
      const now = deps.now();
      const held = await store.claimReport(jobId, now, new Date(now.getTime() + REPORT_LEASE_MS));
      if (!held) return null;
      const found = await report(jobId);
      return found && { report: found, reportTs: held.reportTs };
    },

    reportPosted: (jobId: string, reportTs: string) => store.reportPosted(jobId, reportTs),
    reportDelivered: (jobId: string) => store.reportDelivered(jobId, deps.now()),
    reportFailed: (jobId: string, error: string) => store.reportFailed(jobId, error),
    /** Reports owed that no instance is posting: a dead instance's, or ones Slack refused. */
    reportsOwed: () => store.reportsOwed(deps.now(), REPORTS_PER_SWEEP),
    /** What each item of a job came to, counted by outcome ("archived": 12). */
    outcomes: (jobId: string) => store.outcomes(jobId),

    /** Tells a transport as jobs move on and end (the progress message, the report). */
    observe: (observer: JobObserver) => deps.runner.observe(observer),

    /**
     * Starts a queued job once the message that shows its progress exists, so that every update
     * and the final report have a message to go to; without one (Slack refused it) the job runs
     * all the same rather than stay queued forever.
     */
    async launch(jobId: string, message: { channel: string; ts: string } | undefined): Promise<void> {
      if (message) await store.setMessage(jobId, message.channel, message.ts);
      await deps.runner.enqueue(jobId);
    },

    /** A new job over the failed items only, for `launch`; pressing twice makes one. */
    async retryFailed(actor: Actor, jobId: string): Promise<Result<{ job: Job; created: boolean }>> {
      const original = await store.get(jobId);
      if (!original || original.workspaceId !== actor.workspaceId) return fail("That job no longer exists.");
      const allowed = await deps.access.check(actor, jobKind(original.kind).action, { type: "job", id: jobId });
      if (!allowed.allowed) return fail(allowed.reason);
      if (original.status !== "done" && original.status !== "failed")
        return fail("That job is still running; retry when it has finished.");
      const failed = await store.items(jobId, "failed");
      if (failed.length === 0) return fail("Nothing failed in that job, so there is nothing to retry.");
      const { job, created } = await createFollowUp({ store, audit: deps.audit }, actor, {
        kind: original.kind,
        idempotencyKey: `retry:${jobId}`,
        params: { ...(original.params as object), retryOf: jobId },
        items: failed.map((item) => ({ key: item.key, seq: item.seq, input: item.input })),
        place: { channelId: original.channelId },
        audit: { action: "job.retry", details: { retryOf: jobId, items: failed.length } },
      });
      return { ok: true, job, created };
    },
  };
}
