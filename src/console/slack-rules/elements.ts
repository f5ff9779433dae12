import { LIMITS } from "./limits";
import { isObject, type Json, type Problems } from "./problems";
import { stringField, textObject } from "./text";

/** Sums the characters of every text object it checks: Slack limits a message's total. */
export interface Walk {
  problems: Problems;
  textLength: number;
}

function text(walk: Walk, pointer: string, value: unknown, max?: number, kind?: "plain_text" | "mrkdwn"): void {
  walk.textLength += textObject(walk.problems, pointer, value, max, kind);
}

export function confirm(walk: Walk, pointer: string, value: unknown): void {
  if (!isObject(value)) return walk.problems.add(pointer, "must be a confirmation dialog");
  text(walk, `${pointer}/title`, value.title, LIMITS.confirmTitle, "plain_text");
  text(walk, `${pointer}/text`, value.text, LIMITS.confirmText);
  text(walk, `${pointer}/confirm`, value.confirm, LIMITS.confirmButton, "plain_text");
  text(walk, `${pointer}/deny`, value.deny, LIMITS.confirmButton, "plain_text");
}

function option(walk: Walk, pointer: string, value: unknown): void {
  if (!isObject(value)) return walk.problems.add(pointer, "must be an option");
  text(walk, `${pointer}/text`, value.text, LIMITS.optionText);
  stringField(walk.problems, `${pointer}/value`, value.value, LIMITS.optionValue);
  if (value.description !== undefined)
    text(walk, `${pointer}/description`, value.description, LIMITS.optionDescription, "plain_text");
}

function options(walk: Walk, pointer: string, value: unknown, min: number, max: number): Json[] {
  if (!Array.isArray(value)) {
    walk.problems.add(pointer, "must be a list of options");
    return [];
  }
  if (value.length < min) walk.problems.add(pointer, `must provide at least ${min} items`);
  if (value.length > max) walk.problems.add(pointer, `must provide at most ${max} items`);
  value.forEach((o, i) => option(walk, `${pointer}/${i}`, o));
  return value.filter(isObject);
}

function sameOption(a: unknown, b: Json): boolean {
  return isObject(a) && a.value === b.value && JSON.stringify(a.text) === JSON.stringify(b.text);
}

function staticSelect(walk: Walk, pointer: string, element: Json): void {
  const { problems } = walk;
  let all: Json[] = [];
  if (element.option_groups !== undefined) {
    if (!Array.isArray(element.option_groups)) return problems.add(`${pointer}/option_groups`, "must be a list");
    if (element.option_groups.length > LIMITS.selectOptionGroups)
      problems.add(`${pointer}/option_groups`, `must provide at most ${LIMITS.selectOptionGroups} items`);
    element.option_groups.forEach((group: unknown, i: number) => {
      const at = `${pointer}/option_groups/${i}`;
      if (!isObject(group)) return problems.add(at, "must be an option group");
      text(walk, `${at}/label`, group.label, LIMITS.optionGroupLabel, "plain_text");
      all = all.concat(options(walk, `${at}/options`, group.options, 1, LIMITS.optionGroupOptions));
    });
  } else if (element.type === "static_select" || element.type === "multi_static_select") {
    all = options(walk, `${pointer}/options`, element.options, 1, LIMITS.selectOptions);
  }
  const initial = String(element.type).startsWith("multi_")
    ? ((element.initial_options as unknown[] | undefined) ?? [])
    : element.initial_option === undefined
      ? []
      : [element.initial_option];
  if (element.type === "static_select" || element.type === "multi_static_select")
    initial.forEach((o, i) => {
      if (!all.some((candidate) => sameOption(o, candidate)))
        problems.add(
          element.initial_option === undefined ? `${pointer}/initial_options/${i}` : `${pointer}/initial_option`,
          "must match one of the provided options",
        );
    });
}

/** An interactive element or image, in an actions block, a section accessory or an input. */
export function element(walk: Walk, pointer: string, value: unknown): void {
  const { problems } = walk;
  if (!isObject(value) || typeof value.type !== "string") return problems.add(pointer, "must be a block element");
  stringField(problems, `${pointer}/action_id`, value.action_id, LIMITS.actionId);
  if (value.confirm !== undefined) confirm(walk, `${pointer}/confirm`, value.confirm);
  if (value.placeholder !== undefined) {
    const max = value.type === "plain_text_input" ? LIMITS.textInputPlaceholder : LIMITS.selectPlaceholder;
    text(walk, `${pointer}/placeholder`, value.placeholder, max, "plain_text");
  }
  switch (value.type) {
    case "button":
      text(walk, `${pointer}/text`, value.text, LIMITS.buttonText, "plain_text");
      stringField(problems, `${pointer}/value`, value.value, LIMITS.buttonValue);
      stringField(problems, `${pointer}/url`, value.url, LIMITS.buttonUrl);
      if (value.style !== undefined && value.style !== "primary" && value.style !== "danger")
        problems.add(`${pointer}/style`, "must be primary or danger");
      return;
    case "static_select":
    case "multi_static_select":
    case "external_select":
    case "multi_external_select":
      return staticSelect(walk, pointer, value);
    case "overflow":
      options(walk, `${pointer}/options`, value.options, LIMITS.overflowOptionsMin, LIMITS.overflowOptionsMax);
      return;
    case "checkboxes":
      options(walk, `${pointer}/options`, value.options, 1, LIMITS.checkboxOptions);
      return;
    case "radio_buttons":
      options(walk, `${pointer}/options`, value.options, 1, LIMITS.radioOptions);
      return;
    case "plain_text_input":
      if (
        value.max_length !== undefined &&
        (typeof value.max_length !== "number" || value.max_length > LIMITS.textInputMaxLength)
      )
        problems.add(`${pointer}/max_length`, `must be at most ${LIMITS.textInputMaxLength}`);
      return;
    case "datepicker":
      if (value.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(value.initial_date)))
        problems.add(`${pointer}/initial_date`, "must be YYYY-MM-DD");
      return;
    default:
      return;
  }
}
