import { checkBlocks } from "./blocks";
import { length, LIMITS } from "./limits";
import { isObject, type Json, type Problem, Problems, slackMessages } from "./problems";
import { stringField, textObject } from "./text";

/** What Slack answers to a payload it refuses, or ok with an optional warning. */
export type Verdict =
  | { ok: true; warning?: string }
  | { ok: false; error: string; response_metadata: { messages: string[] }; problems: Problem[] };

function refuse(error: string, problems: Problem[]): Verdict {
  return { ok: false, error, response_metadata: { messages: slackMessages(problems) }, problems };
}

/**
 * A message as chat.postMessage, chat.postEphemeral, chat.update or a response_url post
 * carries it: Slack refuses bad blocks (invalid_blocks) and too much text in them
 * (msg_blocks_too_long), and cuts a top-level text over 40,000 characters with a warning.
 */
export function checkMessage(payload: Json): Verdict {
  const problems = new Problems();
  if (payload.blocks !== undefined) {
    const { textLength } = checkBlocks(problems, "/blocks", payload.blocks, "message");
    if (problems.list.length > 0) return refuse("invalid_blocks", problems.list);
    if (textLength > LIMITS.messageBlocksText) {
      problems.add(
        "/blocks",
        `text in blocks totals ${textLength} characters, more than about ${LIMITS.messageBlocksText}`,
      );
      return refuse("msg_blocks_too_long", problems.list);
    }
  }
  if (payload.text !== undefined && typeof payload.text !== "string") {
    problems.add("/text", "must be a string");
    return refuse("invalid_arguments", problems.list);
  }
  if (typeof payload.text === "string" && length(payload.text) > LIMITS.messageText)
    return { ok: true, warning: "message_truncated" };
  return { ok: true };
}

/** A modal or App Home view as views.open/push/update/publish carry it (invalid_arguments). */
export function checkView(view: unknown): Verdict {
  const problems = new Problems();
  if (!isObject(view)) {
    problems.add("/view", "must be a view");
    return refuse("invalid_arguments", problems.list);
  }
  const surface = view.type === "home" ? "home" : "modal";
  if (view.type !== "modal" && view.type !== "home") problems.add("/view/type", "must be modal or home");
  checkBlocks(problems, "/view/blocks", view.blocks, surface);
  if (surface === "modal") {
    textObject(problems, "/view/title", view.title, LIMITS.modalTitle, "plain_text");
    if (view.submit !== undefined) textObject(problems, "/view/submit", view.submit, LIMITS.modalButton, "plain_text");
    else if (hasInput(view.blocks)) problems.add("/view/submit", "is required when the view has input blocks");
    if (view.close !== undefined) textObject(problems, "/view/close", view.close, LIMITS.modalButton, "plain_text");
  }
  stringField(problems, "/view/private_metadata", view.private_metadata, LIMITS.privateMetadata);
  stringField(problems, "/view/callback_id", view.callback_id, LIMITS.callbackId);
  return problems.list.length > 0 ? refuse("invalid_arguments", problems.list) : { ok: true };
}

function hasInput(blocks: unknown): boolean {
  return Array.isArray(blocks) && blocks.some((b) => isObject(b) && b.type === "input");
}

/**
 * The ack of a view_submission: `errors` may name only input blocks of the submitted view;
 * `update` and `push` carry a view that must itself be valid.
 */
export function checkViewAck(ack: Json, submitted: Json): Verdict {
  const problems = new Problems();
  switch (ack.response_action) {
    case undefined:
    case "clear":
      break;
    case "errors": {
      const inputs = new Problems();
      const { inputBlockIds } = checkBlocks(inputs, "/view/blocks", submitted.blocks, "modal");
      if (!isObject(ack.errors) || Object.keys(ack.errors).length === 0)
        problems.add("/errors", "must name at least one block");
      else
        for (const [key, message] of Object.entries(ack.errors)) {
          if (!inputBlockIds.has(key))
            problems.add(`/errors/${key}`, "must be the block_id of an input block in the view");
          if (typeof message !== "string" || message.length === 0) problems.add(`/errors/${key}`, "must be a message");
        }
      break;
    }
    case "update":
    case "push": {
      const verdict = checkView(ack.view);
      if (!verdict.ok) problems.list.push(...verdict.problems);
      break;
    }
    default:
      problems.add("/response_action", "must be errors, update, push or clear");
  }
  return problems.list.length > 0 ? refuse("invalid_arguments", problems.list) : { ok: true };
}
