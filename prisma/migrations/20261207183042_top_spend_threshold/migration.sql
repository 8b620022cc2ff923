-- CreateTable
CREATE TABLE "TopSpendThreshold" (
    "organizationId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "thresholdMinor" BIGINT,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopSpendThreshold_pkey" PRIMARY KEY ("organizationId")
);

-- AddForeignKey
ALTER TABLE "TopSpendThreshold" ADD CONSTRAINT "TopSpendThreshold_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
