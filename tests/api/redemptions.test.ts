import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { rawId } from '../../api/src/schema/ids.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let org: TestOrganization;
let pos: string;
const rewards: Record<string, string> = {};

const REDEEM = `mutation ($customer: String!, $reward: ID!, $key: String) {
  redeemReward(input: { customer: { externalId: $customer }, rewardId: $reward }, idempotencyKey: $key) {
    __typename
    ... on MutationRedeemRewardSuccess { data { id points status reward { name stock } customer { pointsBalance } } }
    ... on InsufficientPointsError { message balance required }
    ... on TierTooLowError { message requiredTier customerTier }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const CANCEL = `mutation ($id: ID!, $reason: String) {
  cancelRedemption(input: { id: $id, reason: $reason }) {
    __typename
    ... on MutationCancelRedemptionSuccess { data { status cancelledAt cancelReason reward { stock } customer { pointsBalance } } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const ADJUST = `mutation ($customer: String!, $delta: Int!, $reason: String!) {
  adjustPoints(input: { customer: { externalId: $customer }, delta: $delta, reason: $reason }) {
    __typename
    ... on MutationAdjustPointsSuccess { data { kind delta balanceAfter en: explanation(locale: EN) da: explanation(locale: DA) customer { pointsBalance } } }
    ... on InsufficientPointsError { message balance required }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const LEDGER = `query ($customer: String!) {
  customer(ref: { externalId: $customer }) {
    pointsBalance tier
    pointsLedger(first: 10) { edges { node { kind delta balanceAfter en: explanation(locale: EN) da: explanation(locale: DA) } } }
  }
}`;

async function redeem(customer: string, reward: string, token = pos) {
  return (await app.graphql(REDEEM, { customer, reward: rewards[reward] }, token)).data!.redeemReward;
}

async function customer(externalId: string) {
  const found = (await app.graphql(LEDGER, { customer: externalId }, org.tokens.VIEWER)).data!.customer;
  return {
    balance: found.pointsBalance as number,
    tier: found.tier as string,
    ledger: found.pointsLedger.edges.map((edge: { node: unknown }) => edge.node) as {
      kind: string;
      delta: number;
      balanceAfter: number;
      en: string;
      da: string;
    }[],
  };
}

async function buy(externalId: string, amountMinor: number) {
  await recordEvent(systemCaller(org.id), {
    purchase: {
      customer: { externalId },
      amount: { amountMinor, currency: 'DKK' },
      occurredAt: new Date('2026-02-10T10:00:00Z'),
    },
  });
}

async function stockOf(reward: string) {
  return (
    await db()
      .forOrganization(org.id)
      .reward.findUniqueOrThrow({ where: { id: rawId(rewards[reward], 'Reward') } })
  ).stock;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Indløsning');
  // The counter shows the balance and the stock it redeems against: it reads customers and rewards.
  pos = await partnerKey(org, ['REDEMPTIONS_WRITE', 'CUSTOMERS_READ', 'REWARDS_READ']);
  await createCustomers(org, 8);
  const catalogue = [
    { name: 'Drikkedunk', pointsCost: 400, kind: 'GIFT', unitCost: { amountMinor: 6000, currency: 'DKK' }, stock: 3 },
    { name: 'Cykelkurv', pointsCost: 100, kind: 'GIFT', unitCost: { amountMinor: 9000, currency: 'DKK' }, stock: 0 },
    {
      name: 'MTB-tur i Rold Skov',
      pointsCost: 3000,
      kind: 'EXPERIENCE',
      unitCost: { amountMinor: 75000, currency: 'DKK' },
      minimumTier: 'GOLD',
    },
    {
      name: 'Vinterservice 2025',
      pointsCost: 10,
      kind: 'SERVICE_UPGRADE',
      unitCost: { amountMinor: 0, currency: 'DKK' },
    },
  ];
  for (const input of catalogue) {
    const created = await app.graphql(
      `mutation ($input: CreateRewardInput!) { createReward(input: $input) { ... on MutationCreateRewardSuccess { data { id } } } }`,
      { input },
      org.tokens.MANAGER,
    );
    rewards[input.name] = created.data!.createReward.data.id;
  }
  await app.graphql(
    `mutation ($id: ID!) { updateReward(input: { id: $id, active: false }) { __typename } }`,
    { id: rewards['Vinterservice 2025'] },
    org.tokens.MANAGER,
  );
  await buy('K-1', 500000); // 500 points
  await buy('K-2', 120000); // 120 points
  await buy('K-3', 5_000_000); // 5 000 points: GOLD
  await buy('K-4', 1_000_000); // 1 000 points: SILVER
  await buy('K-5', 500000);
});
afterAll(() => app.stop());

describe('redeemReward', () => {
  test('redeeming spends the points cost with a REDEEM entry that explains itself and takes one from the stock', async () => {
    const redeemed = await redeem('K-1', 'Drikkedunk');
    expect(redeemed).toMatchObject({
      __typename: 'MutationRedeemRewardSuccess',
      data: {
        points: 400,
        status: 'FULFILLED',
        reward: { name: 'Drikkedunk', stock: 2 },
        customer: { pointsBalance: 100 },
      },
    });
    const { balance, ledger } = await customer('K-1');
    expect(balance).toBe(100);
    expect(ledger[0]).toEqual({
      kind: 'REDEEM',
      delta: -400,
      balanceAfter: 100,
      en: 'You redeemed 400 points for Drikkedunk.',
      da: 'Du indløste 400 point til Drikkedunk.',
    });
  });

  test('a balance below the cost is an InsufficientPointsError with the balance and the cost, and nothing changes', async () => {
    const refused = await redeem('K-2', 'Drikkedunk');
    expect(refused).toEqual({
      __typename: 'InsufficientPointsError',
      message: 'The balance is 120 points; 400 are needed.',
      balance: 120,
      required: 400,
    });
    expect((await customer('K-2')).ledger).toHaveLength(1);
    expect(await stockOf('Drikkedunk')).toBe(2);
  });

  test('a reward out of stock is an OutOfStockError', async () => {
    expect(await redeem('K-2', 'Cykelkurv')).toEqual({
      __typename: 'OutOfStockError',
      message: 'Cykelkurv is out of stock.',
    });
    expect((await customer('K-2')).balance).toBe(120);
  });

  test("a customer below the reward's minimum tier gets a TierTooLowError naming both tiers; a GOLD customer redeems it", async () => {
    expect(await redeem('K-4', 'MTB-tur i Rold Skov')).toEqual({
      __typename: 'TierTooLowError',
      message: 'This reward needs tier GOLD; the customer is SILVER.',
      requiredTier: 'GOLD',
      customerTier: 'SILVER',
    });
    expect(await redeem('K-3', 'MTB-tur i Rold Skov')).toMatchObject({
      __typename: 'MutationRedeemRewardSuccess',
      data: { points: 3000, customer: { pointsBalance: 2000 } },
    });
  });

  test('spending does not lower a tier: it follows the points earned', async () => {
    expect((await customer('K-3')).tier).toBe('GOLD');
  });

  test('an inactive reward is a ValidationError, an unknown reward or customer a NotFoundError, and nothing changes', async () => {
    expect(await redeem('K-5', 'Vinterservice 2025')).toEqual({
      __typename: 'ValidationError',
      message: 'Vinterservice 2025 is not offered any more.',
      fieldErrors: [{ path: ['input', 'rewardId'], message: 'Vinterservice 2025 is not offered any more.' }],
    });
    const unknownReward = await app.graphql(REDEEM, { customer: 'K-5', reward: gid('Reward', 'nowhere') }, pos);
    expect(unknownReward.data!.redeemReward).toEqual({ __typename: 'NotFoundError', message: 'Reward was not found.' });
    expect(await redeem('nobody', 'Drikkedunk')).toEqual({
      __typename: 'NotFoundError',
      message: 'Customer was not found.',
    });
    expect((await customer('K-5')).balance).toBe(500);
    expect(
      await db()
        .forOrganization(org.id)
        .redemption.count({ where: { customer: { externalId: 'K-5' } } }),
    ).toBe(0);
  });

  test('a retry with the same idempotency key redeems once', async () => {
    const first = await app.graphql(REDEEM, { customer: 'K-5', reward: rewards['Drikkedunk'], key: 'till-7' }, pos);
    const again = await app.graphql(REDEEM, { customer: 'K-5', reward: rewards['Drikkedunk'], key: 'till-7' }, pos);
    expect(again.data).toEqual(first.data);
    expect((await customer('K-5')).balance).toBe(100);
    expect(await stockOf('Drikkedunk')).toBe(1);
  });
});

describe('cancelRedemption', () => {
  test('cancelling refunds the points with a REFUND entry and returns the stock, exactly once', async () => {
    await buy('K-6', 400000);
    const redeemed = await redeem('K-6', 'Drikkedunk');
    expect(await stockOf('Drikkedunk')).toBe(0);
    const cancelled = await app.graphql(CANCEL, { id: redeemed.data.id, reason: 'Udsolgt hos leverandøren' }, pos);
    expect(cancelled.data!.cancelRedemption).toEqual({
      __typename: 'MutationCancelRedemptionSuccess',
      data: {
        status: 'CANCELLED',
        cancelledAt: '2026-03-01T12:00:00.000Z',
        cancelReason: 'Udsolgt hos leverandøren',
        reward: { stock: 1 },
        customer: { pointsBalance: 400 },
      },
    });
    expect((await customer('K-6')).ledger[0]).toEqual({
      kind: 'REFUND',
      delta: 400,
      balanceAfter: 400,
      en: '400 points returned because your redemption of Drikkedunk was cancelled.',
      da: 'Du fik 400 point tilbage, fordi din indløsning af Drikkedunk blev annulleret.',
    });

    const again = await app.graphql(CANCEL, { id: redeemed.data.id }, pos);
    expect(again.data!.cancelRedemption).toEqual({
      __typename: 'ValidationError',
      message: 'This redemption is already cancelled; its points were refunded then.',
      fieldErrors: [
        { path: ['input', 'id'], message: 'This redemption is already cancelled; its points were refunded then.' },
      ],
    });
    expect((await customer('K-6')).balance).toBe(400);
    expect(await stockOf('Drikkedunk')).toBe(1);
  });

  test('cancelling a reward with unlimited stock leaves it unlimited', async () => {
    await app.graphql(
      `mutation ($id: ID!) { updateReward(input: { id: $id, stock: null }) { __typename } }`,
      { id: rewards['Drikkedunk'] },
      org.tokens.MANAGER,
    );
    const redeemed = await redeem('K-6', 'Drikkedunk');
    const cancelled = await app.graphql(CANCEL, { id: redeemed.data.id }, org.tokens.AGENT);
    expect(cancelled.data!.cancelRedemption.data).toMatchObject({ reward: { stock: null }, cancelReason: null });
  });

  test('an unknown redemption is a NotFoundError', async () => {
    const result = await app.graphql(CANCEL, { id: gid('Redemption', 'nowhere') }, pos);
    expect(result.data!.cancelRedemption).toEqual({
      __typename: 'NotFoundError',
      message: 'Redemption was not found.',
    });
  });

  test("a customer's redemptions are listed newest first, cancelled ones included", async () => {
    const result = await app.graphql(
      `{ customer(ref: { externalId: "K-6" }) { redemptions(first: 10) { totalCount edges { node { status points reward { name } } } } } }`,
      {},
      org.tokens.VIEWER,
    );
    expect(result.data!.customer.redemptions).toEqual({
      totalCount: 2,
      edges: [
        { node: { status: 'CANCELLED', points: 400, reward: { name: 'Drikkedunk' } } },
        { node: { status: 'CANCELLED', points: 400, reward: { name: 'Drikkedunk' } } },
      ],
    });
  });
});

describe('adjustPoints', () => {
  test("a manager's correction is an ADJUST entry whose explanation carries the reason", async () => {
    const up = await app.graphql(
      ADJUST,
      { customer: 'K-7', delta: 250, reason: 'Point manglede fra købet i marts' },
      org.tokens.MANAGER,
    );
    expect(up.data!.adjustPoints).toEqual({
      __typename: 'MutationAdjustPointsSuccess',
      data: {
        kind: 'ADJUST',
        delta: 250,
        balanceAfter: 250,
        en: 'Correction of +250 points: Point manglede fra købet i marts.',
        da: 'Rettelse på +250 point: Point manglede fra købet i marts.',
        customer: { pointsBalance: 250 },
      },
    });
    const down = await app.graphql(
      ADJUST,
      { customer: 'K-7', delta: -1500, reason: 'Dobbelt registreret køb' },
      org.tokens.MANAGER,
    );
    expect(down.data!.adjustPoints).toEqual({
      __typename: 'InsufficientPointsError',
      message: 'The balance is 250 points; 1500 are needed.',
      balance: 250,
      required: 1500,
    });
    const fair = await app.graphql(
      ADJUST,
      { customer: 'K-7', delta: -50, reason: 'Dobbelt registreret køb' },
      org.tokens.MANAGER,
    );
    expect(fair.data!.adjustPoints.data).toMatchObject({
      delta: -50,
      balanceAfter: 200,
      en: 'Correction of -50 points: Dobbelt registreret køb.',
      da: 'Rettelse på -50 point: Dobbelt registreret køb.',
    });
  });

  test('adjusting by 0 or without a reason is refused and changes nothing', async () => {
    const refused = await app.graphql(ADJUST, { customer: 'K-7', delta: 0, reason: ' ' }, org.tokens.MANAGER);
    expect(refused.data!.adjustPoints.fieldErrors).toEqual([
      {
        path: ['input', 'delta'],
        message: 'Adjust by a whole number of points other than 0, at most 1000000 either way.',
      },
      { path: ['input', 'reason'], message: 'Say why, in 1 to 500 characters: the customer reads it.' },
    ]);
    expect((await customer('K-7')).balance).toBe(200);
  });

  test('only managers adjust points: an agent and a partner are refused', async () => {
    const agent = await app.graphql(ADJUST, { customer: 'K-7', delta: 10, reason: 'Tak' }, org.tokens.AGENT);
    const partner = await app.graphql(ADJUST, { customer: 'K-7', delta: 10, reason: 'Tak' }, pos);
    expect(agent.data!.adjustPoints.__typename).toBe('ForbiddenError');
    expect(partner.data!.adjustPoints.__typename).toBe('ForbiddenError');
    expect((await customer('K-7')).balance).toBe(200);
  });
});
