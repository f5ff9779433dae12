-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "pendingEffect" TEXT;

-- CreateTable
CREATE TABLE "JobReportOutbox" (
    "jobId" TEXT NOT NULL,
    "reportTs" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobReportOutbox_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "JobReportOutbox_deliveredAt_createdAt_idx" ON "JobReportOutbox"("deliveredAt", "createdAt");

-- AddForeignKey
ALTER TABLE "JobReportOutbox" ADD CONSTRAINT "JobReportOutbox_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
