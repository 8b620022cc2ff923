// Tiers follow the points earned in the last 12 months (PRODUCT.md "Loyalty rules"): when an
// ADMIN changes the thresholds, and as time passes. After each change the ledger check finds the
// stored tiers where the rule puts them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { createMemberLink, startMemberSession } from '../../api/src/services/member-access.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;

const SET_THRESHOLDS = `mutation ($settings: OrganizationSettingsInput!) {
  updateOrganizationSettings(settings: $settings) { __typename }
}`;
const REDEEM = `mutation ($customer: String!, $reward: ID!) {
  redeemReward(input: { customer: { externalId: $customer }, rewardId: $reward }) {
    __typename
    ... on MutationRedeemRewardSuccess { data { points } }
    ... on TierTooLowError { requiredTier customerTier }
  }
}`;

/** A partner that reads customers and redeems at the till. */
interface Shop {
  org: TestOrganization;
  key: string;
  goldOnly: string;
}

async function openShop(name: string, customers: number): Promise<Shop> {
  const org = await createTestOrganization(app, name);
  await createCustomers(org, customers);
  const key = await partnerKey(org, ['CUSTOMERS_READ', 'REDEMPTIONS_WRITE']);
  const reward = await createReward(systemCaller(org.id), {
    name: 'Værkstedsdag',
    pointsCost: 100,
    kind: 'EXPERIENCE',
    unitCost: { amountMinor: 50000, currency: 'DKK' },
    minimumTier: 'GOLD',
  });
  return { org, key, goldOnly: gid('Reward', reward.id) };
}

async function buy(shop: Shop, externalId: string, amountMinor: number, occurredAt: string) {
  await recordEvent(systemCaller(shop.org.id), {
    purchase: { customer: { externalId }, amount: { amountMinor, currency: 'DKK' }, occurredAt: new Date(occurredAt) },
  });
}

async function tiers(shop: Shop, externalIds: string[]): Promise<string[]> {
  const found = [];
  for (const externalId of externalIds) {
    const result = await app.graphql(
      'query ($externalId: String!) { customer(ref: { externalId: $externalId }) { tier } }',
      { externalId },
      shop.key,
    );
    found.push(result.data!.customer.tier as string);
  }
  return found;
}

async function setThresholds(shop: Shop, tierThresholds: { SILVER?: number; GOLD?: number }) {
  const result = await app.graphql(
    SET_THRESHOLDS,
    { settings: { loyalty: { tierThresholds } } },
    shop.org.tokens.ADMIN,
  );
  expect(result.data!.updateOrganizationSettings.__typename).toBe('MutationUpdateOrganizationSettingsSuccess');
}

/** The tier progress the customer's own page shows. */
async function memberTierProgress(shop: Shop, externalId: string) {
  const { id } = await db()
    .forOrganization(shop.org.id)
    .customer.findUniqueOrThrow({
      where: { organizationId_externalId: { organizationId: shop.org.id, externalId } },
      select: { id: true },
    });
  const link = await writeTransaction(shop.org.id, (tx) => createMemberLink(tx, id, app.clock.now()));
  const { token } = await startMemberSession(link.split('/').at(-1)!, '127.0.0.1');
  const result = await app.graphql(
    '{ member { tierProgress { tier pointsEarned12Months keepTierBy pointsToKeepTier } } }',
    {},
    token,
  );
  return result.data!.member.tierProgress;
}

const redeem = async (shop: Shop, customer: string) =>
  (await app.graphql(REDEEM, { customer, reward: shop.goldOnly }, shop.key)).data!.redeemReward;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
});
afterAll(() => app.stop());

