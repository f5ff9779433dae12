import type { Job, JobItem, JobReportOutbox } from "../generated/prisma/client";

export type { Job, JobItem, JobReportOutbox };

export type JobStatus = "preview" | "awaiting-second-approval" | "queued" | "running" | "done" | "failed" | "cancelled";

export interface NewJobItem {
  /** Natural key (a TeleTrack id, an email, a CSV line): a rerun skips keys already done. */
  key: string;
  seq: number;
  input: unknown;
}

export interface NewJob {
  workspaceId: string;
  kind: string;
  actorSlackId: string;
  params: unknown;
  items: NewJobItem[];
  status: Extract<JobStatus, "preview" | "queued">;
  /** A second request with the same key gets the first job back (double clicks, retried events). */
  idempotencyKey?: string;
  channelId?: string;
  threadTs?: string;
}

export interface ItemResult {
  status: "done" | "failed" | "skipped";
  outcome: string;
  message?: string;
}

export interface JobHandler {
  kind: string;
  /** Items in flight at once: enough that the vendor's rate limit, not latency, sets the pace. */
  concurrency: number;
  /** Does one item. Must be safe to repeat: pg-boss runs a job at least once. */
  processItem(item: JobItem, job: Job): Promise<ItemResult>;
}

/**
 * A job item's note of a create it sends, kept in the database before the request goes out
 * (JobItem.pendingEffect): when a crash loses the item's result and the job redoes it, the record
 * it then finds is the one this job made, and the report says so ("created", not "unchanged").
 */
export interface CreateNote {
  /**
   * What another run of this item noted: "create" sent, or "linked" (adopted instead). Read when
   * asked: a runner not quite dead may still be noting as its successor redoes the item.
   */
  earlier(): Promise<string | null>;
  note(effect: "create" | "linked"): Promise<void>;
}

/** Told of progress and of the end, e.g. to update a Slack message. Failures here never stop a job. */
export interface JobObserver {
  progress(job: Job): Promise<void>;
  finished(job: Job): Promise<void>;
  /**
   * At start and every lease period, with the look for interrupted jobs: finishes what an
   * instance that died left undone, e.g. a report it never posted.
   */
  recover?(): Promise<void>;
}
