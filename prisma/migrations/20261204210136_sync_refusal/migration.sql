-- AlterTable
ALTER TABLE "JobItem" DROP COLUMN "refusedBy";

-- CreateTable
CREATE TABLE "SyncRefusal" (
    "workspaceId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "caregiverId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncRefusal_pkey" PRIMARY KEY ("workspaceId","vendor","caregiverId")
);

-- AddForeignKey
ALTER TABLE "SyncRefusal" ADD CONSTRAINT "SyncRefusal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
