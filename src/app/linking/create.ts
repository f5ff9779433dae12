import { Prisma } from "../../generated/prisma/client";
import { ConflictError, UnavailableError, ValidationError } from "../../providers/http/errors";
import type { Learner, Member } from "../../providers/roles";
import type { Actor } from "../actor";
import { fail, type Result } from "../result";
import { act, done, stale, unchanged, type ActionResult } from "./act";
import { targetType, type LinkingContext } from "./context";
import { proposeAlias, validateAlias, validateNewMember } from "./new-profile";
import { fullName, holderOf, loadSnapshot, nameIn, type SideRecord, type Snapshot } from "./snapshot";
import type { ActionOutcome, CreateForm, LinkKind } from "./types";

export type CreatePreparation = Result<{ ready: true; form: CreateForm } | { ready: false; outcome: ActionOutcome }>;

/** Why the Calmanac record can no longer get a new Motivity profile, if it can't. */
function notCreatable(snapshot: Snapshot, calmanacId: string): ActionOutcome | undefined {
  const calmanac = snapshot.calmanac.get(calmanacId);
  if (!calmanac) return stale("That Calmanac record is no longer in Calmanac.");
  const holder = holderOf(snapshot, calmanacId);
  if (holder)
    return stale(`${fullName(calmanac)} is already linked to ${fullName(holder)} in Motivity; nothing was created.`);
  return undefined;
}

function addToSnapshot(snapshot: Snapshot, created: Member | Learner): void {
  const record: SideRecord =
    "email" in created
      ? { ...created, linkedTo: created.calmanacId, detail: created.email }
      : { ...created, linkedTo: created.calmanacId, detail: created.alias };
  snapshot.motivity.set(created.id, record);
}

/**
 * The email belongs to a Motivity member already: offer to link that member instead of
 * creating a second one (when the member is free to link).
 */
function linkInstead(snapshot: Snapshot, calmanacId: string, existingId: string | undefined): ActionOutcome {
  const calmanacName = nameIn(snapshot, "calmanac", calmanacId);
  const existing = existingId ? snapshot.motivity.get(existingId) : undefined;
  if (existing?.linkedTo) {
    return stale(
      `${calmanacName}'s email belongs to ${fullName(existing)} in Motivity, who is linked to another Calmanac record.`,
    );
  }
  if (!existingId) return stale(`${calmanacName}'s email belongs to a member already in Motivity.`);
  const name = existing ? fullName(existing) : "the member with that email";
  return {
    ...unchanged(`${calmanacName} is already in Motivity as ${name} — link instead?`),
    linkInstead: { motivityId: existingId, calmanacId, name },
  };
}

