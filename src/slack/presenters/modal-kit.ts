import type { InputBlock, PlainTextElement, PlainTextOption } from "@slack/types";

/**
 * The one kit for modals: plain text, options, inputs, and reading what was typed. Every
 * presenter builds its forms with it, so Slack's limits are kept in one place.
 */

/** The action id of an input whose block id says which field it is. */
export const VALUE = "value";

/** Slack's limits: most plain text (titles, labels, placeholders) 150, an option 75, a hint 2,000. */
const PLAIN_MAX = 150;
const OPTION_MAX = 75;
export const HINT_MAX = 2000;

export function plain(text: string, max = PLAIN_MAX): PlainTextElement {
  return { type: "plain_text", text: text.slice(0, max), emoji: true };
}

export function option(text: string, value = text): PlainTextOption {
  return { text: plain(text, OPTION_MAX), value };
}

export function input(
  blockId: string,
  label: string,
  element: InputBlock["element"],
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    element,
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: plain(options.hint, HINT_MAX) } : {}),
  };
}

/** One field's state as Slack sends it in `view.state.values`. */
export interface FieldState {
  value?: string | null;
  selected_option?: PlainTextOption | null;
  selected_options?: PlainTextOption[];
  selected_date?: string | null;
}

export type StateValues = Record<string, Record<string, FieldState>>;

/** A block's one element, whatever its action id (forms name them VALUE, the field, or a dispatch id). */
export function field(values: StateValues, block: string | undefined): FieldState | undefined {
  const elements = block === undefined ? undefined : values[block];
  return elements === undefined ? undefined : Object.values(elements)[0];
}

export const read = {
  text: (values: StateValues, block: string): string => field(values, block)?.value ?? "",
  picked: (values: StateValues, block: string): string | null => field(values, block)?.selected_option?.value ?? null,
  date: (values: StateValues, block: string): string | null => field(values, block)?.selected_date ?? null,
  checked: (values: StateValues, block: string): Set<string> =>
    new Set((field(values, block)?.selected_options ?? []).flatMap((o) => (o.value === undefined ? [] : [o.value]))),
};

/** Problems as a view_submission `errors` map; a problem of no field goes on `fallback`. */
export function errorsByBlock(
  problems: Array<{ field?: string; message: string }>,
  blocks: readonly string[],
  fallback: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = p.field !== undefined && blocks.includes(p.field) ? p.field : fallback;
    errors[block] = errors[block] ? `${errors[block]} ${p.message}` : p.message;
  }
  return errors;
}
