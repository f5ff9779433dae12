import type { WebClient } from "@slack/web-api";
import type { Services } from "../../../../app/services";
import type { Message } from "../../../presenters/kit";
import { learnerSource } from "../../../presenters/learners/source";
import { slackPayload } from "../../../presenters/kit";

/**
 * Tells only `user`: ephemeral in the channel they worked from, or in their direct messages with
 * carebridge when that channel can't take it (carebridge isn't in it). Modals have no response_url.
 */
export async function tellPrivately(
  client: WebClient,
  channel: string | undefined,
  user: string,
  message: Message,
): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user, ...slackPayload(message) });
      return;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== "not_in_channel" && code !== "channel_not_found") throw error;
    }
  }
  await client.chat.postMessage({ channel: user, ...slackPayload(message) });
}

/** CACWT (or the SCIM service) as users should read it, marked when the sandbox plays it. */
export function sourceOf(services: Services): string {
  return learnerSource(services.deps.config.learnerLms, services.deps.providers.sandboxVendors);
}

/** What a learner modal carries to its submission: where to answer, and what to act on. */
export function readMeta(privateMetadata: string | undefined): { channelId?: string; email?: string } {
  try {
    return JSON.parse(privateMetadata || "{}") as { channelId?: string; email?: string };
  } catch {
    return {};
  }
}
