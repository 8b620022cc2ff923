-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "firstPurchaseAt" TIMESTAMP(3),
ADD COLUMN     "latestNpsAt" TIMESTAMP(3),
ADD COLUMN     "latestNpsScore" INTEGER;

-- CreateIndex
CREATE INDEX "Customer_organizationId_firstPurchaseAt_idx" ON "Customer"("organizationId", "firstPurchaseAt");

-- Backfill from the events already recorded.
UPDATE "Customer" AS c SET "firstPurchaseAt" = p.first
FROM (SELECT "customerId", min("occurredAt") AS first FROM "Purchase" GROUP BY "customerId") AS p
WHERE p."customerId" = c.id;

UPDATE "Customer" AS c SET "latestNpsScore" = f.score, "latestNpsAt" = f."occurredAt"
FROM (
  SELECT DISTINCT ON (f."customerId") f."customerId", f.score, f."occurredAt"
  FROM "Feedback" AS f JOIN "Survey" AS s ON s.id = f."surveyId"
  WHERE s.kind = 'NPS' AND f.score IS NOT NULL
  ORDER BY f."customerId", f."occurredAt" DESC, f."createdAt" DESC
) AS f
WHERE f."customerId" = c.id;
