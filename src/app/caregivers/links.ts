import { Prisma } from "../../generated/prisma/client";
import type { LmsStatus } from "../../domain/caregivers/types";
import type { Caregiver, LmsUser } from "../../providers/roles";
import type { CaregiverDeps } from "./deps";

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
  lmsUserId: string;
  lmsStatus: LmsStatus | null;
  lastSyncAt: Date | null;
  data: LinkData;
}

const TELETRACK = "teletrack";

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
  const { prisma, lmsVendor } = deps;

  return {
    async find(workspaceId: string, caregiverId: string): Promise<CaregiverLink | undefined> {
      const source = await prisma.externalAccount.findFirst({
        where: { vendor: TELETRACK, vendorId: caregiverId, person: { workspaceId } },
        include: { person: { include: { accounts: { where: { vendor: lmsVendor } } } } },
      });
      const lms = source?.person.accounts[0];
      if (!source || !lms) return undefined;
      return {
        personId: source.personId,
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
        select: { id: true, accounts: { where: { vendor: { in: [TELETRACK, lmsVendor] } } } },
      });
      const links = new Map<string, CaregiverLink>();
      for (const person of people) {
        const source = person.accounts.find((a) => a.vendor === TELETRACK);
        const lms = person.accounts.find((a) => a.vendor === lmsVendor);
        if (!source || !lms) continue;
        links.set(source.vendorId, {
          personId: person.id,
          lmsUserId: lms.vendorId,
          lmsStatus: statusOf(lms.status),
          lastSyncAt: lms.lastSyncAt,
          data: readData(lms.data),
        });
      }
      return links;
    },

    /**
     * Records the caregiver, their TeleTrack account and their LMS account in one transaction.
     * An LMS account the person had before (deleted in the LMS, replaced) is dropped.
     */
    async save(workspaceId: string, caregiver: Caregiver, user: LmsUser, data: LinkData): Promise<void> {
      const at = deps.now();
      const names = { firstName: caregiver.firstName, lastName: caregiver.lastName };
      const write = () =>
        prisma.$transaction(async (tx) => {
          const existing = await tx.externalAccount.findUnique({
            where: { vendor_vendorId: { vendor: TELETRACK, vendorId: caregiver.id } },
          });
          let personId = existing?.personId;
          if (personId === undefined) {
            const person = await tx.person.create({
              data: {
                workspaceId,
                kind: "caregiver",
                ...names,
                accounts: {
                  create: { vendor: TELETRACK, vendorId: caregiver.id, status: caregiver.status, lastSyncAt: at },
                },
              },
            });
            personId = person.id;
          } else {
            await tx.person.update({ where: { id: personId }, data: names });
            await tx.externalAccount.update({
              where: { id: existing!.id },
              data: { status: caregiver.status, lastSyncAt: at },
            });
          }
          await tx.externalAccount.deleteMany({ where: { personId, vendor: lmsVendor, NOT: { vendorId: user.id } } });
          const row = { personId, status: user.status, lastSyncAt: at, data: data as unknown as Prisma.InputJsonValue };
          await tx.externalAccount.upsert({
            where: { vendor_vendorId: { vendor: lmsVendor, vendorId: user.id } },
            create: { vendor: lmsVendor, vendorId: user.id, ...row },
            update: row,
          });
        });
      try {
        await write();
      } catch (error) {
        // Two syncs of one new caregiver raced to create the person: the loser writes again onto the winner's rows.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
        await write();
      }
    },

    /** After an activation change: the status seen, and whether carebridge holds it deactivated. */
    async setStatus(
      link: CaregiverLink,
      status: LmsStatus,
      heldDeactivated: boolean,
      trainingDueDate: string | null,
    ): Promise<void> {
      const data: LinkData = { ...link.data, heldDeactivated, trainingDueDate };
      await prisma.externalAccount.updateMany({
        where: { vendor: lmsVendor, vendorId: link.lmsUserId },
        data: { status, data: data as unknown as Prisma.InputJsonValue },
      });
    },
  };
}

export type Links = ReturnType<typeof createLinks>;
