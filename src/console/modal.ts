import { mrkdwnToText } from "./mrkdwn";

/** One answer typed by the person; undefined once input has ended (a closed pipe, a finished script). */
export type Ask = (question: string) => Promise<string | undefined>;

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

/** The state of a field left empty, as Slack sends it. */
export function clearedState(type: string): StateValue {
  switch (type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type, selected_option: null };
    case "checkboxes":
    case "multi_static_select":
      return { type, selected_options: [] };
    case "datepicker":
      return { type, selected_date: null };
    default:
      return { type, value: null };
  }
}

/** What a field holds now, in words; empty when nothing. */
export function shownValue(state: StateValue): string {
  if (typeof state.value === "string") return state.value;
  if (typeof state.selected_date === "string") return state.selected_date;
  const one = state.selected_option as Option | null | undefined;
  if (one) return one.text.text;
  return ((state.selected_options as Option[] | undefined) ?? []).map((o) => o.text.text).join(", ");
}

export const CLEAR = "-";

/**
 * Asks for one field in words and returns its state. An empty answer keeps the current value;
 * `-` empties an optional field. `search` fetches the options of an external_select.
 */
export async function askField(
  block: InputBlock,
  current: StateValue,
  ask: Ask,
  print: (line: string) => void,
  search: (query: string) => Promise<Option[]>,
): Promise<StateValue> {
  const e = block.element;
  const label = `${mrkdwnToText(block.label.text)}${block.optional ? " (optional, - clears)" : ""}`;
  if (block.hint) print(`    ${mrkdwnToText(block.hint.text)}`);
  const now = shownValue(current);
  const asked = async (question: string): Promise<string | undefined> => {
    for (;;) {
      const answer = ((await ask(`  ${label}${question}${now ? ` [${now}]` : ""}: `)) ?? "").trim();
      if (answer !== CLEAR) return answer;
      if (block.optional) return undefined;
      print("    This field is required: type a value, or Enter to keep the one shown.");
    }
  };
  const pick = async (options: Option[], multiple: boolean): Promise<Option[] | undefined | "keep"> => {
    options.forEach((o, i) => print(`    ${i + 1}. ${o.text.text}`));
    const answer = await asked(` — number${multiple ? "s, comma-separated" : ""}`);
    if (answer === undefined) return undefined;
    if (!answer) return "keep";
    return answer
      .split(",")
      .map((s) => options[Number(s.trim()) - 1])
      .filter((o): o is Option => o !== undefined);
  };
  const cleared = clearedState(e.type);
  switch (e.type) {
    case "static_select":
    case "radio_buttons": {
      const chosen = await pick(optionsOf(e), false);
      if (chosen === "keep") return current;
      return chosen?.[0] ? { type: e.type, selected_option: chosen[0] } : chosen ? current : cleared;
    }
    case "external_select": {
      const query = await asked(" — type to search");
      if (query === undefined) return cleared;
      if (!query) return current;
      const chosen = await pick(await search(query), false);
      if (chosen === "keep") return current;
      return chosen?.[0] ? { type: e.type, selected_option: chosen[0] } : chosen ? current : cleared;
    }
    case "checkboxes":
    case "multi_static_select": {
      const chosen = await pick(optionsOf(e), true);
      if (chosen === "keep") return current;
      return chosen ? { type: e.type, selected_options: chosen } : cleared;
    }
    case "datepicker": {
      const answer = await asked(" (YYYY-MM-DD)");
      if (answer === undefined) return cleared;
      return answer ? { type: e.type, selected_date: answer } : current;
    }
    default: {
      const answer = await asked("");
      if (answer === undefined) return cleared;
      return answer ? { type: e.type, value: answer } : current;
    }
  }
}
