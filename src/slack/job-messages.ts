import type { WebClient } from "@slack/web-api";
import type { Services } from "../app/services";
import type { SlackClients } from "./clients";
import { toCsv } from "../app/csv";
import { uploadFile } from "./files";
import type { Job } from "../jobs/types";
import { failuresFilename, jobProgressMessage, jobReportMessage } from "./presenters/job-progress";
import { slackPayload } from "./presenters/kit";

/** chat.update is Tier 3 (about 50 a minute per workspace): one update per job every few seconds. */
const MIN_UPDATE_MS = 3_000;

/**
 * Keeps each job's progress message current and, at the end, posts the report in its thread
 * with a CSV of the failures. The report is owed from the moment the job ends (an outbox row
 * written with it): posted here when the job finishes, and otherwise, after a crash or a refusal
 * from Slack, by whichever instance's runner next looks for unfinished work.
 */
export function attachJobMessages(
  clients: SlackClients,
  services: Pick<Services, "jobs">,
  minUpdateMs = MIN_UPDATE_MS,
): void {
  const lastUpdate = new Map<string, number>();

  const update = async (job: Job) => {
    if (!job.channelId || !job.messageTs) return;
    const message = jobProgressMessage(job);
    const client = await clients(job.workspaceId);
    await client.chat.update({ channel: job.channelId, ts: job.messageTs, ...slackPayload(message) });
  };

  /** Posts what is left of a job's report, unless it was delivered or another instance has it in hand. */
  const deliver = async (jobId: string) => {
    const claimed = await services.jobs.claimReport(jobId);
    if (!claimed) return;
    const { report, reportTs } = claimed;
    const { job } = report;
    if (!job.channelId || !job.messageTs) return services.jobs.reportDelivered(jobId);
    // The final count, but a refused or lost update must not cost the report and the CSV.
    const updateFailed = await update(job).then(
      () => undefined,
      (error: unknown) => error,
    );
    try {
      const client = await clients(job.workspaceId);
      if (reportTs === null) {
        const message = jobReportMessage(report);
        const posted = await client.chat.postMessage({
          channel: job.channelId,
          thread_ts: job.messageTs,
          ...slackPayload(message),
        });
        await services.jobs.reportPosted(jobId, posted.ts ?? "");
      }
      if (report.failureRows.length > 0) {
        const columns = Object.keys(report.failureRows[0]!);
        const csv = toCsv([columns, ...report.failureRows.map((row) => columns.map((c) => row[c] ?? ""))]);
        await uploadFile(
          client,
          { channel: job.channelId, threadTs: job.messageTs },
          { filename: failuresFilename(job), title: `${report.label} failures`, content: csv },
        );
      }
      await services.jobs.reportDelivered(jobId);
    } catch (error) {
      await services.jobs.reportFailed(jobId, error instanceof Error ? error.message : String(error));
      throw error;
    }
    // Told to the runner, which logs it; the report went out all the same.
    if (updateFailed) throw updateFailed;
  };

  services.jobs.observe({
    async progress(job) {
      const now = Date.now();
      if (now - (lastUpdate.get(job.id) ?? 0) < minUpdateMs) return;
      lastUpdate.set(job.id, now);
      await update(job);
    },
    async finished(job) {
      lastUpdate.delete(job.id);
      await deliver(job.id);
    },
    async recover() {
      let firstError: unknown;
      for (const jobId of await services.jobs.reportsOwed()) {
        await deliver(jobId).catch((error: unknown) => (firstError ??= error));
      }
      if (firstError !== undefined) throw firstError;
    },
  });
}

/**
 * Posts a job's progress message where the request came from, in the job's thread when it has one
 * there (an import's file); in a channel the bot is not in, in the requester's DM with carebridge
 * instead. Returns where it went.
 */
export async function postJobMessage(
  client: WebClient,
  job: Job,
  channelId: string,
  userId: string,
): Promise<{ channel: string; ts: string }> {
  const message = jobProgressMessage(job);
  for (const channel of [channelId, userId]) {
    try {
      const posted = await client.chat.postMessage({
        channel,
        ...(channel === job.channelId && job.threadTs ? { thread_ts: job.threadTs } : {}),
        ...slackPayload(message),
      });
      if (posted.ts && posted.channel) return { channel: posted.channel, ts: posted.ts };
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== "not_in_channel" && code !== "channel_not_found") throw error;
    }
  }
  throw new Error("could not post the job's progress message");
}
