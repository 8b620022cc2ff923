-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "invitationTokenSecret" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