describe('new tier thresholds', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop('Niveauer', 3);
    await buy(shop, 'K-1', 1_200_000, '2026-02-10T10:00:00Z'); // 1 200 points
    await buy(shop, 'K-2', 600_000, '2026-02-10T10:00:00Z'); // 600 points
    await buy(shop, 'K-3', 6_000_000, '2026-02-10T10:00:00Z'); // 6 000 points
  });

  test('lowered thresholds raise every customer they reach at once', async () => {
    expect(await tiers(shop, ['K-1', 'K-2', 'K-3'])).toEqual(['SILVER', 'BRONZE', 'GOLD']);
    await setThresholds(shop, { SILVER: 500, GOLD: 1000 });
    expect(await tiers(shop, ['K-1', 'K-2', 'K-3'])).toEqual(['GOLD', 'SILVER', 'GOLD']);
    expect(await checkLedger(shop.org.id, app.clock.now())).toEqual([]);
  });

  test('a customer the lowered thresholds made GOLD redeems a GOLD reward at once', async () => {
    expect(await redeem(shop, 'K-1')).toEqual({ __typename: 'MutationRedeemRewardSuccess', data: { points: 100 } });
  });

  test('raised thresholds lower every customer they reach at once', async () => {
    await setThresholds(shop, { SILVER: 2000, GOLD: 7000 });
    expect(await tiers(shop, ['K-1', 'K-2', 'K-3'])).toEqual(['BRONZE', 'BRONZE', 'SILVER']);
    expect(await checkLedger(shop.org.id, app.clock.now())).toEqual([]);
    expect(await redeem(shop, 'K-3')).toEqual({
      __typename: 'TierTooLowError',
      requiredTier: 'GOLD',
      customerTier: 'SILVER',
    });
  });

  test('a tier the new thresholds give falls when its points leave the 12 months, though nothing else brings the customer up for recompute', async () => {
    const quiet = await openShop('Stille', 1);
    await buy(quiet, 'K-1', 600_000, '2025-08-01T10:00:00Z'); // 600 points: BRONZE by the defaults
    // Seven months without contact: no part of the customer's risk, engagement or satisfaction
    // changes with time any more, so only the tier could bring them up for recompute.
    const customer = () =>
      db()
        .forOrganization(quiet.org.id)
        .customer.findUniqueOrThrow({
          where: { organizationId_externalId: { organizationId: quiet.org.id, externalId: 'K-1' } },
          select: { recomputeAt: true },
        });
    expect((await customer()).recomputeAt).toBeNull();

    await setThresholds(quiet, { SILVER: 500 });
    expect(await tiers(quiet, ['K-1'])).toEqual(['SILVER']);
    app.clock.set(new Date('2026-08-01T10:00:01Z'));
    await app.runJobs();
    expect(await tiers(quiet, ['K-1'])).toEqual(['BRONZE']);
    expect(await checkLedger(quiet.org.id, app.clock.now())).toEqual([]);
  });
});

describe('as time passes', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop('Tid', 2);
    app.clock.set(new Date('2026-08-02T12:00:00Z'));
    // 5 000 points each: GOLD until 10 Feb 2027, 12 months after they were earned.
    await buy(shop, 'K-1', 5_000_000, '2026-02-10T10:00:00Z');
    await buy(shop, 'K-2', 5_000_000, '2026-02-10T10:00:00Z');
  });

  test('a GOLD reward is refused once the points that made the customer GOLD are 12 months old, even before the background job has run', async () => {
    app.clock.set(new Date('2027-02-10T09:59:59Z'));
    expect(await tiers(shop, ['K-2'])).toEqual(['GOLD']);
    app.clock.set(new Date('2027-02-10T10:00:00Z'));
    expect(await redeem(shop, 'K-2')).toEqual({
      __typename: 'TierTooLowError',
      requiredTier: 'GOLD',
      customerTier: 'BRONZE',
    });
  });

  test('the background job lowers the stored tier of a customer whose points left the 12 months', async () => {
    expect(await tiers(shop, ['K-1'])).toEqual(['GOLD']);
    await app.runJobs();
    expect(await tiers(shop, ['K-1'])).toEqual(['BRONZE']);
    expect(await checkLedger(shop.org.id, app.clock.now())).toEqual([]);
  });
});

describe('a customer who earns every week', () => {
  test('stays GOLD until the newest earnings still counted no longer reach GOLD, and not a moment longer', async () => {
    const shop = await openShop('Ugentlig', 1);
    app.clock.set(new Date('2027-03-01T12:00:00Z'));
    // 52 purchases of 200 points a week apart, the newest on 22 Feb 2027: 10 400 points. The
    // newest 25 hold GOLD's 5 000; once the 25th newest (7 Sep 2026) leaves, 4 800 remain: SILVER.
    for (let week = 0; week < 52; week++)
      await buy(
        shop,
        'K-1',
        200_000,
        new Date(Date.parse('2027-02-22T10:00:00Z') - week * 7 * 86_400_000).toISOString(),
      );
    expect(await memberTierProgress(shop, 'K-1')).toEqual({
      tier: 'GOLD',
      pointsEarned12Months: 10_400,
      keepTierBy: '2027-09-07T10:00:00.000Z',
      pointsToKeepTier: 200,
    });
    app.clock.set(new Date('2027-09-07T09:59:59Z'));
    expect(await redeem(shop, 'K-1')).toEqual({ __typename: 'MutationRedeemRewardSuccess', data: { points: 100 } });
    app.clock.set(new Date('2027-09-07T10:00:00Z'));
    expect(await redeem(shop, 'K-1')).toEqual({
      __typename: 'TierTooLowError',
      requiredTier: 'GOLD',
      customerTier: 'SILVER',
    });
    await app.runJobs();
    expect(await tiers(shop, ['K-1'])).toEqual(['SILVER']);
    expect(await checkLedger(shop.org.id, app.clock.now())).toEqual([]);
  });
});
