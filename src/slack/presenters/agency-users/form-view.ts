import type { ModalView } from "@slack/types";
import type { CreatedAgencyUser, CreateFormData } from "../../../app/agency-users";
import { context, escape, escapeName, section } from "../kit";
import { option, plain } from "../modal-kit";
import {
  BLOCK,
  CREATE_CALLBACK_ID,
  flagsInput,
  selectInput,
  sentence,
  textInput,
  type KnownBlock,
  usernameInput,
} from "./form-blocks";

/**
 * What the form carries between requests: where to confirm, and the username it suggested
 * (so a username the person typed themselves is never replaced). Never who may do what.
 */
export interface FormMeta {
  channel: string | undefined;
  suggested: string | undefined;
}

export function writeMeta(meta: FormMeta): string {
  return JSON.stringify({ c: meta.channel, s: meta.suggested });
}

export function readMeta(text: string | undefined): FormMeta {
  try {
    const parsed = JSON.parse(text || "{}") as { c?: unknown; s?: unknown };
    return {
      channel: typeof parsed.c === "string" ? parsed.c : undefined,
      suggested: typeof parsed.s === "string" ? parsed.s : undefined,
    };
  } catch {
    return { channel: undefined, suggested: undefined };
  }
}

const TITLE = plain("New agency user");

function modal(blocks: KnownBlock[], meta: FormMeta, withSubmit: boolean): ModalView {
  return {
    type: "modal",
    callback_id: CREATE_CALLBACK_ID,
    title: TITLE,
    close: plain(withSubmit ? "Cancel" : "Close"),
    ...(withSubmit ? { submit: plain("Create") } : {}),
    private_metadata: writeMeta(meta),
    blocks,
  };
}

/** The form, for a creator whose options `form` holds; `vendorLabel` marks sandbox data. */
export function createFormView(form: CreateFormData, meta: FormMeta, vendorLabel: string): ModalView {
  const offices = form.offices.map((o) => option(o.name, o.id));
  const preselected = form.office ? offices.find((o) => o.value === form.office?.id) : undefined;
  return modal(
    [
      context(`Creates the user in ${escape(vendorLabel)}, which emails them how to sign in for the first time.`),
      textInput(BLOCK.firstName, "First name", { dispatch: true }),
      textInput(BLOCK.lastName, "Last name", { dispatch: true }),
      usernameInput(BLOCK.username),
      selectInput(
        BLOCK.roleId,
        "Role",
        form.roles.map((r) => option(r.name, r.id)),
      ),
      ...(form.roleNote ? [context(escape(form.roleNote))] : []),
      selectInput(BLOCK.officeId, "Office", offices, preselected),
      textInput(BLOCK.businessEmail, "Business email"),
      textInput(BLOCK.mobilePhone, "Mobile phone", { optional: true }),
      flagsInput(),
    ],
    meta,
    true,
  );
}

/** Shown at once while the vendor is slow to give offices and roles (trigger_id lives 3 seconds). */
export function loadingView(meta: FormMeta): ModalView {
  return modal([section(":hourglass_flowing_sand: Loading offices and roles from Caresmartz360…")], meta, false);
}

/** Shown while a slow create finishes; the result replaces it. */
export function creatingView(meta: FormMeta): ModalView {
  return modal([section(":hourglass_flowing_sand: Creating the agency user in Caresmartz360…")], meta, false);
}

export function alreadySubmittedView(meta: FormMeta): ModalView {
  return modal(
    [section("This form was already submitted; carebridge creates the agency user once and confirms it in Slack.")],
    meta,
    false,
  );
}

export function createdView(created: CreatedAgencyUser, meta: FormMeta): ModalView {
  return modal(
    [
      section(
        `:white_check_mark: Created *${escape(created.username)}* in ${escapeName(created.officeName)} as ${escapeName(created.roleName)}. Caresmartz360 emailed the registration instructions.`,
      ),
    ],
    meta,
    false,
  );
}

/** One sentence in place of the form: a refusal or an outage. */
export function noticeView(text: string, meta: FormMeta): ModalView {
  return modal([section(sentence(text))], meta, false);
}
