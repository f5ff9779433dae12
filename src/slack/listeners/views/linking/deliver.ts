import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../../app/actor";
import type { ActionResult } from "../../../../app/linking";
import type { Services } from "../../../../app/services";
import { type Message, notice, problemsMessage, slackPayload } from "../../../presenters/kit";
import { overviewMessage } from "../../../presenters/linking/overview";
import type { CreateMetadata, Position } from "../../../presenters/linking/values";
import { answerErrors } from "../../handler";

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

/**
 * After a linking form is acked: the action's result (the list refreshed, or what to fix) goes
 * over the list the form was opened from, through deliver; a form whose metadata does not parse
 * (made by an older version) says to press its button again.
 */
export async function answerOverList<M extends Pick<CreateMetadata, "r" | "ch"> & { p: Position }>(
  services: Pick<Services, "logger">,
  client: WebClient,
  actor: Actor,
  metadata: M | undefined,
  button: string,
  act: (metadata: M) => Promise<ActionResult>,
): Promise<void> {
  if (!metadata) {
    await client.chat.postMessage({
      channel: actor.userId,
      ...notice(`That form is out of date; press ${button} again.`),
    });
    return;
  }
  const send = (message: Message) => deliver(client, actor.userId, metadata, message);
  await answerErrors(services, send, async () => {
    const result = await act(metadata);
    await send(
      result.ok ? overviewMessage(result.overview, metadata.p, result.outcome) : problemsMessage(result.problems),
    );
  });
}
