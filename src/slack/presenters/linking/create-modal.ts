import type { ModalView } from "@slack/types";
import { MAX_ALIAS_LENGTH, type CreateForm } from "../../../app/linking";
import type { Problem } from "../../../app/result";
import { context, escape, escapeName, section } from "../kit";
import { input, option, plain } from "../modal-kit";
import { CREATE_LEARNER_CALLBACK, CREATE_MEMBER_CALLBACK, type CreateMetadata } from "./values";

/** Block ids of the create forms; problems name use-case fields, errors name blocks. */
export const CREATE_BLOCK = { email: "email", role: "role", alias: "alias" } as const;
const BLOCK_OF_FIELD: Record<string, string> = {
  email: CREATE_BLOCK.email,
  roleId: CREATE_BLOCK.role,
  alias: CREATE_BLOCK.alias,
};

const TITLE = plain("Create in Motivity");

/** Problems that belong to a field of the form, as Slack's `response_action: "errors"` map; undefined if any does not. */
export function fieldErrors(problems: readonly Problem[]): Record<string, string> | undefined {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    const block = p.field === undefined ? undefined : BLOCK_OF_FIELD[p.field];
    if (block === undefined) return undefined;
    errors[block] = p.message;
  }
  return errors;
}

/** Opened at once (a trigger lives 3 s), then replaced by the form once both systems were read. */
export function loadingModal(): ModalView {
  return { type: "modal", title: TITLE, close: plain("Cancel"), blocks: [section("Reading Calmanac and Motivity…")] };
}

/** A refusal or an out-of-date button, where the form would have been. */
export function sentenceModal(text: string): ModalView {
  return { type: "modal", title: TITLE, close: plain("Close"), blocks: [section(escape(text))] };
}

export function memberModal(form: CreateForm, metadata: CreateMetadata): ModalView {
  const options = form.roles.slice(0, 100).map((r) => option(r.name, r.id));
  const email = input(
    CREATE_BLOCK.email,
    "Email",
    { type: "plain_text_input", action_id: CREATE_BLOCK.email, ...(form.email ? { initial_value: form.email } : {}) },
    { hint: "Motivity sends the invitation to this address." },
  );
  const role = input(
    CREATE_BLOCK.role,
    "Motivity role",
    { type: "static_select", action_id: CREATE_BLOCK.role, placeholder: plain("Choose a role"), options },
    { hint: "Required: without a role the member cannot use Motivity." },
  );
  return {
    type: "modal",
    callback_id: CREATE_MEMBER_CALLBACK,
    title: TITLE,
    submit: plain("Create and invite"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(`*${escapeName(form.name)}* from Calmanac gets a Motivity member profile, linked to Calmanac at once.`),
      email,
      role,
    ],
  };
}

export function learnerModal(form: CreateForm, metadata: CreateMetadata): ModalView {
  const alias = input(
    CREATE_BLOCK.alias,
    "Alias",
    {
      type: "plain_text_input",
      action_id: CREATE_BLOCK.alias,
      max_length: MAX_ALIAS_LENGTH,
      ...(form.alias ? { initial_value: form.alias } : {}),
    },
    {
      optional: true,
      hint: "How Motivity shows the learner without their name. Leave it blank to let Motivity make one.",
    },
  );
  return {
    type: "modal",
    callback_id: CREATE_LEARNER_CALLBACK,
    title: TITLE,
    submit: plain("Create"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(`*${escapeName(form.name)}* from Calmanac gets a Motivity learner profile, linked to Calmanac at once.`),
      alias,
      context("The alias follows Motivity's own format; you can change it later in Motivity too."),
    ],
  };
}
