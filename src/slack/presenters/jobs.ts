import { jobKind } from "../../app/job-kinds";
import type { Job } from "../../jobs/types";
import { slackDate } from "./kit";

const STATUS_WORDS: Record<string, string> = {
  preview: "waiting for confirmation",
  "awaiting-second-approval": "waiting for a second admin",
  queued: "queued",
  running: "running",
  done: "done",
  failed: "stopped",
  cancelled: "cancelled",
};

export function jobLine(job: Job): string {
  const counts =
    job.total > 0 ? ` — ${job.processed} of ${job.total}${job.failed ? `, ${job.failed} failed` : ""}` : "";
  const when = slackDate(job.createdAt);
  return `${jobKind(job.kind).label}: ${STATUS_WORDS[job.status] ?? job.status}${counts} · ${when}`;
}
