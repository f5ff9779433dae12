import { createHash } from "node:crypto";
import { newLearnerFrom, type LearnerRow } from "../../domain/learners/row";
import { generateTemporaryPassword } from "../../domain/learners/password";
import type { LearnerStatus } from "../../domain/learners/learner";
import { templateCsv } from "../../domain/learners/template";
import { nameKey } from "../../domain/learners/namesakes";
import { ConflictError, UnavailableError } from "../../providers/http/errors";
import type { CacwtLearner } from "../../providers/roles";
import type { Actor } from "../actor";
import { lmsName } from "../lms-name";
import { fail, type Result } from "../result";
import { californiaToday, type LearnersDeps } from "./deps";
import { findLearners, type LearnerSearch } from "./search";
import { validateNewLearner, type NewLearnerForm } from "./new-learner-form";

export interface CsvFile {
  filename: string;
  content: string;
}

const TARGET = "cacwt-learner";

/** Learners the LMS has under a new learner's name and other emails: the first few by email, and how many. */
export interface NamesakeCheck {
  /**
   * Of the name as compared (case, accents and spaces folded): what a person saw the namesakes
   * of. A digest, so that a modal's private_metadata (3,000 characters) holds it whatever the name.
   */
  key: string;
  learners: CacwtLearner[];
  total: number;
}

const NAMESAKES_SHOWN = 5;

