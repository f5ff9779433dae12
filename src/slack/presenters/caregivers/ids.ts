import type { EditableField } from "../../../domain/caregivers/fix-form";
import type { FixableField } from "../../../domain/caregivers/readiness";
import type { Purpose } from "../../../app/caregivers";

/** Action and callback ids of the caregiver workflow. */
export const CAREGIVER_ACTIONS = {
  pick: "caregiver.pick",
  sync: "caregiver.sync",
  /** The first sync, which creates the LMS account active. */
  activate: "caregiver.activate",
  deactivate: "caregiver.deactivate",
  reactivate: "caregiver.reactivate",
  fix: "caregiver.fix",
  confirmAll: "caregiver.sync-all.confirm",
  /** The LMS admin sign-in (card and App Home): a one-time link for the presser only. */
  signIn: "caregiver.sign-in",
  /** A list row's card button; one per row, each in its own block. */
  listCard: "caregiver.list-card",
  /** Prefix of the filter buttons: caregiver.list-show:<filter>. */
  listShow: "caregiver.list-show",
  listPrevious: "caregiver.list-previous",
  listNext: "caregiver.list-next",
  cancelAll: "caregiver.sync-all.cancel",
} as const;

export const FIX_CALLBACK_ID = "caregiver.fix";

/** The pick list's buttons: caregiver.pick:0, caregiver.pick:1, … */
export const PICK_ACTION_PATTERN = /^caregiver\.pick:\d+$/;

/**
 * A card button's value: which caregiver (`c`), and whom the message was made for (`u`), so a
 * press by anyone else is refused. Who may act is never read from here: it is the presser's role.
 */
export interface CardButtonValue {
  c: string;
  /** Absent on a channel's digest: it is for whoever's role allows the press. */
  u?: string;
  /** Pick list: what the pick is for. */
  p?: Purpose;
  /** Fix and sync: the fields to ask for, and the name for the form's title line. */
  f?: FixableField[];
  n?: string;
}

const FIXABLE: readonly string[] = ["email", "birthDate", "mobilePhone"];
const EDITABLE: readonly string[] = [...FIXABLE, "firstName", "lastName"];

export const encodeValue = (value: CardButtonValue): string => JSON.stringify(value);

/** The value of a caregiver button, or undefined when it is not one (tampered or from an old version). */
export function decodeValue(text: string | undefined): CardButtonValue | undefined {
  try {
    const parsed = JSON.parse(text ?? "") as Partial<CardButtonValue>;
    if (typeof parsed.c !== "string" || (parsed.u !== undefined && typeof parsed.u !== "string")) return undefined;
    return {
      c: parsed.c,
      ...(parsed.u !== undefined ? { u: parsed.u } : {}),
      ...(parsed.p === "view" || parsed.p === "sync" ? { p: parsed.p } : {}),
      ...(Array.isArray(parsed.f) ? { f: parsed.f.filter((f): f is FixableField => FIXABLE.includes(f)) } : {}),
      ...(typeof parsed.n === "string" ? { n: parsed.n } : {}),
    };
  } catch {
    return undefined;
  }
}

/** What the Fix and sync modal carries from opening to submission (field names and ids, never values). */
export interface FixMeta {
  caregiverId: string;
  name: string;
  /** The missing fields the button was pressed for. */
  fields: FixableField[];
  /** Every input the form shows, in order, and those that must be filled (see requiredFormFields). */
  asked: EditableField[];
  /** Absent on a form opened by an earlier version: the app's rule for the missing fields applies. */
  required?: EditableField[];
  /** The LMS account found with the typed email, when it may be linked: the form offers that choice. */
  linkable?: { id: string; name: string };
  /** Where the button was pressed: the synced card goes there, to the presser only. */
  channel: string;
  madeFor: string;
}

export function readFixMeta(text: string): FixMeta | undefined {
  try {
    const meta = JSON.parse(text) as Partial<FixMeta>;
    if (typeof meta.caregiverId !== "string" || !Array.isArray(meta.fields) || typeof meta.channel !== "string")
      return undefined;
    const fields = meta.fields.filter((f): f is FixableField => FIXABLE.includes(f));
    const editable = (list: unknown): EditableField[] | undefined =>
      Array.isArray(list) ? list.filter((f): f is EditableField => EDITABLE.includes(f as string)) : undefined;
    const linkable = meta.linkable;
    return {
      caregiverId: meta.caregiverId,
      name: String(meta.name ?? ""),
      fields,
      // A form opened by an earlier version asked only the missing fields.
      asked: editable(meta.asked) ?? fields,
      ...(editable(meta.required) ? { required: editable(meta.required) } : {}),
      ...(linkable && typeof linkable.id === "string" && typeof linkable.name === "string"
        ? { linkable: { id: linkable.id, name: linkable.name } }
        : {}),
      channel: meta.channel,
      madeFor: String(meta.madeFor ?? ""),
    };
  } catch {
    return undefined;
  }
}
