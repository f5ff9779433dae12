import type { TestApp } from "../../support/app";

/** Helpers for driving the /agency-user modal end to end (test/e2e/agency-users*.test.ts). */

export interface ViewBlock {
  type: string;
  block_id?: string;
  hint?: { text: string };
  text?: { text: string };
  elements?: Array<{ text: string }>;
  element?: {
    type: string;
    action_id: string;
    initial_value?: string;
    initial_option?: { value: string };
    options?: Array<{ text: { text: string }; value: string }>;
  };
}

export interface OpenedView {
  callback_id: string;
  private_metadata: string;
  title: unknown;
  blocks: ViewBlock[];
  [key: string]: unknown;
}

export interface FormInput {
  firstName?: string;
  lastName?: string;
  username?: string;
  roleId?: string;
  officeId?: string;
  businessEmail?: string;
  mobilePhone?: string;
  flags?: string[];
}

export const blockOf = (view: { blocks: ViewBlock[] }, field: string): ViewBlock => {
  const block = view.blocks.find((b) => b.block_id?.split(".")[0] === field);
  if (!block) throw new Error(`no ${field} block`);
  return block;
};

export const optionValues = (view: OpenedView, field: string) =>
  (blockOf(view, field).element?.options ?? []).map((o) => o.value);

type Option = { text: { type: string; text: string }; value: string };

/** The option as the view offered it (Slack sends it back whole), or a made-up one for a value it did not offer. */
function offered(element: NonNullable<ViewBlock["element"]>, value: string): Option {
  const all = [
    ...((element as { options?: Option[] }).options ?? []),
    ...((element as { option_groups?: Array<{ options: Option[] }> }).option_groups ?? []).flatMap((g) => g.options),
  ];
  return all.find((o) => o.value === value) ?? { text: { type: "plain_text", text: value }, value };
}

/**
 * The state Slack sends with a submission of `view` filled with `input`. A select's value is
 * sent as given even when the view did not offer it: that is how a tampered payload looks.
 */
export function stateOf(view: { blocks: ViewBlock[] }, input: FormInput): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [field, value] of Object.entries(input)) {
    const block = blockOf(view, field);
    const element = block.element!;
    values[block.block_id!] = {
      [element.action_id]:
        element.type === "static_select"
          ? { type: "static_select", selected_option: offered(element, String(value)) }
          : element.type === "checkboxes"
            ? { type: "checkboxes", selected_options: (value as string[]).map((v) => offered(element, v)) }
            : { type: "plain_text_input", value },
    };
  }
  return values;
}

export const JOSE: FormInput = {
  firstName: "José",
  lastName: "Núñez",
  username: "jose.nunez",
  roleId: "ro-sch",
  officeId: "of-fre",
  businessEmail: "jose.nunez@sunrisecare.example",
  mobilePhone: "(559) 555-0101",
  flags: ["showOnSupervisorList", "lmsManager"],
};

/** Runs /agency-user as `user` in `channel` and returns the modal it opened. */
export async function openForm(t: TestApp, user: string, channel: string): Promise<OpenedView> {
  const before = t.slack.callsTo("views.open").length;
  await t.command("/agency-user", "", user, { channel });
  const call = await t.waitFor(() => t.slack.callsTo("views.open")[before]);
  return call.args.view as OpenedView;
}

export const textOf = (value: unknown) => JSON.stringify(value);
