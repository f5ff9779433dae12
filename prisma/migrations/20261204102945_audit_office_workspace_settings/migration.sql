-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "office" TEXT;

-- CreateTable
CREATE TABLE "WorkspaceSettings" (
    "workspaceId" TEXT NOT NULL,
    "roleRanking" TEXT[],
    "archiveMaxCount" INTEGER,
    "archiveMaxShare" DOUBLE PRECISION,
    "matchSuggestScore" DOUBLE PRECISION,
    "digestChannel" TEXT,
    "timeZone" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "WorkspaceSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_office_createdAt_idx" ON "AuditEvent"("workspaceId", "office", "createdAt");

-- AddForeignKey
ALTER TABLE "WorkspaceSettings" ADD CONSTRAINT "WorkspaceSettings_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
