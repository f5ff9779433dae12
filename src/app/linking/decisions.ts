import { randomUUID } from "node:crypto";
import { pairKey, type Suggestion } from "../../domain/matching";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { LINK_KINDS, type LinkKind, type Side, type WaitingSuggestions } from "./types";

export type SuggestionStatus = "open" | "linked" | "rejected" | "stale";

// PostgreSQL takes at most 65,535 bind parameters per statement.
const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The audit line every admin's review of a kind writes (target id: the kind). */
export const REVIEW_AUDIT = { action: "link.review", targetType: "link-kind" } as const;

/**
 * What carebridge remembers about linking, in LinkSuggestion (a pair's status: open, linked,
 * rejected = "Not a match", stale = overtaken by a change) and LinkIgnore (records left out).
 */
export function createDecisions(
  prisma: Pick<PrismaClient, "linkSuggestion" | "linkIgnore" | "auditEvent" | "$executeRaw">,
  now: () => Date,
) {
  async function setStatus(ids: string[], status: SuggestionStatus): Promise<void> {
    for (const part of chunks(ids))
      await prisma.linkSuggestion.updateMany({ where: { id: { in: part } }, data: { status } });
  }

  // A first run at 100,000 a side suggests some 160,000 pairs. Prisma's createMany took about
  // 0.25 ms a row (40–50 s for them, on PostgreSQL and PGlite alike), one statement over arrays
  // a tenth of that; reasons travel as JSON, as a column of arrays of any length cannot.
  async function insertSuggestions(workspaceId: string, kind: LinkKind, fresh: readonly Suggestion[]) {
    for (const part of chunks(fresh)) {
      await prisma.$executeRaw`
        INSERT INTO "LinkSuggestion" ("id", "workspaceId", "kind", "motivityId", "calmanacId", "score", "reasons")
        SELECT u.id, ${workspaceId}, ${kind}, u.motivity, u.calmanac, u.score,
               ARRAY(SELECT jsonb_array_elements_text(u.reasons::jsonb))
        FROM unnest(
          ${part.map(() => randomUUID())}::text[],
          ${part.map((s) => s.leftId)}::text[],
          ${part.map((s) => s.rightId)}::text[],
          ${part.map((s) => s.score)}::float8[],
          ${part.map((s) => JSON.stringify(s.reasons))}::text[]
        ) AS u(id, motivity, calmanac, score, reasons)
        ON CONFLICT DO NOTHING`;
    }
  }

  /** New scores and reasons for kept pairs, after a change of the rules or of a record. */
  async function rescore(rows: ReadonlyArray<{ id: string; suggestion: Suggestion }>) {
    for (const part of chunks(rows)) {
      await prisma.$executeRaw`
        UPDATE "LinkSuggestion" AS s
        SET "score" = u.score, "reasons" = ARRAY(SELECT jsonb_array_elements_text(u.reasons::jsonb))
        FROM unnest(
          ${part.map((r) => r.id)}::text[],
          ${part.map((r) => r.suggestion.score)}::float8[],
          ${part.map((r) => JSON.stringify(r.suggestion.reasons))}::text[]
        ) AS u(id, score, reasons)
        WHERE s."id" = u.id`;
    }
  }

  return {
    /**
     * Makes the open suggestions those of this run: new pairs are created, pairs no longer
     * suggested go stale (or linked, when that pair is linked now), and stale or linked ones
     * suggested again reopen (a link can be removed in Motivity itself, behind carebridge's back).
     */
    async syncSuggestions(
      workspaceId: string,
      kind: LinkKind,
      current: readonly Suggestion[],
      isLinkedPair: (motivityId: string, calmanacId: string) => boolean,
    ): Promise<void> {
      const existing = await prisma.linkSuggestion.findMany({
        where: { workspaceId, kind, status: { in: ["open", "stale", "linked"] } },
        select: { id: true, motivityId: true, calmanacId: true, status: true, score: true },
      });
      const byKey = new Map(current.map((s) => [pairKey(s.leftId, s.rightId), s]));
      const known = new Set<string>();
      const reopen: string[] = [];
      const stale: string[] = [];
      const linked: string[] = [];
      const rescored: Array<{ id: string; suggestion: Suggestion }> = [];
      for (const row of existing) {
        const key = pairKey(row.motivityId, row.calmanacId);
        known.add(key);
        const suggestion = byKey.get(key);
        if (suggestion) {
          if (row.status !== "open") reopen.push(row.id);
          if (row.score !== suggestion.score) rescored.push({ id: row.id, suggestion });
        } else if (isLinkedPair(row.motivityId, row.calmanacId)) {
          if (row.status !== "linked") linked.push(row.id);
        } else if (row.status === "open") stale.push(row.id);
      }
      await rescore(rescored);
      await insertSuggestions(
        workspaceId,
        kind,
        current.filter((s) => !known.has(pairKey(s.leftId, s.rightId))),
      );
      await setStatus(reopen, "open");
      await setStatus(stale, "stale");
      await setStatus(linked, "linked");
    },

    /**
     * Records an admin's decision on one pair (linked, rejected) or that it went stale. `at`
     * lets several pairs decided by one press share the time that names the decision.
     */
    async decidePair(
      actor: Actor,
      kind: LinkKind,
      pair: { motivityId: string; calmanacId: string },
      status: Exclude<SuggestionStatus, "open">,
      at: Date = now(),
    ): Promise<void> {
      const decided = status === "stale" ? {} : { decidedBy: actor.userId, decidedAt: at };
      await prisma.linkSuggestion.upsert({
        where: { workspaceId_kind_motivityId_calmanacId: { workspaceId: actor.workspaceId, kind, ...pair } },
        create: { workspaceId: actor.workspaceId, kind, ...pair, score: 0, reasons: [], status, ...decided },
        update: { status, ...decided },
      });
    },

    /**
     * Undoes a "Not a match": forgets the pairs rejected at `decidedAt` that still are (not ones
     * rejected again, or linked, since). A forgotten pair is stale until a run suggests it again.
     * Returns the pairs forgotten.
     */
    async forgetRejections(
      workspaceId: string,
      kind: LinkKind,
      pairs: ReadonlyArray<{ motivityId: string; calmanacId: string }>,
      decidedAt: Date,
    ): Promise<Array<{ motivityId: string; calmanacId: string }>> {
      const forgotten: Array<{ motivityId: string; calmanacId: string }> = [];
      for (const pair of pairs) {
        const { motivityId, calmanacId } = pair;
        const { count } = await prisma.linkSuggestion.updateMany({
          where: { workspaceId, kind, motivityId, calmanacId, status: "rejected", decidedAt },
          data: { status: "stale", decidedBy: null, decidedAt: null },
        });
        if (count > 0) forgotten.push(pair);
      }
      return forgotten;
    },

    /**
     * The pairs one run linked automatically, as its audit lines say (each names the run by its
     * time, `batch`), whether they are linked still or not.
     */
    async batch(
      workspaceId: string,
      kind: LinkKind,
      at: string,
    ): Promise<Array<{ motivityId: string; calmanacId: string }>> {
      const lines = await prisma.auditEvent.findMany({
        where: { workspaceId, action: "link.link", outcome: "ok", details: { path: ["batch"], equals: at } },
        select: { targetId: true, details: true },
        orderBy: { targetId: "asc" },
      });
      return lines.flatMap(({ targetId, details }) => {
        const d = (details ?? {}) as { kind?: unknown; calmanacId?: unknown };
        return d.kind === kind && typeof d.calmanacId === "string"
          ? [{ motivityId: targetId, calmanacId: d.calmanacId }]
          : [];
      });
    },

    /** Open suggestions that involve any of these records go stale: one of their records changed. */
    async staleInvolving(workspaceId: string, kind: LinkKind, records: { motivity?: string[]; calmanac?: string[] }) {
      await prisma.linkSuggestion.updateMany({
        where: {
          workspaceId,
          kind,
          status: "open",
          OR: [{ motivityId: { in: records.motivity ?? [] } }, { calmanacId: { in: records.calmanac ?? [] } }],
        },
        data: { status: "stale" },
      });
    },

    /** True when the record was not ignored before. */
    async ignore(actor: Actor, kind: LinkKind, side: Side, recordId: string): Promise<boolean> {
      const { count } = await prisma.linkIgnore.createMany({
        data: [{ workspaceId: actor.workspaceId, kind, side, recordId, ignoredBy: actor.userId }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    /** True when the record was ignored before. */
    async unignore(actor: Actor, kind: LinkKind, side: Side, recordId: string): Promise<boolean> {
      const { count } = await prisma.linkIgnore.deleteMany({
        where: { workspaceId: actor.workspaceId, kind, side, recordId },
      });
      return count > 0;
    },

    /**
     * Open suggestions per kind, as the last run left them, and which kinds an admin has
     * reviewed: a review audit line, or (from before reviews were audited) a remembered pair.
     */
    async waiting(workspaceId: string): Promise<WaitingSuggestions> {
      const [groups, reviewed] = await Promise.all([
        prisma.linkSuggestion.groupBy({ by: ["kind", "status"], where: { workspaceId }, _count: { _all: true } }),
        Promise.all(
          LINK_KINDS.map((kind) =>
            prisma.auditEvent.findFirst({
              where: { workspaceId, ...REVIEW_AUDIT, targetId: kind, outcome: "ok" },
              select: { id: true },
            }),
          ),
        ),
      ]);
      const open: Record<LinkKind, number> = { members: 0, learners: 0 };
      const checked: Record<LinkKind, boolean> = { members: false, learners: false };
      LINK_KINDS.forEach((kind, i) => (checked[kind] = reviewed[i] !== null));
      for (const g of groups) {
        if (g.kind !== "members" && g.kind !== "learners") continue;
        checked[g.kind] = true;
        if (g.status === "open") open[g.kind] = g._count._all;
      }
      return { open, checked };
    },
  };
}

export type Decisions = ReturnType<typeof createDecisions>;
