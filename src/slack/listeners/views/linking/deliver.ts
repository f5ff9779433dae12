import type { WebClient } from "@slack/web-api";
import type { Message } from "../../../presenters/kit";
import type { CreateMetadata } from "../../../presenters/linking/values";
import { slackPayload } from "../../../presenters/kit";

/**
 * Where a create form's result goes once the modal has closed: over the list the button was on
 * (its response_url), else privately in that channel, else in the person's direct messages.
 */
export async function deliver(
  client: WebClient,
  userId: string,
  metadata: Pick<CreateMetadata, "r" | "ch">,
  message: Message,
): Promise<void> {
  if (metadata.r) {
    const response = await fetch(metadata.r, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ replace_original: true, ...slackPayload(message) }),
    });
    if (response.ok) return;
  }
  if (metadata.ch) {
    await client.chat.postEphemeral({ channel: metadata.ch, user: userId, ...slackPayload(message) });
    return;
  }
  await client.chat.postMessage({ channel: userId, ...slackPayload(message) });
}
