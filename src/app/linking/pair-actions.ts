import { pairKey } from "../../domain/matching";
import { ConflictError, NotFoundError } from "../../providers/http/errors";
import type { Actor } from "../actor";
import { act, done, stale, unchanged, type ActionResult } from "./act";
import { isChangedMeanwhile, putLink, targetType, type LinkingContext } from "./context";
import { fullName, holderOf, nameIn, rejection, type SideRecord, type Snapshot } from "./snapshot";
import type { ActionOutcome, LinkKind } from "./types";

export interface PairRequest {
  kind: LinkKind;
  motivityId: string;
  calmanacId: string;
}

/** Why a vendor refused a link: one of the records changed; the snapshot is corrected to match. */
function linkRefused(snapshot: Snapshot, error: unknown, motivityId: string, calmanacId: string): ActionOutcome {
  const calmanacName = nameIn(snapshot, "calmanac", calmanacId);
  if (error instanceof ConflictError) {
    const holder = error.existingId ? snapshot.motivity.get(error.existingId) : undefined;
    if (holder) holder.linkedTo = calmanacId;
    return stale(
      `${calmanacName} was linked to ${holder ? fullName(holder) : "another Motivity profile"} by someone else meanwhile.`,
    );
  }
  if (error instanceof NotFoundError) {
    const name = nameIn(snapshot, "motivity", motivityId);
    snapshot.motivity.delete(motivityId);
    return stale(`${name} is no longer in Motivity.`);
  }
  snapshot.calmanac.delete(calmanacId);
  return stale(`${calmanacName} is no longer in Calmanac.`);
}

