// Points expire as time passes: the injected clock moves, the background jobs run.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { redeemReward } from '../../api/src/services/redemption.service.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';

let app: TestApp;
let org: TestOrganization;
let voucherId: string;
// Staff sessions end while the clock moves two years; a partner's key does not.
let reader: string;

const LEDGER = `query ($customer: String!) {
  customer(ref: { externalId: $customer }) {
    pointsBalance
    pointsLedger(first: 10) { edges { node { kind delta balanceAfter en: explanation(locale: EN) da: explanation(locale: DA) } } }
  }
}`;

async function customer(externalId: string) {
  const found = (await app.graphql(LEDGER, { customer: externalId }, reader)).data!.customer;
  return {
    balance: found.pointsBalance as number,
    ledger: found.pointsLedger.edges.map((edge: { node: unknown }) => edge.node) as Record<string, unknown>[],
  };
}

async function buy(externalId: string, amountMinor: number, occurredAt: string) {
  await recordEvent(systemCaller(org.id), {
    purchase: { customer: { externalId }, amount: { amountMinor, currency: 'DKK' }, occurredAt: new Date(occurredAt) },
  });
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Udløb');
  await createCustomers(org, 3);
  reader = await partnerKey(org, ['CUSTOMERS_READ']);
  voucherId = (
    await createReward(systemCaller(org.id), {
      name: '100 kr. rabat',
      pointsCost: 100,
      kind: 'DISCOUNT',
      unitCost: { amountMinor: 10000, currency: 'DKK' },
    })
  ).id;
});
afterAll(() => app.stop());

test('points past their expiry are never spent, even before the expiry job has run', async () => {
  // Bought 27 months ago: its 500 points expired three months ago, but no job has run yet.
  await buy('K-3', 500000, '2023-12-01T10:00:00Z');
  await buy('K-3', 50000, '2026-02-20T10:00:00Z');
  expect((await customer('K-3')).balance).toBe(550);
  await expect(
    redeemReward(systemCaller(org.id), { customer: { externalId: 'K-3' }, rewardId: voucherId }),
  ).rejects.toMatchObject({ name: 'InsufficientPointsError', balance: 50, required: 100 });
  const { balance, ledger } = await customer('K-3');
  expect(balance).toBe(50);
  expect(ledger[0]).toEqual({
    kind: 'EXPIRE',
    delta: -500,
    balanceAfter: 50,
    en: '500 points from your purchase of 5,000.00 DKK on 1 Dec 2023 expired.',
    da: '500 point fra dit køb på 5.000,00 kr. den 1. dec. 2023 er udløbet.',
  });
});

test("spending takes the oldest points first; what is left of a purchase's points expires after 24 months with an EXPIRE entry naming the purchase", async () => {
  await buy('K-1', 120000, '2026-01-03T10:00:00Z'); // 120 points, expiring 3 Jan 2028
  await buy('K-1', 200000, '2026-02-01T10:00:00Z'); // 200 points, expiring 1 Feb 2028
  await redeemReward(systemCaller(org.id), { customer: { externalId: 'K-1' }, rewardId: voucherId });
  expect((await customer('K-1')).balance).toBe(220);

  app.clock.set(new Date('2028-01-03T09:59:59Z'));
  await app.runJobs();
  expect((await customer('K-1')).ledger[0].kind).toBe('REDEEM');

  app.clock.set(new Date('2028-01-03T10:00:00Z'));
  await app.runJobs();
  expect((await customer('K-1')).ledger[0]).toEqual({
    kind: 'EXPIRE',
    delta: -20,
    balanceAfter: 200,
    en: '20 points from your purchase of 1,200.00 DKK on 3 Jan 2026 expired.',
    da: '20 point fra dit køb på 1.200,00 kr. den 3. jan. 2026 er udløbet.',
  });

  app.clock.set(new Date('2028-02-01T10:00:00Z'));
  await app.runJobs();
  const after = await customer('K-1');
  expect(after.balance).toBe(0);
  expect(after.ledger.map((entry) => [entry.kind, entry.delta, entry.balanceAfter])).toEqual([
    ['EXPIRE', -200, 0],
    ['EXPIRE', -20, 200],
    ['REDEEM', -100, 220],
    ['EARN_PURCHASE', 200, 320],
    ['EARN_PURCHASE', 120, 120],
  ]);
});

test('the expiry job expires each lot once, however often it runs', async () => {
  const entries = () =>
    db()
      .forOrganization(org.id)
      .pointsEntry.count({ where: { kind: 'EXPIRE' } });
  const before = await entries();
  await app.runJobs();
  await app.runJobs();
  expect(await entries()).toBe(before);
  expect(await checkLedger(org.id, app.clock.now())).toEqual([]);
});
