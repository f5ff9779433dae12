import type { JobReport } from "../../app/jobs";
import { jobKind } from "../../app/job-kinds";
import type { Job } from "../../jobs/types";
import { actions, context, escape, escapeName, type KnownBlock, type Message, section } from "./kit";

export const RETRY_FAILED_ACTION = "job.retry-failed";

function bar(done: number, total: number): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `\`${"█".repeat(filled)}${"░".repeat(width - filled)}\``;
}

/** The message a running job keeps up to date: n of N, failures so far. */
export function jobProgressMessage(job: Job): Message {
  const label = jobKind(job.kind).label;
  const failures = job.failed ? ` · ${job.failed} failed so far` : "";
  const state = job.status === "queued" ? "queued" : `${job.processed} of ${job.total}${failures}`;
  return {
    text: `${label}: ${state}`,
    blocks: [section(`*${escapeName(label)}* — ${state}\n${bar(job.processed, job.total)}`)],
  };
}

/** Item outcomes in words, as the previews name them: "Can't sync", not `cannot-sync`. */
const OUTCOME_WORDS: Record<string, string> = {
  "cannot-sync": "Can't sync",
  "not-found": "Not found",
  ok: "Done",
  failed: "Failed",
};

/** What went wrong comes last, after what was done. */
const FAILED_OUTCOMES = new Set(["cannot-sync", "not-found", "refused", "rejected", "failed"]);

export function outcomeWords(outcome: string): string {
  const known = OUTCOME_WORDS[outcome];
  if (known) return known;
  const words = outcome.replace(/[-_]+/g, " ").trim();
  return escape(words.charAt(0).toUpperCase() + words.slice(1));
}

/** The end of a job: counts, failures grouped by reason, and Retry failed when something failed. */
export function jobReportMessage(report: JobReport): Message {
  const { job } = report;
  const counts = Object.entries(report.outcomes)
    .sort(([a], [b]) => Number(FAILED_OUTCOMES.has(a)) - Number(FAILED_OUTCOMES.has(b)) || a.localeCompare(b))
    .map(([outcome, n]) => `${outcomeWords(outcome)}: *${n.toLocaleString("en-US")}*`)
    .join(" · ");
  const headline =
    job.status === "failed"
      ? `*${escapeName(report.label)} stopped* after ${job.processed} of ${job.total}. ${escape(job.error ?? "")}`
      : `*${escapeName(report.label)} finished* — ${job.processed} of ${job.total}.`;
  const blocks: KnownBlock[] = [section(`${headline}\n${counts}`)];
  if (report.failureGroups.length > 0) {
    const lines = report.failureGroups
      .slice(0, 10)
      .map((g) => `• ${g.count} × ${escape(g.reason)} — e.g. ${escape(g.examples.join("; "))}`);
    blocks.push(section(`*Failures by reason*\n${lines.join("\n")}`));
    blocks.push(context("The attached CSV lists every failure. Fix them in the source system, then retry."));
    blocks.push(
      actions([{ text: `Retry ${job.failed} failed`, actionId: RETRY_FAILED_ACTION, value: job.id, style: "primary" }]),
    );
  }
  return { text: `${report.label} finished: ${job.processed} of ${job.total}, ${job.failed} failed`, blocks };
}

export function failuresFilename(job: Job): string {
  return `${jobKind(job.kind).label.toLowerCase().replace(/\W+/g, "-")}-failures-${job.id.slice(0, 8)}.csv`;
}
