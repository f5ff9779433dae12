import { pairKey } from "../../domain/matching";
import { VENDOR_LABELS } from "../../providers/labels";
import type { Actor } from "../actor";
import { act, done, stale, unchanged, type ActionResult } from "./act";
import { targetType, type LinkingContext } from "./context";
import { fullName, holderOf, nameIn, rejection, type SideRecord, type Snapshot } from "./snapshot";
import type { ActionOutcome, LinkKind, Side } from "./types";

export interface RecordRequest {
  kind: LinkKind;
  side: Side;
  recordId: string;
}

/** The record, or why a button about it is out of date: gone, or linked since the list was shown. */
function currentUnlinked(snapshot: Snapshot, side: Side, id: string): SideRecord | ActionOutcome {
  const record = snapshot[side].get(id);
  if (!record) return stale(`That ${VENDOR_LABELS[side]} record is no longer in ${VENDOR_LABELS[side]}.`);
  const partner =
    side === "motivity"
      ? record.linkedTo
        ? snapshot.calmanac.get(record.linkedTo)
        : undefined
      : holderOf(snapshot, id);
  const linkedTo = side === "motivity" ? record.linkedTo : partner?.id;
  if (linkedTo) {
    const partnerName = partner ? fullName(partner) : nameIn(snapshot, "calmanac", linkedTo);
    return stale(`${fullName(record)} was linked to ${partnerName} by someone else meanwhile.`);
  }
  return record;
}

const isOutcome = (value: SideRecord | ActionOutcome): value is ActionOutcome => "status" in value;

const otherSide = (side: Side): Side => (side === "motivity" ? "calmanac" : "motivity");

/** The (Motivity, Calmanac) pairs of a record and records on the other side. */
function pairsOf(side: Side, recordId: string, others: readonly string[]) {
  return others.map((other) =>
    side === "motivity" ? { motivityId: recordId, calmanacId: other } : { motivityId: other, calmanacId: recordId },
  );
}

const otherOf = (side: Side, pair: { motivityId: string; calmanacId: string }) =>
  side === "motivity" ? pair.calmanacId : pair.motivityId;

/** "Robert Smith or Bob Smyth": the records on the other side, for a sentence. */
const namesOn = (snapshot: Snapshot, side: Side, others: readonly string[]) =>
  others.map((other) => nameIn(snapshot, otherSide(side), other)).join(" or ");

export function createRecordActions(ctx: LinkingContext) {
  const { deps, decisions } = ctx;
  /** Every record action is audited on its record, with the kind of link. */
  const audit = (actor: Actor, action: string, request: RecordRequest, details: Record<string, unknown> = {}) =>
    deps.audit.record(actor, {
      action,
      targetType: targetType(request.kind, request.side),
      targetId: request.recordId,
      outcome: "ok",
      details: { kind: request.kind, ...details },
    });

  return {
    /**
     * "Not a match": this record is none of `others` (ids on the other side); remembered. The
     * answer offers to undo exactly the rejections this press recorded.
     */
    reject(actor: Actor, request: RecordRequest & { others: string[] }): Promise<ActionResult> {
      const { kind, side, recordId, others } = request;
      return act(ctx, actor, { kind, side, id: recordId }, async (snapshot) => {
        const record = currentUnlinked(snapshot, side, recordId);
        if (isOutcome(record)) return record;
        const names = namesOn(snapshot, side, others);
        const fresh = pairsOf(side, recordId, others).filter(
          (p) => !snapshot.rejected.has(pairKey(p.motivityId, p.calmanacId)),
        );
        if (fresh.length === 0) return unchanged(`Already noted: ${fullName(record)} is not ${names}.`);
        const decidedAt = deps.now();
        for (const p of fresh) {
          await decisions.decidePair(actor, kind, p, "rejected", decidedAt);
          snapshot.rejected.set(...rejection(p.motivityId, p.calmanacId, decidedAt));
        }
        const rejected = fresh.map((p) => otherOf(side, p));
        await audit(actor, "link.reject", request, { notMatching: rejected });
        return {
          ...done(
            `Noted: ${fullName(record)} is not ${names}; carebridge will not suggest them again. Undo it here, or any time under Not a match.`,
          ),
          undo: {
            type: "unreject",
            side,
            recordId,
            recordName: fullName(record),
            others: rejected,
            decidedAt: decidedAt.toISOString(),
          },
        };
      });
    },

    /**
     * Undo of a "Not a match": forgets the rejections that press recorded (named by their time),
     * unless they were undone, or the pair linked, since.
     */
    unreject(actor: Actor, request: RecordRequest & { others: string[]; decidedAt: string }): Promise<ActionResult> {
      const { kind, side, recordId, others } = request;
      const decidedAt = new Date(request.decidedAt);
      return act(ctx, actor, { kind, side, id: recordId }, async (snapshot) => {
        if (Number.isNaN(decidedAt.getTime())) return { problems: [{ message: "That Undo button is out of date." }] };
        const name = nameIn(snapshot, side, recordId);
        const forgotten = await decisions.forgetRejections(
          actor.workspaceId,
          kind,
          pairsOf(side, recordId, others),
          decidedAt,
        );
        if (forgotten.length === 0) {
          return unchanged(`Nothing to undo: that "Not a match" on ${name} was undone or overtaken since.`);
        }
        for (const p of forgotten) snapshot.rejected.delete(pairKey(p.motivityId, p.calmanacId));
        const matchingAgain = forgotten.map((p) => otherOf(side, p));
        await audit(actor, "link.unreject", request, { matchingAgain });
        const now = currentUnlinked(snapshot, side, recordId);
        const after = isOutcome(now) ? now.message : "They may be suggested again.";
        return done(`Undone: ${name} may be ${namesOn(snapshot, side, matchingAgain)} after all. ${after}`);
      });
    },

    /** Leaves a record out of the lists and suggestions (e.g. a test profile); remembered. */
    ignore(actor: Actor, request: RecordRequest): Promise<ActionResult> {
      const { kind, side, recordId } = request;
      return act(ctx, actor, { kind, side, id: recordId }, async (snapshot) => {
        const record = currentUnlinked(snapshot, side, recordId);
        if (isOutcome(record)) return record;
        snapshot.ignored[side].add(recordId);
        if (!(await decisions.ignore(actor, kind, side, recordId))) {
          return unchanged(`${fullName(record)} is already ignored.`);
        }
        await decisions.staleInvolving(actor.workspaceId, kind, { [side]: [recordId] });
        await audit(actor, "link.ignore", request);
        return done(
          `Ignored ${fullName(record)} (${VENDOR_LABELS[side]}): carebridge will not list or suggest them. Undo it under Ignored.`,
        );
      });
    },

    /** Brings an ignored record back into the lists. */
    unignore(actor: Actor, request: RecordRequest): Promise<ActionResult> {
      const { kind, side, recordId } = request;
      return act(ctx, actor, { kind, side, id: recordId }, async (snapshot) => {
        const name = nameIn(snapshot, side, recordId);
        snapshot.ignored[side].delete(recordId);
        if (!(await decisions.unignore(actor, kind, side, recordId))) {
          return unchanged(`${name} is not ignored.`);
        }
        await audit(actor, "link.unignore", request);
        return done(`${name} (${VENDOR_LABELS[side]}) is back in the lists.`);
      });
    },
  };
}
