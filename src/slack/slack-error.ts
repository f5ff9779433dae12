import { redactText } from "../logger";

/**
 * What Slack answered when it refused a Web API call. Its code alone (invalid_blocks) does not
 * say what was refused; `response_metadata.messages` does ("[ERROR] must be less than 3001
 * characters [json-pointer:/blocks/2/text/text]"), so every log of a refusal carries both.
 */
export interface SlackRefusal {
  code: string;
  messages: string[];
}

export function slackRefusal(error: unknown): SlackRefusal | undefined {
  const data = (error as { data?: { error?: unknown; response_metadata?: { messages?: unknown } } } | null)?.data;
  if (typeof data?.error !== "string") return undefined;
  const messages = data.response_metadata?.messages;
  return { code: data.error, messages: Array.isArray(messages) ? messages.map((m) => redactText(String(m))) : [] };
}

/** The fields of a log line about a failed Slack call: Slack's code and pointers, or the error itself. */
export function slackFailure(error: unknown): { slack: SlackRefusal } | { err: unknown } {
  const refusal = slackRefusal(error);
  return refusal ? { slack: refusal } : { err: error };
}

/**
 * Slack's answers that say the channel can't take a message, not that the message is wrong: only
 * then may the same message go elsewhere (the person's DM). invalid_blocks there would be refused
 * again, and would say nothing true to the person.
 */
const UNREACHABLE = new Set(["not_in_channel", "channel_not_found", "user_not_in_channel", "is_archived"]);

export function channelUnreachable(error: unknown): boolean {
  return UNREACHABLE.has(slackRefusal(error)?.code ?? "");
}