export function createProfileActions(ctx: LinkingContext) {
  const { deps, decisions } = ctx;

  /** Claims a form submission once (a retried or double submit does not create twice). */
  async function claim(key: string | undefined): Promise<boolean> {
    if (key === undefined) return true;
    try {
      await deps.prisma.processedEvent.create({ data: { eventId: key } });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
      throw error;
    }
  }

  /**
   * Sends a create; when its answer was lost after the vendor may have applied it (it is never
   * resent), the profile now linked to the Calmanac record is the one it made. Still unknown
   * (Motivity does not answer the look-up either): the error, and the next attempt finds the link.
   */
  async function createOrFind<T extends Member | Learner>(
    kind: LinkKind,
    calmanacId: string,
    create: () => Promise<T>,
  ): Promise<T> {
    try {
      return await create();
    } catch (error) {
      if (!(error instanceof UnavailableError && error.mayHaveApplied)) throw error;
      const made = await linkedTo(kind, calmanacId).catch(() => undefined);
      if (made) return made as T;
      throw error;
    }
  }

  async function linkedTo(kind: LinkKind, calmanacId: string): Promise<Member | Learner | undefined> {
    const records: AsyncIterable<Member | Learner> =
      kind === "members" ? deps.pair.listMembers() : deps.pair.listLearners();
    for await (const record of records) if (record.calmanacId === calmanacId) return record;
    return undefined;
  }

  async function created(
    actor: Actor,
    snapshot: Snapshot,
    profile: Member | Learner,
    details: Record<string, unknown>,
  ) {
    addToSnapshot(snapshot, profile);
    const kind = snapshot.kind;
    await decisions.staleInvolving(actor.workspaceId, kind, { calmanac: [profile.calmanacId ?? ""] });
    await deps.audit.record(actor, {
      action: "link.create",
      targetType: targetType(kind, "motivity"),
      targetId: profile.id,
      outcome: "ok",
      details: { kind, calmanacId: profile.calmanacId, ...details },
    });
  }

  return {
    /** What the "+ Create in Motivity" form needs: the prefilled email and roles, or the proposed alias. */
    async prepareCreate(actor: Actor, request: { kind: LinkKind; calmanacId: string }): Promise<CreatePreparation> {
      const { kind, calmanacId } = request;
      const allowed = await deps.access.check(actor, "link.manage", {
        type: targetType(kind, "calmanac"),
        id: calmanacId,
      });
      if (!allowed.allowed) return fail(allowed.reason);
      const snapshot = await loadSnapshot(deps, actor.workspaceId, kind);
      const refusal = notCreatable(snapshot, calmanacId);
      if (refusal) return { ok: true, ready: false, outcome: refusal };
      const calmanac = snapshot.calmanac.get(calmanacId)!;
      const aliases = [...snapshot.motivity.values()].map((r) => r.detail ?? "");
      const form: CreateForm = {
        kind,
        calmanacId,
        name: fullName(calmanac),
        email: kind === "members" ? (calmanac.email ?? null) : null,
        roles: kind === "members" ? await deps.pair.listRoles() : [],
        alias: kind === "learners" ? proposeAlias(calmanac.firstName, calmanac.lastName, aliases) : null,
      };
      return { ok: true, ready: true, form };
    },

    /** A Motivity member for a Calmanac staff member, linked at once; Motivity emails the invitation. */
    createMember(
      actor: Actor,
      request: { calmanacId: string; email: string; roleId: string; idempotencyKey?: string },
    ): Promise<ActionResult> {
      const { calmanacId, roleId } = request;
      const email = request.email.trim();
      return act(ctx, actor, { kind: "members", side: "calmanac", id: calmanacId }, async (snapshot) => {
        const problems = validateNewMember({ email, roleId });
        if (problems.length > 0) return { problems };
        const refusal = notCreatable(snapshot, calmanacId);
        if (refusal) return refusal;
        const staff = snapshot.calmanac.get(calmanacId)!;
        const sameEmail = [...snapshot.motivity.values()].find((m) => m.email?.toLowerCase() === email.toLowerCase());
        if (sameEmail) return linkInstead(snapshot, calmanacId, sameEmail.id);
        const role = (await deps.pair.listRoles()).find((r) => r.id === roleId);
        if (!role)
          return { problems: [{ field: "roleId", message: "That role is no longer in Motivity; choose another." }] };
        if (!(await claim(request.idempotencyKey))) return unchanged("That form was already submitted.");
        let member: Member;
        try {
          member = await createOrFind("members", calmanacId, () =>
            deps.pair.createMember({ firstName: staff.firstName, lastName: staff.lastName, email, roleId, calmanacId }),
          );
        } catch (error) {
          if (error instanceof ConflictError && error.code === "email_taken") {
            return linkInstead(snapshot, calmanacId, error.existingId);
          }
          if (error instanceof ConflictError)
            return stale(`${fullName(staff)} was linked to another Motivity profile meanwhile.`);
          if (error instanceof ValidationError) {
            return {
              problems: Object.entries(error.fields).map(([field, why]) => ({
                field,
                message: `Motivity says the ${field} ${why}.`,
              })),
            };
          }
          throw error;
        }
        await created(actor, snapshot, member, { roleId });
        return done(
          `Created ${fullName(member)} in Motivity as ${role.name}, linked to Calmanac; Motivity emailed them an invitation.`,
        );
      });
    },

    /** A Motivity learner for a Calmanac client, linked at once; a blank alias lets Motivity make one. */
    createLearner(
      actor: Actor,
      request: { calmanacId: string; alias?: string | null; idempotencyKey?: string },
    ): Promise<ActionResult> {
      const { calmanacId } = request;
      const alias = request.alias?.trim() || undefined;
      return act(ctx, actor, { kind: "learners", side: "calmanac", id: calmanacId }, async (snapshot) => {
        const problems = validateAlias(alias);
        if (problems.length > 0) return { problems };
        const refusal = notCreatable(snapshot, calmanacId);
        if (refusal) return refusal;
        const client = snapshot.calmanac.get(calmanacId)!;
        if (!(await claim(request.idempotencyKey))) return unchanged("That form was already submitted.");
        let learner: Learner;
        try {
          learner = await createOrFind("learners", calmanacId, () =>
            deps.pair.createLearner({
              firstName: client.firstName,
              lastName: client.lastName,
              birthDate: client.birthDate ?? null,
              calmanacId,
              ...(alias ? { alias } : {}),
            }),
          );
        } catch (error) {
          if (error instanceof ConflictError)
            return stale(`${fullName(client)} was linked to another Motivity profile meanwhile.`);
          throw error;
        }
        await created(actor, snapshot, learner, { aliasGiven: alias !== undefined });
        return done(`Created ${fullName(learner)} in Motivity with the alias ${learner.alias}, linked to Calmanac.`);
      });
    },
  };
}
