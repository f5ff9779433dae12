/** One rule a payload breaks, where Slack would point at it. */
export interface Problem {
  /** JSON pointer into the payload, e.g. /blocks/3/text. */
  pointer: string;
  message: string;
}

/** Collects problems while walking a payload; the pointer grows as the walk goes down. */
export class Problems {
  readonly list: Problem[] = [];

  add(pointer: string, message: string): void {
    this.list.push({ pointer, message });
  }
}

/** Slack's wording: "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text]". */
export function slackMessages(problems: Problem[]): string[] {
  return problems.map((p) => `[ERROR] ${p.message} [json-pointer:${p.pointer}]`);
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
