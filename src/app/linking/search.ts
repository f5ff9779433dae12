import { foldAccents } from "../../domain/fold-accents";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { targetType, type LinkingContext } from "./context";
import { fullName, holderOf, loadSnapshot, personRef, type SideRecord, type Snapshot } from "./snapshot";
import type { LinkKind, PersonRef, Side } from "./types";

/** Slack shows at most 100 options in a select. */
export const MAX_FOUND = 100;

const words = (text: string) =>
  foldAccents(text)
    .split(/[^\p{L}\p{N}@._-]+/u)
    .filter((w) => w !== "");

/** Every word of the query starts a word of the name, or is part of the email. */
function matches(record: SideRecord, query: string[]): boolean {
  const name = words(fullName(record));
  const email = record.email ? foldAccents(record.email) : "";
  return query.every((q) => name.some((n) => n.startsWith(q)) || email.includes(q));
}

function isFree(snapshot: Snapshot, side: Side, record: SideRecord): boolean {
  if (side === "motivity") return !record.linkedTo && !record.serviceAccount;
  return holderOf(snapshot, record.id) === undefined;
}

/**
 * "Link to someone else": the records on the other side nobody has linked yet (ignored ones
 * too: a link brings them back) whose name or email fits what the admin typed, by name.
 */
export function createSearch(ctx: LinkingContext) {
  const { deps } = ctx;
  return {
    async searchOther(
      actor: Actor,
      request: { kind: LinkKind; side: Side; recordId: string; query: string },
    ): Promise<Result<{ found: PersonRef[] }>> {
      const { kind, side, recordId } = request;
      const allowed = await deps.access.check(actor, "link.manage", { type: targetType(kind, side), id: recordId });
      if (!allowed.allowed) return fail(allowed.reason);
      const query = words(request.query);
      if (query.length === 0) return { ok: true, found: [] };
      const snapshot = await loadSnapshot(deps, actor.workspaceId, kind);
      const other: Side = side === "motivity" ? "calmanac" : "motivity";
      const found = [...snapshot[other].values()]
        .filter((r) => isFree(snapshot, other, r) && matches(r, query))
        .sort((a, b) => fullName(a).localeCompare(fullName(b), "en", { sensitivity: "base" }))
        .slice(0, MAX_FOUND)
        .map(personRef);
      return { ok: true, found };
    },
  };
}
