import type { PrismaClient } from "../generated/prisma/client";

/** Makes sure the workspace row exists before anything refers to it; cached per process. */
export function createWorkspaceRegistry(prisma: Pick<PrismaClient, "workspace">) {
  const known = new Set<string>();
  return {
    async ensure(workspaceId: string, name?: string): Promise<void> {
      if (known.has(workspaceId)) return;
      await prisma.workspace.upsert({
        where: { id: workspaceId },
        create: { id: workspaceId, name: name ?? null },
        update: {},
      });
      known.add(workspaceId);
    },
  };
}
