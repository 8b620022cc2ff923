// Concurrent spending on PostgreSQL. PGlite runs one transaction at a time, so a race that
// overdraws on PostgreSQL never shows there: these tests run only with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { recordEvents } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { redeemReward } from '../../api/src/services/redemption.service.ts';
import { expirePoints } from '../../api/src/services/points-expiry.service.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';
import { onPostgres } from '../support/database.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';

let app: TestApp;
let org: TestOrganization;
let pos: string;

const REDEEM = `mutation ($customer: String!, $reward: ID!) {
  redeemReward(input: { customer: { externalId: $customer }, rewardId: $reward }) { __typename }
}`;
const CANCEL = `mutation ($id: ID!) { cancelRedemption(input: { id: $id }) { __typename } }`;

/** How many answers of each kind; a GraphQL error (a deadlock, a timeout) counts as "error". */
function tally(results: { data?: Record<string, { __typename: string }> | null; errors?: unknown[] }[]) {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const kind = result.errors?.length ? 'error' : Object.values(result.data!)[0].__typename;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Customers with 1 000 points each (a 10 000 kr. purchase). */
async function customersWith1000Points(prefix: string, count: number) {
  const customers = await createCustomers(org, count, prefix);
  await recordEvents(
    systemCaller(org.id),
    customers.map((customer) => ({
      purchase: { customer: { id: customer.id }, amount: { amountMinor: 1_000_000, currency: 'DKK' } },
    })),
  );
  return customers;
}

const reward = async (name: string, pointsCost: number, stock: number | null) =>
  createReward(systemCaller(org.id), {
    name,
    pointsCost,
    kind: 'DISCOUNT',
    unitCost: { amountMinor: 5000, currency: 'DKK' },
    stock,
  });

beforeAll(async () => {
  if (!onPostgres) return;
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Samtidig');
  pos = await partnerKey(org, ['REDEMPTIONS_WRITE']);
});
afterAll(() => app?.stop());

describe.skipIf(!onPostgres)('concurrent spending on PostgreSQL', () => {
  test('50 concurrent redemptions of 100 points against a balance of 1 000 succeed exactly 10 times, in each of 50 trials', async () => {
    const customers = await customersWith1000Points('B', 50);
    const coupon = await reward('100 kr. rabat', 100, null);
    // Straight to the service: the race is in its transaction, and 2 500 HTTP round trips would
    // only make the file slower.
    for (const customer of customers) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          redeemReward(systemCaller(org.id), { customer: { id: customer.id }, rewardId: coupon.id }),
        ),
      );
      const counts: Record<string, number> = {};
      for (const outcome of outcomes) {
        const kind = outcome.status === 'fulfilled' ? 'redeemed' : (outcome.reason as Error).name;
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
      expect(counts, customer.externalId).toEqual({ redeemed: 10, InsufficientPointsError: 40 });
    }
    const balances = await db()
      .forOrganization(org.id)
      .customer.findMany({ where: { externalId: { startsWith: 'B-' } }, select: { pointsBalance: true } });
    expect(new Set(balances.map((customer) => customer.pointsBalance))).toEqual(new Set([0]));
    expect(await checkLedger(org.id, app.clock.now())).toEqual([]);
  }, 120_000);

  test('50 customers redeeming a reward with a stock of 5 at once: exactly 5 succeed', async () => {
    const customers = await customersWith1000Points('S', 50);
    const lamp = await reward('Lygtesæt', 100, 5);
    const results = await Promise.all(
      customers.map((customer) =>
        app.graphql(REDEEM, { customer: customer.externalId, reward: gid('Reward', lamp.id) }, pos),
      ),
    );
    expect(tally(results)).toEqual({ MutationRedeemRewardSuccess: 5, OutOfStockError: 45 });
    const tenant = db().forOrganization(org.id);
    expect((await tenant.reward.findUniqueOrThrow({ where: { id: lamp.id } })).stock).toBe(0);
    expect(await tenant.redemption.count({ where: { rewardId: lamp.id } })).toBe(5);
    expect(await checkLedger(org.id, app.clock.now())).toEqual([]);
  });

  test('50 concurrent redemptions on the customer’s own page (100 points, balance 1 000) succeed exactly 10 times', async () => {
    const [customer] = await customersWith1000Points('P', 1);
    const coupon = await reward('Rabat på siden', 100, null);
    const link = await writeTransaction(org.id, (tx) => createMemberLink(tx, customer.id, app.clock.now()));
    const started = await app.graphql(
      `mutation ($token: String!) { startMemberSession(linkToken: $token) { ... on MutationStartMemberSessionSuccess { data { token } } } }`,
      { token: link.split('/').at(-1) },
    );
    const session = started.data!.startMemberSession.data.token;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.graphql(
          `mutation ($reward: ID!) { memberRedeemReward(rewardId: $reward) { __typename } }`,
          { reward: gid('Reward', coupon.id) },
          session,
        ),
      ),
    );
    expect(tally(results)).toEqual({ MutationMemberRedeemRewardSuccess: 10, InsufficientPointsError: 40 });
    const tenant = db().forOrganization(org.id);
    expect((await tenant.customer.findUniqueOrThrow({ where: { id: customer.id } })).pointsBalance).toBe(0);
    expect(await checkLedger(org.id, app.clock.now())).toEqual([]);
  });

  test('20 concurrent cancels of one redemption refund it once and return the stock once', async () => {
    const [customer] = await customersWith1000Points('C', 1);
    const bottle = await reward('Drikkedunk', 400, 3);
    const redemption = await redeemReward(systemCaller(org.id), { customer: { id: customer.id }, rewardId: bottle.id });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => app.graphql(CANCEL, { id: gid('Redemption', redemption.id) }, pos)),
    );
    expect(tally(results)).toEqual({ MutationCancelRedemptionSuccess: 1, ValidationError: 19 });
    const tenant = db().forOrganization(org.id);
    expect(await tenant.pointsEntry.count({ where: { redemptionId: redemption.id, kind: 'REFUND' } })).toBe(1);
    expect((await tenant.customer.findUniqueOrThrow({ where: { id: customer.id } })).pointsBalance).toBe(1000);
    expect((await tenant.reward.findUniqueOrThrow({ where: { id: bottle.id } })).stock).toBe(3);
  });

  test('redeeming, cancelling and adjusting the same customers at once never deadlocks', async () => {
    const customers = await customersWith1000Points('M', 5);
    const bell = await reward('Ringeklokke', 50, 40);
    const earlier = await Promise.all(
      customers.map((customer) =>
        redeemReward(systemCaller(org.id), { customer: { id: customer.id }, rewardId: bell.id }),
      ),
    );
    const ADJUST = `mutation ($customer: String!) { adjustPoints(input: { customer: { externalId: $customer }, delta: -30, reason: "Rettelse" }) { __typename } }`;
    const results = await Promise.all(
      customers.flatMap((customer, index) => [
        app.graphql(REDEEM, { customer: customer.externalId, reward: gid('Reward', bell.id) }, pos),
        app.graphql(CANCEL, { id: gid('Redemption', earlier[index].id) }, pos),
        app.graphql(ADJUST, { customer: customer.externalId }, org.tokens.MANAGER),
        app.graphql(REDEEM, { customer: customer.externalId, reward: gid('Reward', bell.id) }, pos),
      ]),
    );
    expect(tally(results)).toEqual({
      MutationRedeemRewardSuccess: 10,
      MutationCancelRedemptionSuccess: 5,
      MutationAdjustPointsSuccess: 5,
    });
    expect(
      (
        await db()
          .forOrganization(org.id)
          .reward.findUniqueOrThrow({ where: { id: bell.id } })
      ).stock,
    ).toBe(40 - 10);
    expect(await checkLedger(org.id, app.clock.now())).toEqual([]);
  });

  test('two instances expiring points at the same moment write each expiry once', async () => {
    const tenant = db().forOrganization(org.id);
    const lots = await tenant.pointsLot.count({ where: { remaining: { gt: 0 } } });
    app.clock.set(new Date('2028-03-02T12:00:00Z'));
    const [first, second] = await Promise.all([expirePoints(app.clock.now()), expirePoints(app.clock.now())]);
    expect(first + second).toBe(lots);
    expect(await tenant.pointsEntry.count({ where: { kind: 'EXPIRE' } })).toBe(lots);
    expect(await tenant.pointsLot.count({ where: { remaining: { gt: 0 } } })).toBe(0);
    expect(await tenant.customer.count({ where: { pointsBalance: { not: 0 } } })).toBe(0);
  });
});
