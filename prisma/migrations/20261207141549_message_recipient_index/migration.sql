-- DropIndex
DROP INDEX "Message_organizationId_userId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Message_userId_createdAt_idx" ON "Message"("userId", "createdAt");
