-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "refusedBy" TEXT;
