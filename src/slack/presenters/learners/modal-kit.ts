import type { InputBlock, PlainTextElement, PlainTextOption } from "@slack/types";

/** The action id of every input in the learner modals; the block id says which field it is. */
export const VALUE = "value";

export function plain(text: string): PlainTextElement {
  return { type: "plain_text", text: text.slice(0, 150), emoji: true };
}

export function option(text: string, value = text): PlainTextOption {
  return { text: plain(text), value };
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
    ...(options.hint ? { hint: plain(options.hint) } : {}),
  };
}

/** One field's state as Slack sends it in `view.state.values`. */
interface FieldState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }>;
  selected_date?: string | null;
}

export type StateValues = Record<string, Record<string, FieldState>>;

const field = (values: StateValues, block: string): FieldState | undefined => values[block]?.[VALUE];

export const read = {
  text: (values: StateValues, block: string): string => field(values, block)?.value ?? "",
  picked: (values: StateValues, block: string): string | null => field(values, block)?.selected_option?.value ?? null,
  date: (values: StateValues, block: string): string | null => field(values, block)?.selected_date ?? null,
  checked: (values: StateValues, block: string): Set<string> =>
    new Set((field(values, block)?.selected_options ?? []).map((o) => o.value)),
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
