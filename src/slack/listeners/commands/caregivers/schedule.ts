import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../app/actor";
import type { Services } from "../../../../app/services";
import { parseSchedule } from "../../../../app/caregivers";
import {
  digestFile,
  digestMessage,
  noDigestMessage,
  scheduleBadMessage,
  scheduleMessage,
  scheduleOffMessage,
} from "../../../presenters/caregivers/schedule";
import { uploadFile } from "../../../files";
import { problemsMessage } from "../../../presenters/kit";
import { channelUnreachable } from "../../../slack-error";
import { replyPrivately } from "../../reply";
import { labelsOf } from "../../shared/caregivers";

interface Request {
  actor: Actor;
  /** What follows `schedule`. */
  text: string;
  channelId: string;
  respond: RespondFn;
  client: WebClient;
  services: Services;
}

/** Whether carebridge is a member of the channel (Slack says so for channels it can see at all). */
async function botIsIn(client: WebClient, channel: string): Promise<boolean> {
  try {
    const info = await client.conversations.info({ channel });
    return (info.channel as { is_member?: boolean } | undefined)?.is_member === true;
  } catch (error) {
    if (channelUnreachable(error)) return false;
    throw error;
  }
}

async function userTimeZone(client: WebClient, user: string): Promise<string | undefined> {
  try {
    const info = await client.users.info({ user });
    return (info.user as { tz?: string } | undefined)?.tz || undefined;
  } catch {
    return undefined;
  }
}

/** `/sync-caregiver schedule …`: show, set or turn off the workspace's scheduled sync. */
export async function answerSchedule({ actor, text, channelId, respond, client, services }: Request): Promise<void> {
  const request = parseSchedule(text);
  const schedules = services.caregivers.schedule;
  switch (request.kind) {
    case "bad":
      await replyPrivately(respond, scheduleBadMessage(request.message));
      return;
    case "show": {
      const shown = await schedules.show(actor);
      await replyPrivately(respond, shown.ok ? scheduleMessage(shown.schedule) : problemsMessage(shown.problems));
      return;
    }
    case "off": {
      const off = await schedules.off(actor);
      await replyPrivately(respond, off.ok ? scheduleOffMessage(off.removed) : problemsMessage(off.problems));
      return;
    }
    case "set": {
      const set = await schedules.set(
        actor,
        {
          cadence: request.cadence,
          time: request.time,
          channelId: request.channelId,
          timeZone: request.timeZone,
          quiet: request.quiet,
        },
        {
          typedIn: channelId,
          channelReachable: (channel) => botIsIn(client, channel),
          fallbackTimeZone: () => userTimeZone(client, actor.userId),
        },
      );
      await replyPrivately(respond, set.ok ? scheduleMessage(set.schedule, true) : problemsMessage(set.problems));
    }
  }
}

/**
 * `/sync-caregiver digest`: the last run's digest, only to the asker; its CSV, when the lists are
 * longer than a message shows, goes to their direct messages with carebridge.
 */
export async function answerDigest({ actor, respond, client, services }: Omit<Request, "text">): Promise<void> {
  const result = await services.caregivers.schedule.lastDigest(actor);
  if (!result.ok) return void (await replyPrivately(respond, problemsMessage(result.problems)));
  const { digest } = result;
  if (!digest) return void (await replyPrivately(respond, noDigestMessage));
  await replyPrivately(respond, digestMessage(digest, labelsOf(services)));
  const file = digestFile(digest);
  if (file) await uploadFile(client, { channel: actor.userId }, file);
}
