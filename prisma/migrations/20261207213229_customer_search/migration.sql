-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Customer_name_email_externalId_idx" ON "Customer" USING GIN ("name" gin_trgm_ops, "email" gin_trgm_ops, "externalId" gin_trgm_ops);
