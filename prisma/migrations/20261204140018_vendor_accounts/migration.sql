-- CreateTable
CREATE TABLE "VendorAccount" (
    "workspaceId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "protocol" TEXT NOT NULL DEFAULT 'vendor',
    "baseUrl" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "keyHint" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorAccount_pkey" PRIMARY KEY ("workspaceId","vendor")
);
