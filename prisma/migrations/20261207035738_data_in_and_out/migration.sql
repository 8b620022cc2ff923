-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CUSTOMERS', 'PURCHASES', 'INTERACTIONS', 'OPENING_BALANCES');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('ANALYZED', 'APPLYING', 'APPLIED', 'FAILED');

-- CreateEnum
CREATE TYPE "AuditActorKind" AS ENUM ('USER', 'API_KEY', 'MEMBER', 'SYSTEM');

-- AlterEnum
ALTER TYPE "ApiKeyScope" ADD VALUE 'IMPORTS_WRITE';

-- CreateTable
CREATE TABLE "Import" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'ANALYZED',
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "mapping" JSONB NOT NULL,
    "rows" INTEGER NOT NULL,
    "validRows" INTEGER NOT NULL,
    "invalidRows" INTEGER NOT NULL,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "alreadyImportedRows" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "cells" JSONB NOT NULL,
    "data" JSONB,
    "problems" JSONB,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedRow" (
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedRow_pkey" PRIMARY KEY ("organizationId","key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorKind" "AuditActorKind" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "targets" JSONB NOT NULL DEFAULT '[]',
    "requestId" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Import_organizationId_createdAt_idx" ON "Import"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRow_organizationId_importId_line_idx" ON "ImportRow"("organizationId", "importId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "ImportRow_importId_line_key" ON "ImportRow"("importId", "line");

-- CreateIndex
CREATE INDEX "AuditEntry_organizationId_at_idx" ON "AuditEntry"("organizationId", "at");

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRow" ADD CONSTRAINT "ImportedRow_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is never edited: no statement may change an entry, and only entries past the
-- 365 days it is kept may be removed (the retention job). TRUNCATE is refused like the ledger's.
CREATE FUNCTION "audit_entry_unchangeable"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."at" < now() - interval '365 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'The audit log is never changed: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_entry_unchangeable"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_unchangeable"();

CREATE TRIGGER "audit_entry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_unchangeable"();
