-- AlterTable
ALTER TABLE "ImportRow" DROP COLUMN "key";
