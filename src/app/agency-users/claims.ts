import { Prisma, type PrismaClient } from "../../generated/prisma/client";

type Claims = Pick<PrismaClient, "processedEvent">;

/** True for the first caller only, across app instances: the key's row is the claim. */
export async function claimOnce(prisma: Claims, key: string): Promise<boolean> {
  try {
    await prisma.processedEvent.create({ data: { eventId: key } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Lets the same form be submitted again after a failure the creator can fix. */
export async function releaseClaim(prisma: Claims, key: string): Promise<void> {
  await prisma.processedEvent.deleteMany({ where: { eventId: key } });
}
