import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** One field of a submitted modal, as Slack nests it: values[block_id][action_id]. */
export function fieldOf(
  view: SubmitArgs["view"],
  block: string,
): { value?: string | null; selected_option?: { value: string } | null } {
  return view.state.values[block]?.[block] ?? {};
}
