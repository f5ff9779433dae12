-- AlterTable
ALTER TABLE "SyncSchedule" ADD COLUMN     "followsWorkspaceZone" BOOLEAN NOT NULL DEFAULT false;
