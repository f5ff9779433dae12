import { createHash } from "node:crypto";
import { COMMUNITY_PARTNER_AFFILIATION, countyFromEmployeeType } from "../../domain/learners/template";
import { ConflictError } from "../../providers/http/errors";
import type { CacwtLearner, CacwtLearnerPatch } from "../../providers/roles";
import type { Actor } from "../actor";
import { lmsName } from "../lms-name";
import { fail, type Result } from "../result";
import { californiaToday, type LearnersDeps } from "./deps";
import { validateNewLearner, type NewLearnerField, type NewLearnerForm } from "./new-learner-form";
import { nameOf } from "./one";

const TARGET = "cacwt-learner";

/** The form's fields, each with a short fingerprint of the value it was opened with. */
export type EditFingerprint = Partial<Record<NewLearnerField, string>>;

/** One field the save changed, in words for the person: "Email: a@x.org → b@x.org". */
export interface LearnerChange {
  field: NewLearnerField;
  label: string;
  from: string;
  to: string;
}

export interface LearnerEdited {
  learner: CacwtLearner;
  /** Empty when the form was saved as it was opened. */
  changes: LearnerChange[];
  /** Set when the name changed: shown as a rename, as the LMS's own username stays. */
  renamed: { from: string; to: string } | null;
}

/**
 * How to change a learner's username (User ID), which the Edit form keeps: in CACWT a ticket to
 * the Academy Help Center (seed 003); another LMS changes it itself.
 */
function usernameChange(deps: Pick<LearnersDeps, "lmsVendor">): string {
  return deps.lmsVendor === "cacwt" ? "submit a ticket to the Academy Help Center" : `change it in ${lmsName(deps)}`;
}

const LABELS: Record<NewLearnerField, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  affiliation: "Affiliation",
  county: "County",
  dateHire: "Date of hire",
  trainingManager: "Training manager",
  supervisor: "Supervisor",
};

const FIELDS = Object.keys(LABELS) as NewLearnerField[];

/** The learner's current details as the edit form shows them. */
export function editFormOf(learner: CacwtLearner): NewLearnerForm {
  return {
    firstName: learner.firstName,
    lastName: learner.lastName,
    email: learner.email,
    affiliation: learner.affiliation,
    county: countyFromEmployeeType(learner.employeeType) ?? "",
    dateHire: learner.dateHire || null,
    trainingManager: learner.trainingManager,
    supervisor: learner.supervisor,
  };
}

/** Per field, a fingerprint of its value: what the form was opened with, kept in the modal (a few bytes each). */
export function fingerprintOf(form: NewLearnerForm): EditFingerprint {
  return Object.fromEntries(FIELDS.map((f) => [f, digest(form[f])]));
}

function digest(value: string | boolean | null): string {
  return createHash("sha256")
    .update(JSON.stringify(value ?? null))
    .digest("base64url")
    .slice(0, 10);
}

/** Only community partners are carebridge's to edit: the import rules are theirs. */
export function editable(learner: Pick<CacwtLearner, "affiliation">): boolean {
  // A record without an affiliation (a partial one from a vendor) is no community partner.
  return (learner.affiliation ?? "").trim().toLowerCase() === COMMUNITY_PARTNER_AFFILIATION.toLowerCase();
}

/**
 * One learner's details, edited (seed 003: "if they have an existing account, update the
 * information"): the form is checked by the import's rules, and only the fields the person
 * changed are sent, so a change someone made in the LMS meanwhile to another field is kept.
 * The User ID stays: in CACWT a username change is a ticket to the Academy Help Center.
 */
