import { pairKey, type MatchRecord } from "../../domain/matching";
import type { PrismaClient } from "../../generated/prisma/client";
import type { LinkingPair } from "../../providers/roles";
import type { LinkKind, PersonRef, Side } from "./types";

/** A record of either side as the matching engine reads it, plus what a list shows next to the name. */
export interface SideRecord extends MatchRecord {
  detail: string | null;
}

/**
 * Both systems for one kind as read just now, with the decisions carebridge remembers
 * (ignored records, "Not a match" pairs). Motivity records carry their link in `linkedTo`.
 * Use-cases change it in memory as they link, so one read serves the action and the list after it.
 */
export interface Snapshot {
  kind: LinkKind;
  motivity: Map<string, SideRecord>;
  calmanac: Map<string, SideRecord>;
  ignored: Record<Side, Set<string>>;
  /** "Not a match" pairs by pairKey, with when that was decided (ISO time), which names the decision. */
  rejected: Map<string, Rejection>;
}

export interface Rejection {
  motivityId: string;
  calmanacId: string;
  decidedAt: string | null;
}

export const rejection = (motivityId: string, calmanacId: string, decidedAt: Date): [string, Rejection] => [
  pairKey(motivityId, calmanacId),
  { motivityId, calmanacId, decidedAt: decidedAt.toISOString() },
];

export type SnapshotDb = Pick<PrismaClient, "linkIgnore" | "linkSuggestion">;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function motivityRecords(pair: LinkingPair, kind: LinkKind): Promise<SideRecord[]> {
  if (kind === "members") {
    return (await collect(pair.listMembers())).map((m) => ({
      id: m.id,
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email,
      linkedTo: m.calmanacId,
      serviceAccount: m.serviceAccount,
      detail: m.email,
    }));
  }
  return (await collect(pair.listLearners())).map((l) => ({
    id: l.id,
    firstName: l.firstName,
    lastName: l.lastName,
    birthDate: l.birthDate,
    linkedTo: l.calmanacId,
    detail: l.alias,
  }));
}

async function calmanacRecords(pair: LinkingPair, kind: LinkKind): Promise<SideRecord[]> {
  if (kind === "members") {
    return (await collect(pair.listStaff())).map((s) => ({ ...s, detail: s.email }));
  }
  return (await collect(pair.listClients())).map((c) => ({ ...c, detail: null }));
}

const byId = (records: SideRecord[]) => new Map(records.map((r) => [r.id, r]));

export async function loadSnapshot(
  deps: { pair: LinkingPair; prisma: SnapshotDb },
  workspaceId: string,
  kind: LinkKind,
): Promise<Snapshot> {
  const [motivity, calmanac, ignoredRows, rejectedRows] = await Promise.all([
    motivityRecords(deps.pair, kind),
    calmanacRecords(deps.pair, kind),
    deps.prisma.linkIgnore.findMany({ where: { workspaceId, kind }, select: { side: true, recordId: true } }),
    deps.prisma.linkSuggestion.findMany({
      where: { workspaceId, kind, status: "rejected" },
      select: { motivityId: true, calmanacId: true, decidedAt: true },
    }),
  ]);
  const ignored: Record<Side, Set<string>> = { motivity: new Set(), calmanac: new Set() };
  for (const row of ignoredRows)
    if (row.side === "motivity" || row.side === "calmanac") ignored[row.side].add(row.recordId);
  return {
    kind,
    motivity: byId(motivity),
    calmanac: byId(calmanac),
    ignored,
    rejected: new Map(
      rejectedRows.map((r) => [
        pairKey(r.motivityId, r.calmanacId),
        { motivityId: r.motivityId, calmanacId: r.calmanacId, decidedAt: r.decidedAt?.toISOString() ?? null },
      ]),
    ),
  };
}

export function fullName(record: Pick<MatchRecord, "firstName" | "lastName">): string {
  return `${record.firstName} ${record.lastName}`.trim();
}

export function personRef(record: SideRecord): PersonRef {
  const born = record.birthDate === undefined ? {} : { birthDate: record.birthDate };
  return { id: record.id, name: fullName(record), detail: record.detail, ...born };
}

/** The Motivity record linked to this Calmanac record, if any. */
export function holderOf(snapshot: Snapshot, calmanacId: string): SideRecord | undefined {
  for (const record of snapshot.motivity.values()) if (record.linkedTo === calmanacId) return record;
  return undefined;
}

/** A record's name for a sentence, or a description when the record is gone. */
export function nameIn(snapshot: Snapshot, side: Side, id: string): string {
  const record = snapshot[side].get(id);
  return record ? fullName(record) : `a ${side === "motivity" ? "Motivity" : "Calmanac"} record that no longer exists`;
}
