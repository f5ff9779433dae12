import { mrkdwnToText } from "./mrkdwn";

export type Ask = (question: string) => Promise<string>;

interface Option {
  text: { text: string };
  value: string;
}

export interface InputElement {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_option?: Option;
  initial_options?: Option[];
  initial_date?: string;
  options?: Option[];
  option_groups?: Array<{ options: Option[] }>;
  placeholder?: { text: string };
  dispatch_action_config?: unknown;
}

export interface InputBlock {
  type: "input";
  block_id: string;
  label: { text: string };
  hint?: { text: string };
  optional?: boolean;
  dispatch_action?: boolean;
  element: InputElement;
}

/** One answered field, in the shape Slack puts in `view.state.values[block][action]`. */
export type StateValue = Record<string, unknown> & { type: string };
export type StateValues = Record<string, Record<string, StateValue>>;

export function inputBlocks(view: { blocks?: unknown[] }): InputBlock[] {
  return ((view.blocks ?? []) as Array<{ type: string }>).filter((b): b is InputBlock => b.type === "input");
}

const optionsOf = (e: InputElement): Option[] => e.options ?? (e.option_groups ?? []).flatMap((g) => g.options);

/** The state an untouched field submits: its initial value, as Slack would send it. */
export function initialState(block: InputBlock): StateValue {
  const e = block.element;
  switch (e.type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type: e.type, selected_option: e.initial_option ?? null };
    case "checkboxes":
    case "multi_static_select":
      return { type: e.type, selected_options: e.initial_options ?? [] };
    case "datepicker":
      return { type: e.type, selected_date: e.initial_date ?? null };
    default:
      return { type: e.type, value: e.initial_value ?? null };
  }
}

/**
 * Asks for one field in words and returns its state. An empty answer keeps the current value.
 * `search` fetches the options of an external_select for what the user typed.
 */
export async function askField(
  block: InputBlock,
  current: StateValue,
  ask: Ask,
  print: (line: string) => void,
  search: (query: string) => Promise<Option[]>,
): Promise<StateValue> {
  const e = block.element;
  const label = `${mrkdwnToText(block.label.text)}${block.optional ? " (optional)" : ""}`;
  if (block.hint) print(`    ${mrkdwnToText(block.hint.text)}`);
  const pick = async (options: Option[], multiple: boolean): Promise<Option[] | undefined> => {
    options.forEach((o, i) => print(`    ${i + 1}. ${o.text.text}`));
    const answer = (await ask(`  ${label} — number${multiple ? "s, comma-separated" : ""}: `)).trim();
    if (!answer) return undefined;
    const chosen = answer
      .split(",")
      .map((s) => options[Number(s.trim()) - 1])
      .filter((o): o is Option => o !== undefined);
    return chosen;
  };
  switch (e.type) {
    case "static_select":
    case "radio_buttons": {
      const shown = current.selected_option as Option | null;
      if (shown) print(`    now: ${shown.text.text}`);
      const chosen = await pick(optionsOf(e), false);
      return chosen?.[0] ? { type: e.type, selected_option: chosen[0] } : current;
    }
    case "external_select": {
      const query = await ask(`  ${label} — type to search: `);
      const chosen = await pick(await search(query.trim()), false);
      return chosen?.[0] ? { type: e.type, selected_option: chosen[0] } : current;
    }
    case "checkboxes":
    case "multi_static_select": {
      const now = (current.selected_options as Option[]) ?? [];
      if (now.length) print(`    now: ${now.map((o) => o.text.text).join(", ")}`);
      const chosen = await pick(optionsOf(e), true);
      return chosen ? { type: e.type, selected_options: chosen } : current;
    }
    case "datepicker": {
      const answer = (
        await ask(`  ${label} (YYYY-MM-DD)${current.selected_date ? ` [${String(current.selected_date)}]` : ""}: `)
      ).trim();
      return answer ? { type: e.type, selected_date: answer } : current;
    }
    default: {
      const answer = await ask(`  ${label}${current.value ? ` [${String(current.value)}]` : ""}: `);
      return answer.trim() ? { type: e.type, value: answer.trim() } : current;
    }
  }
}
