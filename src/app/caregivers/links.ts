import type { Prisma } from "../../generated/prisma/client";
import type { LmsStatus } from "../../domain/caregivers/types";
import type { CaregiverDeps } from "./deps";
import { createLinkWrites, TELETRACK } from "./link-writes";

/**
 * The link carebridge keeps between a TeleTrack caregiver and their LMS account: a Person with
 * one ExternalAccount per system. The LMS account's `data` holds what the last sync needs to
 * know next time, never the birth date, phone or email themselves.
 */
export interface LinkData {
  /** fingerprint() of the fields last synced; null when the account was found but never synced. */
  fingerprint: string | null;
  /** TeleTrack was told this LMS user id (careacademy-link), so it need not be told again. */
  teletrackLinked: boolean;
  /** Deactivated from carebridge on purpose: a sync leaves it so until someone presses Reactivate. */
  heldDeactivated: boolean;
  trainingDueDate: string | null;
}

export interface CaregiverLink {
  personId: string;
  firstName: string;
  lastName: string;
  teletrackStatus: string | null;
  lmsUserId: string;
  lmsStatus: LmsStatus | null;
  lastSyncAt: Date | null;
  data: LinkData;
}

function readData(value: Prisma.JsonValue | null): LinkData {
  const data = (value ?? {}) as Partial<LinkData>;
  return {
    fingerprint: typeof data.fingerprint === "string" ? data.fingerprint : null,
    teletrackLinked: data.teletrackLinked === true,
    heldDeactivated: data.heldDeactivated === true,
    trainingDueDate: typeof data.trainingDueDate === "string" ? data.trainingDueDate : null,
  };
}

const statusOf = (value: string | null): LmsStatus | null =>
  value === "active" || value === "deactivated" ? value : null;

export function createLinks(deps: Pick<CaregiverDeps, "prisma" | "lmsVendor" | "now">) {
  const { prisma } = deps;

  return {
    async find(workspaceId: string, caregiverId: string): Promise<CaregiverLink | undefined> {
      const source = await prisma.externalAccount.findFirst({
        where: { vendor: TELETRACK, vendorId: caregiverId, person: { workspaceId } },
        include: { person: { include: { accounts: { where: { vendor: deps.lmsVendor } } } } },
      });
      const lms = source?.person.accounts[0];
      if (!source || !lms) return undefined;
      return {
        personId: source.personId,
        firstName: source.person.firstName,
        lastName: source.person.lastName,
        teletrackStatus: source.status,
        lmsUserId: lms.vendorId,
        lmsStatus: statusOf(lms.status),
        lastSyncAt: lms.lastSyncAt,
        data: readData(lms.data),
      };
    },

    /** Every linked caregiver of the workspace, by TeleTrack id, for a bulk preview. */
    async all(workspaceId: string): Promise<Map<string, CaregiverLink>> {
      const people = await prisma.person.findMany({
        where: { workspaceId, kind: "caregiver" },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          accounts: { where: { vendor: { in: [TELETRACK, deps.lmsVendor] } } },
        },
      });
      const links = new Map<string, CaregiverLink>();
      for (const person of people) {
        const source = person.accounts.find((a) => a.vendor === TELETRACK);
        const lms = person.accounts.find((a) => a.vendor === deps.lmsVendor);
        if (!source || !lms) continue;
        links.set(source.vendorId, {
          personId: person.id,
          firstName: person.firstName,
          lastName: person.lastName,
          teletrackStatus: source.status,
          lmsUserId: lms.vendorId,
          lmsStatus: statusOf(lms.status),
          lastSyncAt: lms.lastSyncAt,
          data: readData(lms.data),
        });
      }
      return links;
    },
    ...createLinkWrites(deps),
  };
}

export type Links = ReturnType<typeof createLinks>;
