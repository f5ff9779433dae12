import {
  checkFix,
  requiredFixFields,
  vendorErrorsToForm,
  type FixPatch,
  type FixValues,
} from "../../domain/caregivers/fix-form";
import type { FixableField } from "../../domain/caregivers/readiness";
import { ValidationError } from "../../providers/http/errors";
import type { Actor } from "../actor";
import { fail, type Problem, type Result } from "../result";
import type { CaregiverCard } from "./card";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import type { OneCaregiver } from "./one";

/**
 * "Fix and sync": staff fill in what TeleTrack is missing from Slack. The values are checked
 * here first (the form shows each problem under its field), written to TeleTrack (whose own
 * refusals also land on the form's fields), then the caregiver is synced.
 */
export function createFix(deps: CaregiverDeps, one: OneCaregiver, guard: Guard) {
  const today = () => deps.now().toISOString().slice(0, 10);

  return {
    /** Checks what was typed; problems name the form field they belong to. Pure and quick: runs before the ack. */
    check(asked: readonly FixableField[], values: FixValues): Result<{ patch: FixPatch }> {
      const checked = checkFix(asked, requiredFixFields(asked), values, today());
      if (checked.ok) return { ok: true, patch: checked.patch };
      return { ok: false, problems: Object.entries(checked.errors).map(([field, message]) => ({ field, message })) };
    },

    /** Before the form opens: may this person fix this caregiver? (Checked again on submit.) */
    mayFix(actor: Actor, caregiverId: string, madeFor?: string): Promise<Result<object>> {
      return guard(actor, "caregiver.fix", { type: "caregiver", id: caregiverId }, madeFor).then(
        (refused) => refused ?? { ok: true },
      );
    },

    async fixAndSync(
      actor: Actor,
      caregiverId: string,
      asked: readonly FixableField[],
      patch: FixPatch,
      madeFor?: string,
    ): Promise<Result<{ card: CaregiverCard }>> {
      const target = { type: "caregiver", id: caregiverId };
      const refused =
        (await guard(actor, "caregiver.fix", target, madeFor)) ?? (await guard(actor, "caregiver.sync", target));
      if (refused) return refused;
      const fields = Object.keys(patch);
      try {
        await deps.source.update(caregiverId, patch);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        await deps.audit.record(actor, {
          action: "caregiver.fix",
          targetType: "caregiver",
          targetId: caregiverId,
          outcome: "failed",
          details: { fields },
        });
        const mapped = vendorErrorsToForm(error.fields, asked);
        const problems: Problem[] = [
          ...Object.entries(mapped.errors).map(([field, message]) => ({ field, message })),
          ...mapped.other.map((message) => ({ message })),
        ];
        return problems.length > 0 ? { ok: false, problems } : fail(error.message);
      }
      await deps.audit.record(actor, {
        action: "caregiver.fix",
        targetType: "caregiver",
        targetId: caregiverId,
        outcome: "ok",
        details: { fields },
      });
      return one.openById(actor, caregiverId, "sync");
    },
  };
}
