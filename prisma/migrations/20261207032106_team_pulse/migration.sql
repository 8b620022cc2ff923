-- CreateEnum
CREATE TYPE "PulseRoundStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'STAFF_CONCERN';

-- CreateTable
CREATE TABLE "StaffConcern" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "flaggedById" TEXT,
    "flaggedByName" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "flaggedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffConcern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "organizationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "PulseRound" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "PulseRoundStatus" NOT NULL DEFAULT 'OPEN',
    "openKey" TEXT,
    "tokenSecret" TEXT NOT NULL,
    "invited" INTEGER NOT NULL,
    "answered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PulseRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseToken" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "teamIds" TEXT[],
    "used" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PulseToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseAnswer" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "teamIds" TEXT[],
    "enps" INTEGER NOT NULL,
    "answers" INTEGER[],
    "comment" TEXT,

    CONSTRAINT "PulseAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffConcern_organizationId_customerId_flaggedAt_idx" ON "StaffConcern"("organizationId", "customerId", "flaggedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_name_key" ON "Team"("organizationId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_organizationId_userId_idx" ON "TeamMember"("organizationId", "userId");

-- CreateIndex
CREATE INDEX "PulseRound_organizationId_opensAt_idx" ON "PulseRound"("organizationId", "opensAt");

-- CreateIndex
CREATE UNIQUE INDEX "PulseRound_organizationId_openKey_key" ON "PulseRound"("organizationId", "openKey");

-- CreateIndex
CREATE UNIQUE INDEX "PulseToken_tokenHash_key" ON "PulseToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PulseToken_organizationId_userId_idx" ON "PulseToken"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PulseToken_roundId_userId_key" ON "PulseToken"("roundId", "userId");

-- CreateIndex
CREATE INDEX "PulseAnswer_organizationId_roundId_idx" ON "PulseAnswer"("organizationId", "roundId");

-- AddForeignKey
ALTER TABLE "StaffConcern" ADD CONSTRAINT "StaffConcern_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffConcern" ADD CONSTRAINT "StaffConcern_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffConcern" ADD CONSTRAINT "StaffConcern_flaggedById_fkey" FOREIGN KEY ("flaggedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseRound" ADD CONSTRAINT "PulseRound_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseToken" ADD CONSTRAINT "PulseToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseToken" ADD CONSTRAINT "PulseToken_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PulseRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseToken" ADD CONSTRAINT "PulseToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PulseRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
