import type { WebClient } from "@slack/web-api";
import type { ScheduledRun } from "../app/caregivers";
import { CAREGIVER_SYNC_KIND } from "../app/caregivers/job-kind";
import type { Services } from "../app/services";
import type { SlackClients } from "./clients";
import { uploadFile } from "./files";
import type { Job } from "../jobs/types";
import { labelsOf } from "./listeners/shared/caregivers";
import { startJobWithMessage } from "./job-start";
import {
  allQuietMessage,
  digestFile,
  digestMessage,
  heldMessage,
  scheduleRefusedMessage,
} from "./presenters/caregivers/schedule";
import { type Message, slackPayload } from "./presenters/kit";

/** How often each instance looks for due schedules; a slot runs within this of its time. */
const TICK_MS = 60_000;

const post = (client: WebClient, channel: string, message: Message) =>
  client.chat.postMessage({ channel, ...slackPayload(message) });

/** What one claimed slot posts in its channel; a started run gets the usual progress message and report. */
async function announce(services: Services, client: WebClient, run: ScheduledRun): Promise<void> {
  const { channelId, setBy } = run.schedule;
  switch (run.kind) {
    case "started": {
      await startJobWithMessage(services, client, run.job, { channel: channelId, userId: setBy });
      return;
    }
    case "held":
      await post(client, channelId, heldMessage(run.preview, run.changes, labelsOf(services)));
      return;
    case "refused":
      if (run.error !== undefined) {
        services.logger.warn({ err: run.error, workspace: run.schedule.workspaceId }, "a scheduled sync failed");
      }
      await post(client, channelId, scheduleRefusedMessage(run.problems));
      return;
    case "nothing":
      if (run.schedule.allQuiet && run.schedule.cadence === "daily") await post(client, channelId, allQuietMessage);
  }
}

/** Runs the schedules due at `now` (each slot on exactly one instance) and posts what each did. */
export async function runDueSchedules(services: Services, clients: SlackClients, now: Date): Promise<ScheduledRun[]> {
  const runs = await services.caregivers.schedule.runDue(now);
  for (const run of runs) {
    try {
      const client = await clients(run.schedule.workspaceId);
      await services.providers.within(run.schedule.workspaceId, () => announce(services, client, run));
    } catch (error) {
      services.logger.warn({ err: error, workspace: run.schedule.workspaceId }, "a scheduled sync failed");
    }
  }
  return runs;
}

/** Looks for due schedules every minute until the process ends. */
export function startScheduleTicker(services: Services, clients: SlackClients): void {
  let ticking: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    ticking ??= runDueSchedules(services, clients, services.now())
      .catch((error: unknown) => services.logger.warn({ err: error }, "looking for due schedules failed"))
      .finally(() => (ticking = undefined));
  }, TICK_MS);
  timer.unref();
}

/**
 * After a scheduled run (or a held one an admin confirmed), its digest in the channel: what
 * changed and who cannot sync, with Fix buttons, and a CSV when the lists are longer than a
 * message shows. Told by the runner on the instance that finished the job.
 */
export function attachScheduledDigests(clients: SlackClients, services: Services): void {
  const scheduled = (job: Job) =>
    job.kind === CAREGIVER_SYNC_KIND && (job.params as { scheduled?: boolean } | null)?.scheduled === true;
  services.jobs.observe({
    progress: async () => undefined,
    async finished(job) {
      if (!scheduled(job) || !job.channelId) return;
      const digest = await services.caregivers.schedule.digestOf(job);
      const client = await clients(job.workspaceId);
      await post(client, job.channelId, digestMessage(digest, labelsOf(services)));
      const file = digestFile(digest);
      if (file) await uploadFile(client, { channel: job.channelId }, file);
    },
  });
}