export function createLearnerEdit(deps: Pick<LearnersDeps, "lms" | "lmsVendor" | "access" | "audit" | "now">) {
  const { lms, access, audit } = deps;

  async function load(actor: Actor, userId: string): Promise<Result<{ learner: CacwtLearner }>> {
    const allowed = await access.check(actor, "learner.manage", { type: TARGET, id: userId });
    if (!allowed.allowed) return fail(allowed.reason);
    const learner = await lms.findByUserId(userId);
    if (!learner) return fail(`${lmsName(deps)} no longer has this learner; look them up again with /learner.`);
    if (!editable(learner)) {
      return fail(
        `${nameOf(learner)} is not a community partner (affiliation ${learner.affiliation || "none"}); edit them in ${lmsName(deps)}.`,
      );
    }
    return { ok: true, learner };
  }

  return {
    /** What the Edit form opens with. */
    async form(
      actor: Actor,
      userId: string,
    ): Promise<
      Result<{ learner: CacwtLearner; form: NewLearnerForm; fingerprint: EditFingerprint; usernameChange: string }>
    > {
      const loaded = await load(actor, userId);
      if (!loaded.ok) return loaded;
      const form = editFormOf(loaded.learner);
      return {
        ok: true,
        learner: loaded.learner,
        form,
        fingerprint: fingerprintOf(form),
        usernameChange: usernameChange(deps),
      };
    },

    /** Saves the fields the person changed; problems name their field. */
    async save(
      actor: Actor,
      userId: string,
      form: NewLearnerForm,
      opened: EditFingerprint,
    ): Promise<Result<LearnerEdited>> {
      const loaded = await load(actor, userId);
      if (!loaded.ok) return loaded;
      const current = loaded.learner;
      const now = editFormOf(current);
      const today = californiaToday(deps.now());
      // A blank date keeps the learner's (the import's rule for an existing learner).
      const valid = validateNewLearner({ ...form, dateHire: form.dateHire ?? now.dateHire }, today);
      if (!valid.ok) return valid;
      const row = valid.row;
      const submitted: NewLearnerForm = {
        firstName: row.firstName,
        lastName: row.lastName,
        email: row.email,
        affiliation: row.affiliation,
        county: row.county,
        dateHire: row.dateHire ?? now.dateHire,
        trainingManager: form.trainingManager,
        supervisor: form.supervisor,
      };
      // The fields the person changed in the form, that the LMS does not already show so.
      const touched = FIELDS.filter((f) => opened[f] !== digest(submitted[f]) && !same(f, submitted[f], now[f]));
      if (touched.length === 0) return { ok: true, learner: current, changes: [], renamed: null };

      if (touched.includes("email")) {
        const owner = await lms.findByEmail(submitted.email);
        if (owner && owner.userId !== current.userId)
          return fail(
            `${nameOf(owner)} already has this email in ${lmsName(deps)}; each learner needs their own.`,
            "email",
          );
      }
      const patch: CacwtLearnerPatch = {};
      for (const f of touched) {
        if (f === "county") patch.employeeType = row.employeeType;
        else if (f === "dateHire") patch.dateHire = submitted.dateHire ?? undefined;
        else if (f === "trainingManager" || f === "supervisor") patch[f] = submitted[f];
        else patch[f] = submitted[f];
      }
      try {
        await lms.update(current.userId, patch);
      } catch (error) {
        if (error instanceof ConflictError)
          return fail(`Another learner has this email in ${lmsName(deps)}; each learner needs their own.`, "email");
        throw error;
      }
      const after = (await lms.findByUserId(current.userId)) ?? current;
      const changes = touched.map((f) => ({
        field: f,
        label: LABELS[f],
        from: words(now[f]),
        to: words(editFormOf(after)[f]),
      }));
      const kept = touched.every((f) => same(f, editFormOf(after)[f], submitted[f]));
      const before = nameOf(current);
      const renamed = nameOf(after) !== before ? { from: before, to: nameOf(after) } : null;
      await audit.record(actor, {
        action: "learner.update",
        targetType: TARGET,
        targetId: current.userId,
        outcome: kept ? "ok" : "failed",
        details: { fields: touched, renamed: renamed !== null },
      });
      if (!kept)
        return fail(
          `${lmsName(deps)} did not keep every change to ${before}; look them up again with /learner, and check ${lmsName(deps)} if it keeps happening.`,
        );
      return { ok: true, learner: after, changes, renamed };
    },
  };
}

function same(field: NewLearnerField, a: NewLearnerForm[NewLearnerField], b: NewLearnerForm[NewLearnerField]): boolean {
  if (field === "email") return String(a ?? "").toLowerCase() === String(b ?? "").toLowerCase();
  return (a ?? null) === (b ?? null);
}

function words(value: string | boolean | null): string {
  if (value === true) return "yes";
  if (value === false) return "no";
  return value === null || value === "" ? "—" : value;
}
