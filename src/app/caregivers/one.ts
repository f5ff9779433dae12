import { holdStands } from "../../domain/caregivers/hold";
import { exactMatch, MAX_PICKS } from "../../domain/caregivers/query";
import type { FixableField } from "../../domain/caregivers/readiness";
import { NotFoundError } from "../../providers/http/errors";
import type { Caregiver } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { buildCard, type CaregiverCard } from "./card";
import type { CaregiverDeps } from "./deps";
import type { Guard } from "./guard";
import { lmsName } from "../lms-name";
import { locateOrSameEmail } from "./lms-account";
import type { Links } from "./links";
import { createMaySignIn } from "./sso";
import type { Syncer } from "./sync";

/** `/caregiver` shows the card; `/sync-caregiver` syncs first. */
export type Purpose = "view" | "sync";

export interface CaregiverChoice {
  id: string;
  firstName: string;
  lastName: string;
  state: string;
  status: Caregiver["status"];
}

export type Lookup =
  { kind: "card"; card: CaregiverCard } | { kind: "pick"; purpose: Purpose; choices: CaregiverChoice[]; more: boolean };

const ACTION = { view: "caregiver.view", sync: "caregiver.sync" } as const;

export function createOneCaregiver(deps: CaregiverDeps, links: Links, sync: Syncer, guard: Guard) {
  const { source, lms } = deps;
  const maySignIn = createMaySignIn(deps);

  /** The card as things stand, without changing anything. */
  async function currentCard(actor: Actor, caregiver: Caregiver, fixAlso?: FixableField[]): Promise<CaregiverCard> {
    const link = await links.find(actor.workspaceId, caregiver.id);
    const found = await locateOrSameEmail(lms, caregiver, link?.lmsUserId);
    const user = found?.user ?? null;
    const held =
      link !== undefined &&
      link.lmsUserId === user?.id &&
      user.status === "deactivated" &&
      holdStands(link.data.heldDeactivated, link.teletrackStatus, caregiver.status);
    return buildCard({
      caregiver,
      user,
      linked: found !== null && found.via !== "email",
      held,
      ...(fixAlso ? { fixAlso } : {}),
      birthDateRequiredStates: deps.birthDateRequiredStates,
      lmsName: lmsName(deps),
      signIn: await maySignIn(actor),
    });
  }

  async function act(actor: Actor, caregiver: Caregiver, purpose: Purpose): Promise<CaregiverCard> {
    if (purpose === "view") return currentCard(actor, caregiver);
    const result = await sync(actor, caregiver);
    if (result.ok) {
      return buildCard({
        caregiver,
        user: result.synced.user,
        linked: true,
        synced: { outcome: result.synced.outcome, changed: result.synced.changed },
        warnings: result.synced.warnings,
        held: result.synced.held,
        birthDateRequiredStates: deps.birthDateRequiredStates,
        lmsName: lmsName(deps),
        signIn: await maySignIn(actor),
      });
    }
    // A refusal about a value staff can correct (an email the LMS has on another account) offers
    // Fix and sync, so the card's buttons do not only repeat the sync that was refused.
    const fixAlso = result.problems.flatMap((p): FixableField[] =>
      p.field === "email" || p.field === "birthDate" || p.field === "mobilePhone" ? [p.field] : [],
    );
    const card = await currentCard(actor, caregiver, fixAlso);
    return { ...card, problems: [...new Set([...card.problems, ...result.problems.map((p) => p.message)])] };
  }

  async function fetchCaregiver(id: string): Promise<Caregiver | undefined> {
    try {
      return await source.get(id);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  return {
    /** `/caregiver <query>` and `/sync-caregiver <query>`: one match → its card; several → a pick list. */
    async open(actor: Actor, query: string, purpose: Purpose): Promise<Result<Lookup>> {
      // The query may be an email: it is never written to the audit as the target.
      const refused = await guard(actor, ACTION[purpose], { type: "caregiver", id: "search" });
      if (refused) return refused;
      const text = query.trim();
      if (text === "") return fail("Say which caregiver: a name, an email or a TeleTrack id.", "query");
      const matches: Caregiver[] = [];
      for await (const caregiver of source.search(text)) {
        matches.push(caregiver);
        if (matches.length > MAX_PICKS) break;
      }
      if (matches.length === 0) {
        return fail(
          `No caregiver in Spectrum TeleTrack matches "${text}"; check the spelling, or use their email or TeleTrack id.`,
          "query",
        );
      }
      const chosen = matches.length === 1 ? matches[0] : exactMatch(text, matches);
      if (chosen) return { ok: true, kind: "card", card: await act(actor, chosen, purpose) };
      const choices = matches
        .slice(0, MAX_PICKS)
        .map(({ id, firstName, lastName, state, status }) => ({ id, firstName, lastName, state, status }));
      return { ok: true, kind: "pick", purpose, choices, more: matches.length > MAX_PICKS };
    },

    /** A pick-list button or a card's Sync button: the caregiver by TeleTrack id. */
    async openById(
      actor: Actor,
      caregiverId: string,
      purpose: Purpose,
      madeFor?: string,
    ): Promise<Result<{ card: CaregiverCard }>> {
      const refused = await guard(actor, ACTION[purpose], { type: "caregiver", id: caregiverId }, madeFor);
      if (refused) return refused;
      const caregiver = await fetchCaregiver(caregiverId);
      if (!caregiver) return fail(`Spectrum TeleTrack no longer has a caregiver with id ${caregiverId}.`);
      return { ok: true, card: await act(actor, caregiver, purpose) };
    },

    currentCard,
    fetchCaregiver,
  };
}

export type OneCaregiver = ReturnType<typeof createOneCaregiver>;
