import {
  changedValues,
  checkFix,
  formFields,
  requiredFixFields,
  requiredFormFields,
  vendorErrorsToForm,
  type EditableField,
  type FixPatch,
  type FixValues,
} from "../../domain/caregivers/fix-form";
import type { FixableField } from "../../domain/caregivers/readiness";
import type { LmsStatus } from "../../domain/caregivers/types";
import { ValidationError } from "../../providers/http/errors";
import type { Caregiver, LmsUser } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Problem, type Result } from "../result";
import type { CaregiverCard } from "./card";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import { lmsName } from "../lms-name";
import { locate } from "./lms-account";
import type { Links } from "./links";
import type { OneCaregiver } from "./one";

/** The LMS account that already has the email typed for a caregiver. */
export interface EmailOwner {
  id: string;
  name: string;
  status: LmsStatus;
  /** No other caregiver has it and this caregiver has no account of their own: it can be linked. */
  linkable: boolean;
}

/** What the form opens with: every field, filled with what TeleTrack has now. */
export interface FixForm {
  asked: EditableField[];
  required: EditableField[];
  values: FixValues;
}

export type FixResult =
  | Result<{ card: CaregiverCard }>
  /** The email is taken in the LMS: nothing was written; the form offers the choices. */
  | { ok: false; problems: Problem[]; emailOwner: EmailOwner };

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();
const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * "Fix and sync": staff fill in what TeleTrack is missing, or correct what it has, from Slack.
 * The values are checked here first (the form shows each problem under its field); then the LMS
 * is asked whether the email is free, before anything is written; then what changed is written
 * to TeleTrack (whose own refusals also land on the form's fields), and the caregiver is synced.
 * Every step is safe to repeat: a second submission finds nothing left to write, and the sync
 * finds the account it made by TeleTrack id.
 */
export function createFix(deps: CaregiverDeps, one: OneCaregiver, links: Links, guard: Guard) {
  const today = () => deps.now().toISOString().slice(0, 10);
  const { lms, prisma, lmsVendor } = deps;

  /** Another caregiver's link to this LMS account, as carebridge recorded it. */
  async function linkedToAnother(userId: string, caregiverId: string): Promise<string | undefined> {
    const row = await prisma.externalAccount.findUnique({
      where: { vendor_vendorId: { vendor: lmsVendor, vendorId: userId } },
      include: { person: { include: { accounts: { where: { vendor: "teletrack" } } } } },
    });
    const other = row?.person.accounts.find((a) => a.vendorId !== caregiverId);
    return other?.vendorId;
  }

  /**
   * Whether the email the caregiver would have belongs to an LMS account that is not theirs: a
   * sync would then be refused (another caregiver's account) or would silently take over an
   * account that may be someone else's. One free account with the caregiver's own name, or the
   * one staff chose to link, is what a sync adopts.
   */
  async function emailConflict(
    actor: Actor,
    caregiver: Caregiver & { email: string },
    linkTo: string | undefined,
  ): Promise<{ owner: EmailOwner; message: string } | undefined> {
    const owner = await lms.findByEmail(caregiver.email);
    if (!owner) return undefined;
    const link = await links.find(actor.workspaceId, caregiver.id);
    const own = await locate(lms, caregiver.id, link?.lmsUserId);
    if (own?.user.id === owner.id) return undefined;
    const otherCaregiver =
      owner.externalId !== null && owner.externalId !== caregiver.id
        ? owner.externalId
        : await linkedToAnother(owner.id, caregiver.id);
    const linkable = otherCaregiver === undefined && own === null;
    if (linkable && (linkTo === owner.id || fold(fullName(owner)) === fold(fullName(caregiver)))) return undefined;
    return { owner: ownerOf(owner, linkable), message: conflictMessage(caregiver, owner, otherCaregiver, own?.user) };
  }

  function ownerOf(user: LmsUser, linkable: boolean): EmailOwner {
    return { id: user.id, name: fullName(user), status: user.status, linkable };
  }

  function conflictMessage(
    caregiver: Caregiver,
    owner: LmsUser,
    otherCaregiver: string | undefined,
    own: LmsUser | undefined,
  ): string {
    const account = `${lmsName(deps)} already has this email on ${fullName(owner)}'s account (${owner.status})`;
    if (otherCaregiver !== undefined)
      return `${account}, linked to another caregiver (TeleTrack id ${otherCaregiver}); enter another email.`;
    if (own) return `${account}; ${fullName(caregiver)} has an account of their own there, so enter another email.`;
    return `${account}, which no caregiver is linked to: link ${fullName(caregiver)} to it, or enter another email.`;
  }

  async function recordFix(
    actor: Actor,
    caregiverId: string,
    outcome: "ok" | "failed",
    details: Record<string, unknown>,
  ) {
    await deps.audit.record(actor, {
      action: "caregiver.fix",
      targetType: "caregiver",
      targetId: caregiverId,
      outcome,
      details,
    });
  }

  return {
    /** Checks what was typed; problems name the form field they belong to. Pure and quick: runs before the ack. */
    check(
      asked: readonly EditableField[],
      values: FixValues,
      required: readonly EditableField[] = requiredFixFields(asked),
    ): Result<{ patch: FixPatch }> {
      const checked = checkFix(asked, required, values, today());
      if (checked.ok) return { ok: true, patch: checked.patch };
      return { ok: false, problems: Object.entries(checked.errors).map(([field, message]) => ({ field, message })) };
    },

    /**
     * Before the form opens: may this person fix this caregiver (checked again on submit), and the
     * form: the missing fields first, then the others with TeleTrack's values.
     */
    async prepare(
      actor: Actor,
      caregiverId: string,
      missing: readonly FixableField[],
      madeFor?: string,
    ): Promise<Result<{ form: FixForm }>> {
      const refused = await guard(actor, "caregiver.fix", { type: "caregiver", id: caregiverId }, madeFor);
      if (refused) return refused;
      const caregiver = await one.fetchCaregiver(caregiverId);
      if (!caregiver) return fail(`Spectrum TeleTrack no longer has a caregiver with id ${caregiverId}.`);
      const asked = formFields(missing);
      const values: FixValues = Object.fromEntries(asked.map((f) => [f, caregiver[f]]));
      return { ok: true, form: { asked, required: requiredFormFields(missing, caregiver), values } };
    },

    /**
     * @param patch the checked values (all the form shows; only those that differ are written)
     * @param options.linkTo the LMS account staff chose to link when the email was found on it
     */
    async fixAndSync(
      actor: Actor,
      caregiverId: string,
      asked: readonly EditableField[],
      patch: FixPatch,
      madeFor?: string,
      options: { linkTo?: string } = {},
    ): Promise<FixResult> {
      const target = { type: "caregiver", id: caregiverId };
      const refused =
        (await guard(actor, "caregiver.fix", target, madeFor)) ?? (await guard(actor, "caregiver.sync", target));
      if (refused) return refused;
      const caregiver = await one.fetchCaregiver(caregiverId);
      if (!caregiver) return fail(`Spectrum TeleTrack no longer has a caregiver with id ${caregiverId}.`);
      const changes = changedValues(caregiver, patch);
      const fields = Object.keys(changes);
      const next: Caregiver = { ...caregiver, ...changes };
      if (next.email !== null && next.email.trim() !== "") {
        const conflict = await emailConflict(actor, { ...next, email: next.email.trim() }, options.linkTo);
        if (conflict) {
          await recordFix(actor, caregiverId, "failed", { fields, emailOwner: conflict.owner.id });
          return {
            ok: false,
            problems: [{ field: "email", message: conflict.message }],
            emailOwner: conflict.owner,
          };
        }
      }
      if (fields.length > 0) {
        try {
          await deps.source.update(caregiverId, changes);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          await recordFix(actor, caregiverId, "failed", { fields });
          const mapped = vendorErrorsToForm(error.fields, asked);
          const problems: Problem[] = [
            ...Object.entries(mapped.errors).map(([field, message]) => ({ field, message })),
            ...mapped.other.map((message) => ({ message })),
          ];
          return problems.length > 0 ? { ok: false, problems } : fail(error.message);
        }
        await recordFix(actor, caregiverId, "ok", { fields });
      }
      return one.openById(actor, caregiverId, "sync");
    },
  };
}
