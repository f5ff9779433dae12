import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Services } from "../app/services";
import type { Job } from "../jobs/types";
import { postJobMessage } from "./job-messages";
import { replyPrivately } from "./listeners/reply";
import { notice } from "./presenters/kit";
import { slackFailure, slackRefusal } from "./slack-error";

/**
 * Starts a job that was just moved to queued, with its progress message when Slack takes it.
 * The job starts whatever Slack answers: it is queued already, so a later press truthfully says
 * "already started" only if it really runs. When the progress message was refused, the person
 * is told so, since neither the progress nor the report can then appear.
 */
export async function startJobWithMessage(
  services: Pick<Services, "jobs" | "logger">,
  client: WebClient,
  job: Job,
  /** `respond`: the person who started it, told when the message was refused; none for a schedule. */
  where: { channel: string; userId: string; respond?: RespondFn },
): Promise<void> {
  let posted: { channel: string; ts: string } | undefined;
  try {
    posted = await postJobMessage(client, job, where.channel, where.userId);
  } catch (error) {
    services.logger.warn(
      { ...slackFailure(error), job: job.id },
      "the job's progress message was refused; the job starts without it",
    );
    const code = slackRefusal(error)?.code;
    if (where.respond)
      try {
        await replyPrivately(
          where.respond,
          notice(
            `It has started, but Slack refused its progress message${code ? ` (${code})` : ""}, so its progress and report will not appear here; the refusal is logged for your admin.`,
          ),
        );
      } catch {
        // Slack took nothing from carebridge just now; the log above is all there is.
      }
  }
  await services.jobs.launch(job.id, posted);
}
