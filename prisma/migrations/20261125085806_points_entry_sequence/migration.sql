-- AlterTable
ALTER TABLE "PointsEntry" ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "PointsEntry_organizationId_customerId_sequence_idx" ON "PointsEntry"("organizationId", "customerId", "sequence");
