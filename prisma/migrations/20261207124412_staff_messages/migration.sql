-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MessageKind" ADD VALUE 'WEBHOOK_DISABLED';
ALTER TYPE "MessageKind" ADD VALUE 'PULSE_INVITE';
ALTER TYPE "MessageKind" ADD VALUE 'PULSE_REMINDER';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "userId" TEXT,
ALTER COLUMN "customerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "PulseRound" ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Message_organizationId_userId_createdAt_idx" ON "Message"("organizationId", "userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A message is for one customer or for one staff member, never both, never nobody.
ALTER TABLE "Message" ADD CONSTRAINT "Message_one_recipient" CHECK (("customerId" IS NULL) <> ("userId" IS NULL));
