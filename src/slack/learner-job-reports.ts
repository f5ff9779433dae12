import { JOB_ARCHIVE, JOB_IMPORT } from "../app/learners/deps";
import type { Services } from "../app/services";
import type { SlackClients } from "./clients";
import { uploadFile } from "./files";
import type { Job } from "../jobs/types";
import { reactivateAllMessage } from "./presenters/learners/archive-bulk";
import { importLogMessage } from "./presenters/learners/import";
import { slackPayload } from "./presenters/kit";

/**
 * What the learner jobs add to the generic report when they end: an import's log (every line of
 * the file) in the file's thread, and a bulk archive's "Reactivate all".
 */
export function attachLearnerJobReports(clients: SlackClients, services: Pick<Services, "jobs" | "learners">): void {
  async function postImportLog(job: Job): Promise<void> {
    const log = await services.learners.imports.log(job.id);
    if (!log || log.threadTs === "") return;
    const message = importLogMessage(log);
    const client = await clients(job.workspaceId);
    await client.chat.postMessage({
      channel: log.channelId,
      thread_ts: log.threadTs,
      ...slackPayload(message),
    });
    await uploadFile(client, { channel: log.channelId, threadTs: log.threadTs }, log.file);
  }

  async function offerUndo(job: Job): Promise<void> {
    const archived = (await services.jobs.outcomes(job.id)).archived ?? 0;
    if (archived === 0 || !job.channelId || !job.messageTs) return;
    const message = reactivateAllMessage(job, archived);
    const client = await clients(job.workspaceId);
    await client.chat.postMessage({
      channel: job.channelId,
      thread_ts: job.messageTs,
      ...slackPayload(message),
    });
  }

  services.jobs.observe({
    progress: async () => {},
    async finished(job) {
      if (job.kind === JOB_IMPORT) await postImportLog(job);
      else if (job.kind === JOB_ARCHIVE) await offerUndo(job);
    },
  });
}
