// The points ledger as a customer reads it and as the database keeps it: each entry explains
// itself in the customer's own language, and no statement can change or remove an entry.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';

let app: TestApp;
let org: TestOrganization;

async function buy(externalId: string, amountMinor: number, currency: string) {
  await recordEvent(systemCaller(org.id), {
    purchase: {
      customer: { externalId },
      amount: { amountMinor, currency },
      occurredAt: new Date('2026-01-03T09:30:00Z'),
    },
  });
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Hovedbog');
  await upsertCustomer(systemCaller(org.id), { externalId: 'DA-1', name: 'Mette Holm', locale: 'DA' });
  await upsertCustomer(systemCaller(org.id), { externalId: 'SV-1', name: 'Sven Lind', locale: 'SV' });
  await buy('DA-1', 120000, 'DKK');
  await buy('SV-1', 120000, 'SEK');
});
afterAll(() => app.stop());

describe('explanation', () => {
  const explanation = async (externalId: string) =>
    (
      await app.graphql(
        'query ($externalId: String!) { customer(ref: { externalId: $externalId }) { pointsLedger(first: 1) { edges { node { explanation } } } } }',
        { externalId },
        // Staff read in English: the ledger is what the customer sees, so it keeps the customer's language.
        org.tokens.VIEWER,
      )
    ).data!.customer.pointsLedger.edges[0].node.explanation;

  test("without a locale it is in the customer's language: Danish for a Danish customer", async () => {
    expect(await explanation('DA-1')).toBe(
      '120 point for dit køb på 1.200,00 kr. den 3. jan. 2026 (1 point pr. 10 kr.)',
    );
  });

  test("without a locale it is in the customer's language: Swedish for a Swedish customer", async () => {
    expect(await explanation('SV-1')).toBe(
      '120 poäng för ditt köp på 1 200,00 kr den 3 jan. 2026 (1 poäng per 10 kr).',
    );
  });
});

describe('the database keeps the ledger append-only', () => {
  const tenant = () => db().forOrganization(org.id);
  const entries = () =>
    tenant().pointsEntry.findMany({
      where: { customer: { externalId: 'DA-1' } },
      select: { id: true, delta: true, balanceAfter: true, reason: true },
    });

  test('an UPDATE of an entry is refused and the entry stays as written', async () => {
    const before = await entries();
    await expect(
      tenant().$executeRaw(Prisma.sql`UPDATE "PointsEntry" SET delta = 1200 WHERE id = ${before[0].id}`),
    ).rejects.toThrow('PointsEntry is append-only: UPDATE refused; write a correcting entry instead');
    expect(await entries()).toEqual(before);
    expect(before).toEqual([{ id: before[0].id, delta: 120, balanceAfter: 120, reason: 'EARN_PURCHASE' }]);
  });

  test('a DELETE of an entry is refused and the entry stays', async () => {
    const before = await entries();
    await expect(
      tenant().$executeRaw(Prisma.sql`DELETE FROM "PointsEntry" WHERE id = ${before[0].id}`),
    ).rejects.toThrow('PointsEntry is append-only: DELETE refused; write a correcting entry instead');
    expect(await entries()).toEqual(before);
  });

  test('a TRUNCATE of the ledger is refused and every entry stays', async () => {
    const before = await tenant().pointsEntry.count();
    await expect(tenant().$executeRaw(Prisma.sql`TRUNCATE "PointsEntry" CASCADE`)).rejects.toThrow(
      'PointsEntry is append-only: TRUNCATE refused; write a correcting entry instead',
    );
    expect(before).toBe(2);
    expect(await tenant().pointsEntry.count()).toBe(2);
  });
});
