-- DropIndex
DROP INDEX "Customer_organizationId_firstPurchaseAt_idx";

-- CreateIndex
CREATE INDEX "Customer_organizationId_firstPurchaseAt_id_idx" ON "Customer"("organizationId", "firstPurchaseAt", "id");

-- CreateIndex
CREATE INDEX "PointsEntry_organizationId_occurredAt_idx" ON "PointsEntry"("organizationId", "occurredAt");
