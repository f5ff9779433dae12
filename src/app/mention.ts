import { randomBytes } from "node:crypto";

/**
 * Sentences are plain strings that mix carebridge's words with data (vendor names, file names),
 * and a name may well read "<@U0ADMIN>". So carebridge's own mentions carry a key drawn at start
 * that no data can guess; Slack's presenters revive only mentions that carry it and show every
 * other "<@…>" as text. A sentence kept past a restart loses its mentions' life, never its safety.
 */
const KEY = randomBytes(9).toString("base64url");

/** A mention carebridge itself means (who to ask, who shared a file): live in Slack. */
export function mention(userId: string): string {
  return `<@${userId}|${KEY}>`;
}

/** A channel carebridge itself points to (where to look, where to invite it): a live link in Slack. */
export function channelLink(channelId: string): string {
  return `<#${channelId}|${KEY}>`;
}

const ESCAPED = new RegExp(`&lt;(@[UW][A-Z0-9]+|#[CG][A-Z0-9]+)\\|${KEY}&gt;`, "g");

/** In escaped mrkdwn, carebridge's own mentions and channel links made live again; everything else stays text. */
export function liveMentions(escaped: string): string {
  return escaped.replace(ESCAPED, "<$1>");
}
