import { fingerprint, lmsFieldsOf } from "../../domain/caregivers/fields";
import { holdStands } from "../../domain/caregivers/hold";
import { checkReadiness } from "../../domain/caregivers/readiness";
import type { SyncedField } from "../../domain/caregivers/types";
import type { CreateNote } from "../../jobs/types";
import type { Caregiver, LmsUser } from "../../providers/roles";
import type { Actor } from "../actor";
import type { Problem } from "../result";
import type { CaregiverDeps } from "./deps";
import { lmsName } from "../lms-name";
import { createOrAdopt, locate, updateChanged } from "./lms-account";
import type { Links } from "./links";

/** What a sync did, most notable first: created > linked > reactivated > updated > unchanged. */
export type SyncOutcome = "created" | "linked" | "reactivated" | "updated" | "unchanged";

export interface Synced {
  outcome: SyncOutcome;
  user: LmsUser;
  changed: SyncedField[];
  warnings: string[];
  /** Left deactivated: carebridge holds it so (HELD_DEACTIVATED). */
  held: boolean;
}

/** A sync that did not happen: a readiness rule stopped it, or the LMS refused it. */
export interface NotSynced {
  ok: false;
  problems: Problem[];
}

/** @param lms the configured LMS as people name it (VENDOR_LABELS) */
export const heldDeactivated = (lms: string): string =>
  `The ${lms} account was deactivated from carebridge, so syncs leave it deactivated (until the caregiver leaves Spectrum TeleTrack and comes back); press Reactivate when they should train again.`;

export const reactivationDidNotTake = (lms: string): string =>
  `${lms} still shows the account as deactivated after reactivating it; try again, or reactivate it in ${lms}.`;

/**
 * Syncs one caregiver TeleTrack → LMS. Safe to repeat at any point: a rerun after the process
 * died between creating the account and writing the link finds the account by TeleTrack id.
 * Access is the caller's business (the command, the button, or the job's confirmation).
 */
export function createSyncer(deps: CaregiverDeps, links: Links) {
  const { lms, source, audit } = deps;

  async function reactivate(actor: Actor, caregiverId: string, user: LmsUser): Promise<LmsUser | null> {
    await lms.reactivate(user.id);
    const back = await lms.get(user.id);
    const took = back.status === "active";
    await audit.record(actor, {
      action: "caregiver.reactivate",
      targetType: "caregiver",
      targetId: caregiverId,
      outcome: took ? "ok" : "failed",
      details: { lmsUserId: user.id, by: "sync" },
    });
    return took ? back : null;
  }

  return async function sync(
    actor: Actor,
    caregiver: Caregiver,
    createNote?: CreateNote,
  ): Promise<{ ok: true; synced: Synced } | NotSynced> {
    const readiness = checkReadiness(caregiver, {
      birthDateRequiredStates: deps.birthDateRequiredStates,
      lms: lmsName(deps),
    });
    if (readiness.blockers.length > 0 || caregiver.email === null) {
      const problems = readiness.blockers.map((b) => ({ field: b.field, message: b.message }));
      return { ok: false, problems };
    }
    const want = lmsFieldsOf({ ...caregiver, email: caregiver.email });
    const link = await links.find(actor.workspaceId, caregiver.id);
    const warnings = readiness.warnings.map((w) => w.message);

    const found = await locate(lms, caregiver.id, link?.lmsUserId);
    let user: LmsUser;
    let outcome: SyncOutcome = "unchanged";
    if (found) {
      user = found.user;
      const earlier = await createNote?.earlier();
      if (earlier === "create") outcome = "created";
      else if (earlier === "linked") outcome = "linked";
    } else {
      await createNote?.note("create");
      const made = await createOrAdopt(lms, want, lmsName(deps));
      if ("problems" in made) return refused(actor, caregiver.id, made.problems);
      if (made.outcome === "linked") await createNote?.note("linked");
      user = made.user;
      outcome = made.outcome;
    }
    const updated = await updateChanged(lms, user, want, lmsName(deps));
    if ("problems" in updated) return refused(actor, caregiver.id, updated.problems);
    user = updated.user;
    if (outcome === "unchanged" && updated.changed.length > 0) outcome = "updated";

    const held =
      link?.lmsUserId === user.id &&
      user.status === "deactivated" &&
      holdStands(link.data.heldDeactivated, link.teletrackStatus, caregiver.status);
    if (!held && user.status === "deactivated") {
      // A caregiver active in TeleTrack again whose account was deactivated elsewhere has come back.
      const back = await reactivate(actor, caregiver.id, user);
      if (!back) return refusedBy(actor, caregiver.id, [{ message: reactivationDidNotTake(lmsName(deps)) }]);
      user = back;
      if (outcome === "unchanged" || outcome === "updated") outcome = "reactivated";
    }

    const teletrackKnows = link?.lmsUserId === user.id && link.data.teletrackLinked;
    if (!teletrackKnows) await source.linkLmsUser(caregiver.id, user.id);
    await links.save(
      actor.workspaceId,
      caregiver,
      user,
      {
        fingerprint: fingerprint(want),
        teletrackLinked: true,
        heldDeactivated: held,
        trainingDueDate: user.trainingDueDate,
      },
      link,
    );
    // A refusal can only stand while the caregiver differs from what was last synced; in sync
    // already, there is none to clear (and a run of thousands spends no statement on it).
    if (link === undefined || link.data.fingerprint !== fingerprint(want)) {
      await deps.prisma.syncRefusal.deleteMany({
        where: { workspaceId: actor.workspaceId, vendor: deps.lmsVendor, caregiverId: caregiver.id },
      });
    }
    if (outcome !== "unchanged") {
      await audit.record(actor, {
        action: "caregiver.sync",
        targetType: "caregiver",
        targetId: caregiver.id,
        outcome: "ok",
        details: { result: outcome, changed: updated.changed, lmsUserId: user.id },
      });
    }
    return { ok: true, synced: { outcome, user, changed: updated.changed, warnings, held } };
  };

  async function refused(actor: Actor, caregiverId: string, problems: Problem[]): Promise<NotSynced> {
    await audit.record(actor, {
      action: "caregiver.sync",
      targetType: "caregiver",
      targetId: caregiverId,
      outcome: "failed",
      details: { fields: problems.flatMap((p) => (p.field ? [p.field] : [])) },
    });
    return refusedBy(actor, caregiverId, problems);
  }

  /**
   * Records what the LMS said, for `/caregiver list cannot-sync`, whichever sync it refused (a
   * card's, a command's, a run's), at carebridge's time, the clock a link's lastSyncAt is on.
   */
  async function refusedBy(actor: Actor, caregiverId: string, problems: Problem[]): Promise<NotSynced> {
    const key = { workspaceId: actor.workspaceId, vendor: deps.lmsVendor, caregiverId };
    const said = { message: problems.map((p) => p.message).join(" "), at: deps.now() };
    await deps.prisma.syncRefusal.upsert({
      where: { workspaceId_vendor_caregiverId: key },
      create: { ...key, ...said },
      update: said,
    });
    return { ok: false, problems };
  }
}

export type Syncer = ReturnType<typeof createSyncer>;
