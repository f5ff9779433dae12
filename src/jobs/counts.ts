import type { PrismaClient } from "../db/client";
import type { JobCounts } from "../metrics";

/** Jobs and their finished items by kind and status: one grouped query over the job table. */
export async function jobCounts(prisma: PrismaClient): Promise<JobCounts[]> {
  const groups = await prisma.job.groupBy({
    by: ["kind", "status"],
    _count: { _all: true },
    _sum: { processed: true, failed: true },
  });
  return groups.map((g) => ({
    kind: g.kind,
    status: g.status,
    jobs: g._count._all,
    processed: g._sum.processed ?? 0,
    failed: g._sum.failed ?? 0,
  }));
}
