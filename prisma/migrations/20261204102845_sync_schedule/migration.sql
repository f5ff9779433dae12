-- CreateTable
CREATE TABLE "SyncSchedule" (
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "cadence" TEXT NOT NULL,
    "time" TEXT,
    "timeZone" TEXT NOT NULL,
    "allQuiet" BOOLEAN NOT NULL DEFAULT false,
    "setBy" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastJobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncSchedule_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "SyncSchedule_nextRunAt_idx" ON "SyncSchedule"("nextRunAt");
