-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "causedAt" TIMESTAMP(3);