export function createPairActions(ctx: LinkingContext) {
  const { deps, decisions } = ctx;

  /**
   * Unlinks the pair and remembers it as "Not a match", or the exact rules would link it straight
   * back on the next run. False when the Motivity record is gone (it leaves the snapshot too).
   */
  async function unlinkRemembered(
    actor: Actor,
    snapshot: Snapshot,
    kind: LinkKind,
    motivity: SideRecord,
    calmanacId: string,
    how?: string,
  ): Promise<boolean> {
    const motivityId = motivity.id;
    try {
      if (kind === "members") await deps.pair.unlinkMember(motivityId);
      else await deps.pair.unlinkLearner(motivityId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      snapshot.motivity.delete(motivityId);
      return false;
    }
    motivity.linkedTo = null;
    const decidedAt = deps.now();
    snapshot.rejected.set(...rejection(motivityId, calmanacId, decidedAt));
    await decisions.decidePair(actor, kind, { motivityId, calmanacId }, "rejected", decidedAt);
    await deps.audit.record(actor, {
      action: "link.unlink",
      targetType: targetType(kind, "motivity"),
      targetId: motivityId,
      outcome: "ok",
      details: { kind, calmanacId, ...(how ? { how } : {}) },
    });
    return true;
  }

  return {
    /** Links a Motivity record to a Calmanac record; pressing twice links once. */
    link(actor: Actor, request: PairRequest): Promise<ActionResult> {
      const { kind, motivityId, calmanacId } = request;
      return act(ctx, actor, { kind, side: "motivity", id: motivityId }, async (snapshot) => {
        const motivity = snapshot.motivity.get(motivityId);
        const calmanac = snapshot.calmanac.get(calmanacId);
        const markStale = async (outcome: ActionOutcome) => {
          await decisions.decidePair(actor, kind, { motivityId, calmanacId }, "stale");
          return outcome;
        };
        if (!motivity) return markStale(stale("That Motivity profile is no longer in Motivity."));
        if (!calmanac) return markStale(stale(`${fullName(motivity)}'s match is no longer in Calmanac.`));
        if (motivity.serviceAccount) {
          return unchanged(`${fullName(motivity)} is Motivity's service account; carebridge never links it.`);
        }
        if (motivity.linkedTo === calmanacId) {
          await decisions.decidePair(actor, kind, { motivityId, calmanacId }, "linked");
          return unchanged(`${fullName(motivity)} is already linked to ${fullName(calmanac)}.`);
        }
        if (motivity.linkedTo) {
          const other = nameIn(snapshot, "calmanac", motivity.linkedTo);
          return markStale(stale(`${fullName(motivity)} was linked to ${other} by someone else meanwhile.`));
        }
        const holder = holderOf(snapshot, calmanacId);
        if (holder) {
          return markStale(stale(`${fullName(calmanac)} was linked to ${fullName(holder)} by someone else meanwhile.`));
        }
        try {
          await putLink(deps.pair, kind, motivityId, calmanacId);
        } catch (error) {
          if (!isChangedMeanwhile(error)) throw error;
          return markStale(linkRefused(snapshot, error, motivityId, calmanacId));
        }
        motivity.linkedTo = calmanacId;
        // An explicit link overrides an earlier "Not a match" or "Ignore" on these records.
        snapshot.rejected.delete(pairKey(motivityId, calmanacId));
        snapshot.ignored.motivity.delete(motivityId);
        snapshot.ignored.calmanac.delete(calmanacId);
        await decisions.unignore(actor, kind, "motivity", motivityId);
        await decisions.unignore(actor, kind, "calmanac", calmanacId);
        await decisions.decidePair(actor, kind, { motivityId, calmanacId }, "linked");
        await decisions.staleInvolving(actor.workspaceId, kind, { motivity: [motivityId], calmanac: [calmanacId] });
        await deps.audit.record(actor, {
          action: "link.link",
          targetType: targetType(kind, "motivity"),
          targetId: motivityId,
          outcome: "ok",
          details: { kind, calmanacId, how: "by hand" },
        });
        return done(`Linked ${fullName(motivity)} in Motivity to ${fullName(calmanac)} in Calmanac.`);
      });
    },

    /**
     * Undo of the exact matches one run linked (named by its time): each pair still linked as
     * then is unlinked and remembered as "Not a match", or the next run would link it straight back.
     */
    undoAutoLinks(actor: Actor, request: { kind: LinkKind; at: string }): Promise<ActionResult> {
      const { kind } = request;
      return act(ctx, actor, { kind, side: "motivity", id: `auto-links:${request.at}` }, async (snapshot) => {
        const batch = await decisions.batch(actor.workspaceId, kind, request.at);
        const undone: string[] = [];
        for (const { motivityId, calmanacId } of batch) {
          const motivity = snapshot.motivity.get(motivityId);
          if (motivity?.linkedTo !== calmanacId) continue;
          if (!(await unlinkRemembered(actor, snapshot, kind, motivity, calmanacId, "undo of exact matches"))) continue;
          undone.push(fullName(motivity));
        }
        if (undone.length === 0) return unchanged("Nothing to undo: those links were undone or changed since.");
        const what = undone.length === 1 ? "1 exact match" : `${undone.length} exact matches`;
        const left = batch.length - undone.length;
        return done(
          `Undone: unlinked ${what} (${undone.join(", ")}); carebridge will not link them again unless you undo that under Not a match.` +
            (left > 0
              ? ` ${left} changed since and ${left === 1 ? "was" : "were"} left as ${left === 1 ? "it is" : "they are"}.`
              : ""),
        );
      });
    },

    /**
     * Removes a link. The pair is remembered as "Not a match", or the exact rules would link
     * it straight back on the next run; the answer offers to link it again (Link overrides that).
     */
    unlink(actor: Actor, request: PairRequest): Promise<ActionResult> {
      const { kind, motivityId, calmanacId } = request;
      return act(ctx, actor, { kind, side: "motivity", id: motivityId }, async (snapshot) => {
        const motivity = snapshot.motivity.get(motivityId);
        const calmanacName = nameIn(snapshot, "calmanac", calmanacId);
        if (!motivity) return stale("That Motivity profile is no longer in Motivity.");
        if (!motivity.linkedTo) return unchanged(`${fullName(motivity)} is not linked to anyone.`);
        if (motivity.linkedTo !== calmanacId) {
          const other = nameIn(snapshot, "calmanac", motivity.linkedTo);
          return stale(
            `${fullName(motivity)} is now linked to ${other}, not ${calmanacName}, so nothing was unlinked.`,
          );
        }
        if (!(await unlinkRemembered(actor, snapshot, kind, motivity, calmanacId))) {
          return stale(`${fullName(motivity)} is no longer in Motivity.`);
        }
        return {
          ...done(
            `Unlinked ${fullName(motivity)} from ${calmanacName}; carebridge will not suggest or link this pair again.`,
          ),
          undo: { type: "relink", motivityId, calmanacId },
        };
      });
    },
  };
}