/** One learner at a time: add, look up, archive, reactivate; and the empty templates. */
export function createOneLearner(
  deps: Pick<LearnersDeps, "lms" | "lmsVendor" | "access" | "audit" | "now" | "randomBytes">,
) {
  const { lms, access, audit } = deps;

  /**
   * The checks a new learner must pass before anything is created: the form, then the LMS for
   * the email. An archived learner with the email comes back as `archived`, to be offered for
   * reactivation instead of a duplicate.
   */
  async function prepare(
    actor: Actor,
    form: NewLearnerForm,
  ): Promise<Result<{ row: LearnerRow; archived: CacwtLearner | null }>> {
    const allowed = await access.check(actor, "learner.manage", { type: TARGET, id: "new" });
    if (!allowed.allowed) return fail(allowed.reason);
    const valid = validateNewLearner(form, californiaToday(deps.now()));
    if (!valid.ok) return valid;
    const existing = await lms.findByEmail(valid.row.email);
    if (existing?.status === "Active") {
      return fail(
        `${nameOf(existing)} already has an active ${lmsName(deps)} account with this email; each learner needs their own email.`,
        "email",
      );
    }
    return { ok: true, row: valid.row, archived: existing };
  }

  /**
   * Seed 003: "confirm the learner does not have an existing account (with another county,
   * another email)". The LMS has no name search, so this reads the learner list.
   */
  async function namesakes(row: LearnerRow): Promise<NamesakeCheck> {
    const folded = nameKey(row.firstName, row.lastName);
    const found: CacwtLearner[] = [];
    for await (const learner of lms.list({})) {
      if (learner.email.trim().toLowerCase() === row.email) continue;
      if (nameKey(learner.firstName, learner.lastName) === folded) found.push(learner);
    }
    found.sort((a, b) => a.email.toLowerCase().localeCompare(b.email.toLowerCase()));
    return { key: namesChecked(row), learners: found.slice(0, NAMESAKES_SHOWN), total: found.length };
  }

  return {
    /** The form, the email, and the learners the LMS has under the same name, for the person to see before adding. */
    async checkNew(
      actor: Actor,
      form: NewLearnerForm,
    ): Promise<Result<{ archived: CacwtLearner | null; namesakes: NamesakeCheck }>> {
      const prepared = await prepare(actor, form);
      if (!prepared.ok) return prepared;
      return { ok: true, archived: prepared.archived, namesakes: await namesakes(prepared.row) };
    },

    /**
     * Creates the learner with a strong temporary password that the LMS emails them; carebridge
     * never keeps it. Learners with the same name under other emails stop it unless the person has
     * seen them (`namesChecked`: the key of the name checkNew showed, or found nobody under).
     */
    async add(
      actor: Actor,
      form: NewLearnerForm,
      options: { namesChecked?: string } = {},
    ): Promise<Result<{ learner: CacwtLearner }>> {
      const prepared = await prepare(actor, form);
      if (!prepared.ok) return prepared;
      if (options.namesChecked !== namesChecked(prepared.row) && !prepared.archived) {
        const same = await namesakes(prepared.row);
        if (same.total > 0) return fail(namesakesSentence(prepared.row, same, lmsName(deps)), "firstName");
      }
      if (prepared.archived) {
        return fail(
          `${nameOf(prepared.archived)} already has an archived ${lmsName(deps)} account with this email; reactivate it instead.`,
          "email",
        );
      }
      const learner = newLearnerFrom(prepared.row, californiaToday(deps.now()), {
        trainingManager: form.trainingManager,
        supervisor: form.supervisor,
      });
      try {
        await lms.create({ ...learner, temporaryPassword: generateTemporaryPassword(deps.randomBytes) });
      } catch (error) {
        if (error instanceof ConflictError)
          return fail("Someone added a learner with this email a moment ago; look them up with /learner.", "email");
        // A create that timed out may have happened: the look-up below tells.
        if (!(error instanceof UnavailableError && error.mayHaveApplied)) throw error;
      }
      const created = await lms.findByEmail(learner.email);
      const details = {
        county: prepared.row.county,
        trainingManager: learner.trainingManager,
        supervisor: learner.supervisor,
      };
      if (!created) {
        await audit.record(actor, {
          action: "learner.create",
          targetType: TARGET,
          targetId: learner.userId,
          outcome: "failed",
          details,
        });
        return fail(
          `${lmsName(deps)} did not confirm the new learner; look them up with /learner in a minute before adding them again.`,
        );
      }
      await audit.record(actor, {
        action: "learner.create",
        targetType: TARGET,
        targetId: created.userId,
        outcome: "ok",
        details,
      });
      return { ok: true, learner: created };
    },

    async find(actor: Actor, query: string): Promise<Result<LearnerSearch>> {
      const allowed = await access.check(actor, "learner.view");
      if (!allowed.allowed) return fail(allowed.reason);
      if (query.trim() === "") {
        return fail(
          "Say who to look up: /learner <email or name>. Or: /learner add, /learner template, /learner archive <email>, /learner reactivate <email>, /learner archive-bulk.",
        );
      }
      return { ok: true, ...(await findLearners(lms, query)) };
    },

    /** Archives or reactivates one learner and reads the status back: a change the LMS did not keep is a failure. */
    async setStatus(
      actor: Actor,
      email: string,
      status: LearnerStatus,
    ): Promise<Result<{ learner: CacwtLearner; changed: boolean }>> {
      const action = status === "Archived" ? "learner.archive" : "learner.reactivate";
      const allowed = await access.check(actor, "learner.manage", { type: TARGET, id: email });
      if (!allowed.allowed) return fail(allowed.reason);
      const current = await lms.findByEmail(email.trim().toLowerCase());
      if (!current) return fail(`${lmsName(deps)} has no learner with the email ${email.trim()}.`);
      if (current.status === status) return { ok: true, learner: current, changed: false };
      await lms.update(current.userId, { status });
      const after = await lms.findByEmail(current.email);
      if (after?.status !== status) {
        await audit.record(actor, {
          action,
          targetType: TARGET,
          targetId: current.userId,
          outcome: "failed",
          details: { from: current.status, to: status },
        });
        return fail(
          `${lmsName(deps)} still shows ${nameOf(current)} as ${after?.status ?? "missing"}; try again, and check ${lmsName(deps)} if it keeps happening.`,
        );
      }
      await audit.record(actor, {
        action,
        targetType: TARGET,
        targetId: current.userId,
        outcome: "ok",
        details: { from: current.status, to: status },
      });
      return { ok: true, learner: after, changed: true };
    },

    /**
     * The creation and archival templates, or the archival one only, header only (an example
     * row would get imported by mistake).
     */
    async templates(actor: Actor, which: "both" | "archival" = "both"): Promise<Result<{ files: CsvFile[] }>> {
      const allowed = await access.check(actor, "learner.view");
      if (!allowed.allowed) return fail(allowed.reason);
      const archival = { filename: "cacwt-learners-archival-template.csv", content: templateCsv("archival") };
      if (which === "archival") return { ok: true, files: [archival] };
      return {
        ok: true,
        files: [{ filename: "cacwt-learners-creation-template.csv", content: templateCsv("creation") }, archival],
      };
    },
  };
}

function namesChecked(row: Pick<LearnerRow, "firstName" | "lastName">): string {
  return createHash("sha256").update(nameKey(row.firstName, row.lastName)).digest("hex").slice(0, 32);
}

/** "2 learners named Ana Garcia already exist in CACWT under other emails: a@x (Active), …". */
export function namesakesSentence(
  row: Pick<LearnerRow, "firstName" | "lastName">,
  same: NamesakeCheck,
  lms: string,
): string {
  const name = nameOf(row);
  const listed = same.learners.map((l) => `${l.email} (${l.status})`).join(", ");
  const more = same.total > same.learners.length ? ` and ${same.total - same.learners.length} more` : "";
  const already =
    same.total === 1 ? `1 learner named ${name} already exists` : `${same.total} learners named ${name} already exist`;
  return `${already} in ${lms} under other emails: ${listed}${more}. Check the new learner is not one of them; if they are, update that account instead.`;
}

export function nameOf(learner: Pick<CacwtLearner, "firstName" | "lastName">): string {
  return `${learner.firstName} ${learner.lastName}`.trim();
}
