-- DropIndex
DROP INDEX "Alert_organizationId_customerId_idx";

-- DropIndex
DROP INDEX "Customer_organizationId_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_organizationId_lastPersonalContactAt_idx";

-- DropIndex
DROP INDEX "Customer_organizationId_name_idx";

-- DropIndex
DROP INDEX "Customer_organizationId_riskScore_idx";

-- DropIndex
DROP INDEX "Experience_organizationId_customerId_kind_occurredAt_idx";

-- DropIndex
DROP INDEX "Feedback_organizationId_customerId_occurredAt_idx";

-- DropIndex
DROP INDEX "Incident_organizationId_customerId_openedAt_idx";

-- DropIndex
DROP INDEX "Interaction_organizationId_customerId_kind_occurredAt_idx";

-- DropIndex
DROP INDEX "Interaction_organizationId_customerId_occurredAt_idx";

-- DropIndex
DROP INDEX "MemberLink_organizationId_customerId_idx";

-- DropIndex
DROP INDEX "MemberSession_organizationId_customerId_lastUsedAt_idx";

-- DropIndex
DROP INDEX "Message_organizationId_customerId_createdAt_idx";

-- DropIndex
DROP INDEX "PointsEntry_organizationId_customerId_createdAt_idx";

-- DropIndex
DROP INDEX "PointsEntry_organizationId_customerId_kind_occurredAt_idx";

-- DropIndex
DROP INDEX "PointsEntry_organizationId_customerId_sequence_idx";

-- DropIndex
DROP INDEX "PointsLot_organizationId_customerId_expiresAt_idx";

-- DropIndex
DROP INDEX "Purchase_organizationId_customerId_occurredAt_idx";

-- DropIndex
DROP INDEX "Redemption_organizationId_customerId_createdAt_idx";

-- DropIndex
DROP INDEX "StaffConcern_organizationId_customerId_flaggedAt_idx";

-- DropIndex
DROP INDEX "SurveyInvitation_organizationId_customerId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Alert_customerId_idx" ON "Alert"("customerId");

-- CreateIndex
CREATE INDEX "ChannelConsent_customerId_idx" ON "ChannelConsent"("customerId");

-- CreateIndex
CREATE INDEX "Customer_organizationId_riskScore_id_idx" ON "Customer"("organizationId", "riskScore" DESC, "id");

-- CreateIndex
CREATE INDEX "Customer_organizationId_lastPersonalContactAt_id_idx" ON "Customer"("organizationId", "lastPersonalContactAt", "id");

-- CreateIndex
CREATE INDEX "Customer_organizationId_name_id_idx" ON "Customer"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Customer_organizationId_createdAt_id_idx" ON "Customer"("organizationId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Experience_customerId_kind_occurredAt_idx" ON "Experience"("customerId", "kind", "occurredAt");

-- CreateIndex
CREATE INDEX "Feedback_customerId_occurredAt_idx" ON "Feedback"("customerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_customerId_openedAt_idx" ON "Incident"("customerId", "openedAt");

-- CreateIndex
CREATE INDEX "Interaction_customerId_occurredAt_idx" ON "Interaction"("customerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_customerId_kind_occurredAt_idx" ON "Interaction"("customerId", "kind", "occurredAt");

-- CreateIndex
CREATE INDEX "MemberLink_customerId_idx" ON "MemberLink"("customerId");

-- CreateIndex
CREATE INDEX "MemberSession_customerId_lastUsedAt_idx" ON "MemberSession"("customerId", "lastUsedAt");

-- CreateIndex
CREATE INDEX "Message_customerId_createdAt_idx" ON "Message"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "PointsEntry_customerId_createdAt_idx" ON "PointsEntry"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "PointsEntry_customerId_kind_occurredAt_idx" ON "PointsEntry"("customerId", "kind", "occurredAt");

-- CreateIndex
CREATE INDEX "PointsEntry_customerId_sequence_idx" ON "PointsEntry"("customerId", "sequence");

-- CreateIndex
CREATE INDEX "PointsLot_customerId_expiresAt_idx" ON "PointsLot"("customerId", "expiresAt");

-- CreateIndex
CREATE INDEX "Purchase_customerId_occurredAt_idx" ON "Purchase"("customerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Redemption_customerId_createdAt_idx" ON "Redemption"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "StaffConcern_customerId_flaggedAt_idx" ON "StaffConcern"("customerId", "flaggedAt");

-- CreateIndex
CREATE INDEX "SurveyInvitation_customerId_createdAt_idx" ON "SurveyInvitation"("customerId", "createdAt");

