import { TARGET_STATUS, type ActivationChange } from "../../domain/caregivers/card-actions";
import type { Actor } from "../actor";
import type { AuditEntry } from "../audit";
import { fail, type Result } from "../result";
import { buildCard, type CaregiverCard } from "./card";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import { lmsName } from "../lms-name";
import { locateOrSameEmail } from "./lms-account";
import type { Links } from "./links";
import type { OneCaregiver } from "./one";
import { createMaySignIn } from "./sso";

const WORDS: Record<ActivationChange, { done: string; already: string }> = {
  deactivate: { done: "deactivated", already: "is already deactivated" },
  reactivate: { done: "reactivated", already: "is already active" },
};

/**
 * Deactivate / Reactivate from a card. Every press re-checks the presser, looks at the account
 * the card showed as it is now (a stale button answers with what is true, audited as a no-op),
 * and reads the status back after the change: an LMS that answered 200 but did not change is a
 * failure, not a success.
 */
export function createActivation(deps: CaregiverDeps, links: Links, one: OneCaregiver, guard: Guard) {
  const { lms, audit } = deps;
  const lmsLabel = lmsName(deps);
  const maySignIn = createMaySignIn(deps);

  return async function change(
    actor: Actor,
    caregiverId: string,
    change: ActivationChange,
    madeFor?: string,
  ): Promise<Result<{ card: CaregiverCard; message: string }>> {
    const refused = await guard(actor, "caregiver.activation", { type: "caregiver", id: caregiverId }, madeFor);
    if (refused) return refused;
    const caregiver = await one.fetchCaregiver(caregiverId);
    if (!caregiver) return fail(`Spectrum TeleTrack no longer has a caregiver with id ${caregiverId}.`);
    const name = `${caregiver.firstName} ${caregiver.lastName}`;
    const link = await links.find(actor.workspaceId, caregiverId);
    const found = await locateOrSameEmail(lms, caregiver, link?.lmsUserId);
    const audited = (outcome: AuditEntry["outcome"], details: Record<string, unknown>) =>
      audit.record(actor, {
        action: `caregiver.${change}`,
        targetType: "caregiver",
        targetId: caregiverId,
        outcome,
        details,
      });
    if (!found) {
      await audited("noop", { lmsUserId: null });
      return {
        ok: true,
        card: await one.currentCard(actor, caregiver),
        message: `${name} has no ${lmsLabel} account yet; sync them first.`,
      };
    }
    const target = TARGET_STATUS[change];
    if (found.user.status === target) {
      await audited("noop", { lmsUserId: found.user.id, statusAfter: found.user.status });
      return {
        ok: true,
        card: await one.currentCard(actor, caregiver),
        message: `${name} ${WORDS[change].already} in ${lmsLabel}.`,
      };
    }

    await (change === "deactivate" ? lms.deactivate(found.user.id) : lms.reactivate(found.user.id));
    const back = await lms.get(found.user.id);
    const took = back.status === target;
    await audited(took ? "ok" : "failed", { lmsUserId: back.id, statusAfter: back.status });
    const held = change === "deactivate" && took;
    if (link?.lmsUserId === back.id) {
      await links.setStatus(link, back.status, held, back.trainingDueDate, caregiver.status);
    } else {
      await links.save(
        actor.workspaceId,
        caregiver,
        back,
        {
          fingerprint: null,
          teletrackLinked: false,
          heldDeactivated: held,
          trainingDueDate: back.trainingDueDate,
        },
        link,
      );
    }
    if (!took) {
      return fail(
        `${lmsLabel} still shows ${name} as ${back.status} after the request to ${change}; nothing changed. Try again, or check the account in ${lmsLabel}.`,
      );
    }
    const card = buildCard({
      caregiver,
      user: back,
      linked: true,
      held: change === "deactivate",
      birthDateRequiredStates: deps.birthDateRequiredStates,
      lmsName: lmsLabel,
      signIn: await maySignIn(actor),
    });
    return { ok: true, card, message: `${name} is now ${WORDS[change].done} in ${lmsLabel}.` };
  };
}
