import { Prisma } from "../../generated/prisma/client";
import type { LmsStatus } from "../../domain/caregivers/types";
import type { Caregiver, LmsUser } from "../../providers/roles";
import type { CaregiverDeps } from "./deps";
import type { CaregiverLink, LinkData } from "./links";

/** The vendor of the caregiver's TeleTrack account rows. */
export const TELETRACK = "teletrack";

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Writing the caregiver's link rows (see links.ts). */
export function createLinkWrites(deps: Pick<CaregiverDeps, "prisma" | "lmsVendor" | "now">) {
  const { prisma } = deps;

  type LmsRow = { status: string; lastSyncAt: Date; data: Prisma.InputJsonValue };

  /** Every row in one transaction, whatever is there already. */
  function writeAll(workspaceId: string, caregiver: Caregiver, user: LmsUser, lmsRow: LmsRow, at: Date) {
    const names = { firstName: caregiver.firstName, lastName: caregiver.lastName };
    return prisma.$transaction(async (tx) => {
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
      await tx.externalAccount.deleteMany({ where: { personId, vendor: deps.lmsVendor, NOT: { vendorId: user.id } } });
      await tx.externalAccount.upsert({
        where: { vendor_vendorId: { vendor: deps.lmsVendor, vendorId: user.id } },
        create: { vendor: deps.lmsVendor, vendorId: user.id, personId, ...lmsRow },
        update: { personId, ...lmsRow },
      });
    });
  }

  return {
    /**
     * Records the caregiver, their TeleTrack account and their LMS account. A bulk sync calls this
     * for every caregiver, so the usual cases take one statement (or one nested create); anything
     * else (a new LMS account for a known person, a race) goes through the full transaction.
     * @param known the link as it was read before the sync
     */
    async save(
      workspaceId: string,
      caregiver: Caregiver,
      user: LmsUser,
      data: LinkData,
      known?: CaregiverLink,
    ): Promise<void> {
      const at = deps.now();
      const lmsRow = { status: user.status, lastSyncAt: at, data: data as unknown as Prisma.InputJsonValue };
      if (known?.lmsUserId === user.id) {
        await prisma.externalAccount.update({
          where: { vendor_vendorId: { vendor: deps.lmsVendor, vendorId: user.id } },
          data: lmsRow,
        });
        if (
          known.firstName !== caregiver.firstName ||
          known.lastName !== caregiver.lastName ||
          known.teletrackStatus !== caregiver.status
        ) {
          await prisma.person.update({
            where: { id: known.personId },
            data: {
              firstName: caregiver.firstName,
              lastName: caregiver.lastName,
              accounts: {
                updateMany: { where: { vendor: TELETRACK }, data: { status: caregiver.status, lastSyncAt: at } },
              },
            },
          });
        }
        return;
      }
      if (!known) {
        try {
          await prisma.person.create({
            data: {
              workspaceId,
              kind: "caregiver",
              firstName: caregiver.firstName,
              lastName: caregiver.lastName,
              accounts: {
                create: [
                  { vendor: TELETRACK, vendorId: caregiver.id, status: caregiver.status, lastSyncAt: at },
                  { vendor: deps.lmsVendor, vendorId: user.id, ...lmsRow },
                ],
              },
            },
          });
          return;
        } catch (error) {
          // The TeleTrack or LMS account is recorded already (a race, or a link half made before): the full path below.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      try {
        await writeAll(workspaceId, caregiver, user, lmsRow, at);
      } catch (error) {
        // Two syncs of one new caregiver raced to create the person: the loser writes again onto the winner's rows.
        if (!isUniqueViolation(error)) throw error;
        await writeAll(workspaceId, caregiver, user, lmsRow, at);
      }
    },

    /**
     * After an activation change: the status seen, whether carebridge holds it deactivated, and
     * the caregiver's TeleTrack status then (see holdStands).
     */
    async setStatus(
      link: CaregiverLink,
      status: LmsStatus,
      heldDeactivated: boolean,
      trainingDueDate: string | null,
      teletrackStatus: Caregiver["status"],
    ): Promise<void> {
      const data: LinkData = { ...link.data, heldDeactivated, trainingDueDate };
      await prisma.externalAccount.updateMany({
        where: { vendor: deps.lmsVendor, vendorId: link.lmsUserId },
        data: { status, data: data as unknown as Prisma.InputJsonValue },
      });
      if (link.teletrackStatus !== teletrackStatus) {
        await prisma.externalAccount.updateMany({
          where: { vendor: TELETRACK, personId: link.personId },
          data: { status: teletrackStatus },
        });
      }
    },

    /** Caregivers a sync-all preview found inactive in TeleTrack (a return ends a hold, see holdStands). */
    async recordInactive(workspaceId: string, caregiverIds: string[]): Promise<void> {
      if (caregiverIds.length === 0) return;
      await prisma.externalAccount.updateMany({
        where: { vendor: TELETRACK, vendorId: { in: caregiverIds }, person: { workspaceId } },
        data: { status: "inactive" },
      });
    },
  };
}
