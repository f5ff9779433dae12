import { length, LIMITS } from "./limits";
import { isObject, type Problems } from "./problems";

type Kind = "plain_text" | "mrkdwn" | "any";

/**
 * A text object: plain_text or mrkdwn, 1 to `max` characters; `emoji` only on plain_text,
 * `verbatim` only on mrkdwn. Returns its length, 0 when it is not one.
 */
export function textObject(
  problems: Problems,
  pointer: string,
  value: unknown,
  max: number = LIMITS.textObject,
  kind: Kind = "any",
): number {
  if (!isObject(value)) {
    problems.add(pointer, "must be a text object");
    return 0;
  }
  const { type, text } = value;
  if (type !== "plain_text" && type !== "mrkdwn") {
    problems.add(`${pointer}/type`, "must be plain_text or mrkdwn");
    return 0;
  }
  if (kind !== "any" && type !== kind) problems.add(`${pointer}/type`, `must be ${kind}`);
  if ("emoji" in value && type !== "plain_text") problems.add(`${pointer}/emoji`, "is allowed only on plain_text");
  if ("verbatim" in value && type !== "mrkdwn") problems.add(`${pointer}/verbatim`, "is allowed only on mrkdwn");
  if (typeof text !== "string") {
    problems.add(`${pointer}/text`, "must be a string");
    return 0;
  }
  const n = length(text);
  const limit = Math.min(max, LIMITS.textObject);
  if (n < 1) problems.add(`${pointer}/text`, "must be more than 0 characters");
  if (n > limit) problems.add(`${pointer}/text`, `must be less than ${limit + 1} characters`);
  return n;
}

/** A plain string field (an id, a value, a url) of at most `max` characters. */
export function stringField(problems: Problems, pointer: string, value: unknown, max: number, required = false): void {
  if (value === undefined) {
    if (required) problems.add(pointer, "is required");
    return;
  }
  if (typeof value !== "string") return problems.add(pointer, "must be a string");
  if (length(value) > max) problems.add(pointer, `must be less than ${max + 1} characters`);
}
