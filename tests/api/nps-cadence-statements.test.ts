// Scheduling the relational NPS cadence is set-based (issue 16, "Performance"): one query finds
// every due customer and each chunk of 1 000 invitations is written in a fixed number of
// statements, so scheduling 1 000 customers sends as many statements as scheduling 100.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { updateOrganizationSettings } from '../../api/src/services/organization-settings.service.ts';
import { scheduleNpsInvitations } from '../../api/src/services/invitation.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization } from '../support/fixtures.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ now: NOW });
}, 180_000);
afterAll(() => app?.stop());

/** A shop whose customers all bought first 200 days ago: each is due an NPS invitation. Returns its cadence's off switch. */
async function shopWithDueCustomers(name: string, count: number) {
  const org = await createTestOrganization(app, name);
  const firstPurchaseAt = new Date(NOW.getTime() - 200 * DAY);
  // Written in two statements: the test measures the scheduling, not the setup.
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "Customer" (id, "organizationId", "externalId", name, email, locale, "firstPurchaseAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${org.id}, 'K-' || n, 'Kunde ' || n, 'k' || n || '@example.dk', 'DA', ${firstPurchaseAt}, now()
    FROM generate_series(1, ${count}) AS n`);
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "ChannelConsent" (id, "organizationId", "customerId", channel, granted)
    SELECT gen_random_uuid()::text, ${org.id}, id, 'EMAIL', true FROM "Customer" WHERE "organizationId" = ${org.id}`);
  const caller = systemCaller(org.id);
  const survey = await createSurvey(caller, { kind: 'NPS', question: 'Hvor sandsynligt er det, at du anbefaler os?' });
  await updateOrganizationSettings(caller, { surveyTriggers: { npsSurveyId: survey.id } });
  return () => updateOrganizationSettings(caller, { surveyTriggers: { npsSurveyId: null } });
}

/** Schedules what is due; returns how many were queued and the statements it took. */
async function schedule() {
  const before = db().statements();
  const queued = await scheduleNpsInvitations(NOW);
  return { queued, statements: db().statements() - before };
}

test('scheduling 1 000 due customers takes as many statements as scheduling 100', async () => {
  const turnOff = await shopWithDueCustomers('Hundrede', 100);
  const hundred = await schedule();
  expect(hundred.queued).toBe(100);
  // Only the second shop's customers are due in the second pass.
  await turnOff();
  await shopWithDueCustomers('Tusind', 1000);
  const thousand = await schedule();
  expect(thousand.queued).toBe(1000);
  expect(thousand.statements).toBe(hundred.statements);
  expect(hundred.statements).toBeLessThan(30);
}, 180_000);
